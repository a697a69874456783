"""A response table's header: which column holds the label, the recommendation, the decision,
the response, the owner or the target, read from what each heading says."""

from __future__ import annotations

import re

from .lines import Line
from .text import clean

ROLES = ("label", "addressee", "recommendation", "decision", "response", "owner", "target")


def role_of(header: str) -> str | None:
    h = re.sub(r"^\s*\d+\s*[.)]\s*", "", clean(header)).lower()
    if not h:
        return None
    if re.search(r"\brec(?:ommendation)?\.?\s*(?:no|number|ref)\b|^(?:no\.?|#|number)$|^ref", h):
        return "label"
    if re.search(r"\baddressee\b|\b(?:directed|addressed) to\b", h):
        return "addressee"
    if re.search(r"agreed|accepted|decision", h):
        return "decision"
    if re.search(r"owner|responsib|\blead\b", h):
        return "owner"
    if re.search(r"target|date|timescale|deadline|by when", h):
        return "target"
    if re.search(r"response|action|progress|update|comment|what we", h):
        return "response"
    if "recommendation" in h:
        return "recommendation"
    return None


def find_header(lines: list[Line]) -> tuple[int, list[str | None]] | None:
    """The table's header row and the role of each of its columns, or None."""
    for index, line in enumerate(lines):
        if "\t" not in line.text:
            continue
        roles = [role_of(cell) for cell in line.text.split("\t")]
        if "recommendation" in roles and ("target" in roles or "owner" in roles):
            return index, roles
    return None
