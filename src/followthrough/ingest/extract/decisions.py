"""The three decisions, however a department words them ("Partly Agreed", "Partially accepted")."""

from __future__ import annotations

import re

_NOT = re.compile(r"\b(?:not|dis)\s*-?\s*(?:agreed?|accepted?)\b|\brejected\b", re.IGNORECASE)
_PARTLY = re.compile(r"\b(?:partly|partially|part)\s*-?\s*(?:agreed?|accepted?)\b", re.IGNORECASE)
_AGREED = re.compile(r"\b(?:agreed?|accepted?)\b", re.IGNORECASE)

# How a response opens when the decision is written into its first words.
_OPENING = re.compile(
    r"^\W*((?:(?:partly|partially|part)\s*-?\s*|not\s+)?(?:agreed|accepted))\b", re.IGNORECASE
)
# "…partly accepted this recommendation" inside the first sentences of a response.
_STATED = re.compile(
    r"\b((?:(?:partly|partially)\s+|not\s+)?(?:agreed|accepted))\s+(?:with\s+)?this\s+recommendation",
    re.IGNORECASE,
)
_STATED_PASSIVE = re.compile(
    r"this\s+recommendation\s+is\s+((?:(?:partly|partially)\s+|not\s+)?(?:agreed|accepted))\b",
    re.IGNORECASE,
)


def decision_from(text: str | None) -> str | None:
    """Map a printed decision onto agreed, partly_agreed or not_agreed; None if there is none."""
    if not text:
        return None
    if _NOT.search(text):
        return "not_agreed"
    if _PARTLY.search(text):
        return "partly_agreed"
    if _AGREED.search(text):
        return "agreed"
    return None


def decision_in_response(text: str) -> str | None:
    """The decision as the response itself states it, for plans with no decision column."""
    m = _OPENING.match(text)
    if m:
        return m[1]
    head = text[:600]
    for pattern in (_STATED, _STATED_PASSIVE):
        m = pattern.search(head)
        if m:
            return m[1]
    return None
