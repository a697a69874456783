"""Findings tables of an inspection report: each statement with its answer columns (Yes / No …)
and percentages, nested statements kept under their lead-in, by section.

The tables come from OCR'd PDFs: a statement wraps onto a second row, stray figures ("2222",
"===:", "7170 3370" — percentages read as digits) sit in cells. Anything that is not a
percentage is reported as a warning and read as unknown, never turned into a number."""

from __future__ import annotations

import re

from .lines import Line
from .text import clean
from .types import Finding

HEADING_RE = re.compile(r"^#{1,6}\s+(.+?)\s*$")
FINDINGS_RE = re.compile(r"\bfindings?\s+tables?\b", re.IGNORECASE)
APPENDIX_RE = re.compile(r"^\W*appendix\b", re.IGNORECASE)
PERCENT_RE = re.compile(r"^(\d{1,3})\s?%$")
NOT_APPLICABLE_RE = re.compile(r"^(?:n/?a|-|–|—)$", re.IGNORECASE)
ANSWER_RE = re.compile(
    r"^(?:yes|no|partly|partially|n/?a|not applicable|sometimes|don't know)$", re.I
)


def _value(cell: str) -> tuple[int | None, bool]:
    """(percentage or None, whether the cell held something unreadable)."""
    text = clean(cell)
    if not text or NOT_APPLICABLE_RE.match(text):
        return None, False
    match = PERCENT_RE.match(text)
    if match and int(match[1]) <= 100:
        return int(match[1]), False
    return None, True


def _unreadable(cells: list[str], outcome: str) -> str:
    """Figures the scan garbled, in words: 'the figure “5.1” could not be read, so it is …'."""
    quoted = " and ".join(f"“{cell}”" for cell in cells)
    if len(cells) == 1:
        return f"the figure {quoted} could not be read, so it is {outcome}"
    return f"the figures {quoted} could not be read, so they are {outcome}"


def _is_statement_end(text: str) -> bool:
    return text.endswith((".", "?")) and text[:1].isupper() and len(text) > 25


def extract_findings(lines: list[Line]) -> tuple[list[Finding], list[str]]:
    """Every findings table after a "Findings tables" heading, until the next appendix."""
    start = next(
        (
            i
            for i, line in enumerate(lines)
            if line.text[:1] == "#"
            and (h := HEADING_RE.match(line.text))
            and FINDINGS_RE.search(clean(h[1]))
            and "\t" not in line.text
        ),
        None,
    )
    if start is None:
        return [], []
    findings: list[Finding] = []
    warnings: list[str] = []
    section = ""
    columns: list[str] = ["Yes", "No"]
    lead_in: str | None = None
    fragment: list[str] = []
    fragment_start: int | None = None
    for line in lines[start + 1 :]:
        raw = line.text
        heading = HEADING_RE.match(raw) if raw[:1] == "#" else None
        if heading and "\t" not in raw:
            title = clean(heading[1])
            if APPENDIX_RE.match(title):
                break
            section, lead_in, fragment, fragment_start = title, None, [], None
            continue
        if "\t" not in raw:
            continue  # a footnote or prose between tables
        cells = raw.split("\t")
        text = clean(cells[0])
        rest = [clean(c) for c in cells[1:]]
        if rest and all(ANSWER_RE.match(c) for c in rest if c) and any(rest):
            columns = [c for c in rest if c]
            if not text:
                continue
            rest = [""] * len(columns)  # the header row also carries a lead-in
        values: dict[str, int | None] = {}
        noisy = []
        for name, cell in zip(columns, rest + [""] * (len(columns) - len(rest)), strict=False):
            value, unreadable = _value(cell)
            values[name] = value
            if unreadable:
                noisy.append(cell)
        has_values = any(v is not None for v in values.values())
        if fragment:
            text = " ".join([*fragment, text]).strip()
        where = f"{section or 'findings'}: {text[:60]}"
        if not has_values:
            if noisy:
                warnings.append(f"{where}: {_unreadable(noisy, 'left out')}")
            if text.endswith(":"):
                lead_in, fragment, fragment_start = text, [], None
            elif text:
                fragment = [text]  # a statement wrapped onto the next row
                fragment_start = fragment_start if fragment_start is not None else line.start
            continue
        own = []
        if noisy:
            own.append(_unreadable(noisy, "shown as unknown"))
        if not text:
            own.append("figures with no statement")
            warnings.append(f"{section}: figures with no statement on line {line.number}")
        if _is_statement_end(text) and not text[:1].islower():
            lead_in = None  # a full statement of its own ends the nested list above
        findings.append(
            Finding(
                section=section,
                statement=text,
                lead_in=lead_in,
                values=values,
                warnings=own,
                start=fragment_start if fragment_start is not None else line.start,
                end=line.end,
            )
        )
        if own and text:
            warnings.append(f"{where}: {'; '.join(own)}")
        fragment, fragment_start = [], None
    return findings, warnings
