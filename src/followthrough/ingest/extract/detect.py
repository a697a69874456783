"""Which kind of document a text is, and the extractor that reads it."""

from __future__ import annotations

import re

from .action_plan import extract_action_plan
from .benchmarking import extract_benchmarking_tool
from .columns import Header, find_header
from .labels import count_warning
from .lines import Line, split_lines
from .lists import read_lists
from .practice import extract_practice_guide
from .prose_responses import extract_prose_responses, is_prose_response
from .report import extract_report, recommendation_start
from .text import forget_cleaned
from .types import Document, Extraction, ExtractionError, Response

SUPPORTED = ("action_plan", "inspection_report", "benchmarking_tool", "practice_guide")
PENDING: dict[str, str] = {}


def detect_kind(text: str) -> str:
    """The document kind, or ExtractionError naming why the text is not of this genre."""
    return _detect(text)[0]


# A line opening with "Thematic" (after any marks): one sign of a benchmarking tool. Matched
# line by line: a MULTILINE "^" is tried at every character of the document.
_THEMATIC = re.compile(r"\W*thematic\b", re.IGNORECASE)


def _detect(text: str) -> tuple[str, list[Line], Header | bool]:
    """The kind, the lines (split once, for the reader to reuse) and the response table's header
    when one was found (False when none was)."""
    if not text or not text.strip():
        raise ExtractionError("the file is empty")
    if "\x00" in text[:4096]:
        raise ExtractionError("the file is binary, not a text rendering of a document")
    lines = split_lines(text)
    head = text[:5000].lower()
    header = find_header(lines)
    if header is not None:
        return "action_plan", lines, header
    lower = text.lower()  # plain `in` on lower case: a case-blind search is many times slower
    if (
        "how do we know" in lower
        and ("line of enquiry" in lower or "lines of enquiry" in lower)
        and any(_THEMATIC.match(line.text) for line in lines)
    ):
        return "benchmarking_tool", lines, False
    if "effective practice" in head and "guide" in head:
        return "practice_guide", lines, False
    # A response printed as prose ("Recommendation 1 … The Government accepts …") is a plan.
    if is_prose_response(lines):
        return "action_plan", lines, False
    if recommendation_start([x.text for x in lines]) is not None:
        return "inspection_report", lines, False
    if read_lists(lines).recommendations:
        return "inspection_report", lines, False
    raise ExtractionError(
        "not an inspection document: found no action plan table, no recommendations section "
        "and no list of recommendations"
    )


def extract(
    text: str,
    source: str,
    *,
    kind: str | None = None,
    column_map: dict[int, str] | None = None,
) -> Extraction:
    """Extract any document of the genre. `kind` forces the kind a reviewer marked;
    `column_map` (column index -> role) re-reads a response table with the reviewer's mapping."""
    forget_cleaned()
    forced = kind is not None
    header: Header | bool | None = None  # a response table's header, or False, once looked for
    if kind is None:
        kind, lines, header = _detect(text)
    elif not text or not text.strip():
        raise ExtractionError("the file is empty")
    else:
        lines = split_lines(text)
    if kind == "action_plan":
        result = _action_plan(text, source, column_map, lines, header, forced=forced)
    elif kind == "inspection_report":
        result = extract_report(text, source, anywhere=forced, lines=lines)
    elif kind == "benchmarking_tool":
        return extract_benchmarking_tool(text, source, lines=lines)
    elif kind == "practice_guide":
        return extract_practice_guide(text, source, lines=lines)
    else:
        result = Extraction(source, Document(kind=kind), supported=False)
        result.warnings.append(f"extraction of {PENDING.get(kind, kind)} is not supported yet")
        return result
    main = sum(r.section == "main" for r in result.recommendations)
    warning = count_warning(text, len(result.recommendations), main)
    if warning:
        result.warnings.append(warning)
    return result


def _action_plan(
    text: str,
    source: str,
    column_map: dict[int, str] | None,
    lines: list[Line],
    header: Header | bool | None,
    *,
    forced: bool,
) -> Extraction:
    """A response table, or a response in prose when the text holds no table. A reviewer who
    marks a plain list as a plan gets its recommendations with empty responses to fill in."""
    if header is None:
        header = find_header(lines) or False
    if header or column_map is not None:
        known = header if isinstance(header, Header) else None
        return extract_action_plan(text, source, column_map=column_map, lines=lines, header=known)
    try:
        return extract_prose_responses(text, source)
    except ExtractionError:
        if not forced:
            raise
    found = read_lists(lines, anywhere=True)
    if not found.recommendations:
        raise ExtractionError("no recommendations were found: no response table, no response")
    for rec in found.recommendations:
        rec.response = Response(None, None, "")
        rec.confidence = min(rec.confidence, 0.5)
    warning = "no responses were found: each recommendation has an empty response to fill in"
    return Extraction(
        source, Document(kind="action_plan"), found.recommendations, [], [warning, *found.warnings]
    )
