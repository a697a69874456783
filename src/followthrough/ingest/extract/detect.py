"""Which kind of document a text is, and the extractor that reads it."""

from __future__ import annotations

import re

from .action_plan import extract_action_plan
from .benchmarking import extract_benchmarking_tool
from .columns import find_header
from .lines import split_lines
from .practice import extract_practice_guide
from .report import extract_report, recommendation_start
from .types import Document, Extraction, ExtractionError

SUPPORTED = ("action_plan", "inspection_report", "benchmarking_tool", "practice_guide")
PENDING: dict[str, str] = {}


def detect_kind(text: str) -> str:
    """The document kind, or ExtractionError naming why the text is not of this genre."""
    if not text or not text.strip():
        raise ExtractionError("the file is empty")
    if "\x00" in text[:4096]:
        raise ExtractionError("the file is binary, not a text rendering of a document")
    lines = split_lines(text)
    head = text[:5000].lower()
    if find_header(lines) is not None:
        return "action_plan"
    thematic_lines = sum(1 for x in lines if re.match(r"^\W*thematic\b", x.text, re.I))
    if (
        thematic_lines >= 1
        and re.search(r"how do we know", text, re.I)
        and re.search(r"lines? of enquiry", text, re.I)
    ):
        return "benchmarking_tool"
    if "effective practice" in head and "guide" in head:
        return "practice_guide"
    if recommendation_start([x.text for x in lines]) is not None:
        return "inspection_report"
    raise ExtractionError(
        "not an inspection document: found neither an action plan table nor a "
        "recommendations section"
    )


def extract(text: str, source: str) -> Extraction:
    """Extract any document of the genre; kinds not read yet come back marked unsupported."""
    kind = detect_kind(text)
    if kind == "action_plan":
        return extract_action_plan(text, source)
    if kind == "inspection_report":
        return extract_report(text, source)
    if kind == "benchmarking_tool":
        return extract_benchmarking_tool(text, source)
    if kind == "practice_guide":
        return extract_practice_guide(text, source)
    result = Extraction(source, Document(kind=kind), supported=False)
    result.warnings.append(f"extraction of {PENDING[kind]} is not supported yet")
    return result
