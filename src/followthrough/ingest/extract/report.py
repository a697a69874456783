"""Inspection reports: the recommendations list, grouped under "<Addressee> should:" headings.

Reports number recommendations through the whole list, put lettered or bulleted sub-points
under some of them and end each with the paragraphs of evidence it rests on.
"""

from __future__ import annotations

import re

from followthrough.core.dates import parse_date

from .addressees import addressee_tidy, split_inline
from .findings import extract_findings
from .inspectorates import inspectorates_in
from .labels import paragraph_refs
from .lines import Line, split_lines
from .lists import page_furniture, read_lists
from .other_lists import with_other_lists
from .practice import extract_practice_examples
from .text import clean
from .types import Document, Extraction, ExtractionError, Item, Recommendation

HEADING_RE = re.compile(r"^\s*#{1,6}\s*(.*)$")
RECS_HEADING_RE = re.compile(r"^\W*(?:summary of\s+)?recommendations\W*$", re.IGNORECASE)
SHOULD_RE = re.compile(r"^(.*?)\s*\bshould\s*:?\s*$", re.IGNORECASE)
NUMBERED_RE = re.compile(
    r"^(\s*)(?:[-*•–◦▪·]\s+)?(?:\**recommendation\s+)?(\d{1,3}[a-z]?)(?:\.|\)|:\**)\s+(\S.*)$",
    re.IGNORECASE,
)
LETTERED_RE = re.compile(r"^(\s*)(?:[-*•–◦▪·]\s+)?\(?([a-z])[.)]\s+(\S.*)$")
BULLET_RE = re.compile(r"^(\s*)[-*•–◦▪·]\s+(\S.*)$")
INLINE_SHOULD_RE = re.compile(r"^([A-Z][^.;:]{2,150}?)\s+should\s+(\w.*)$")


def _refs(text: str) -> tuple[str, list[str]]:
    return paragraph_refs(text)


def _document(lines: list[str]) -> Document:
    head = "\n".join(lines[:120])
    title = None
    for line in lines[:60]:
        m = HEADING_RE.match(line)
        if m and clean(m[1]):
            title = clean(m[1])
            break
    if title is None:
        title = next((clean(x) for x in lines if clean(x)), None)
    published = None
    m = re.search(
        r"\b(?i:published)(?:\s+(?:in|on))?\s*:?\s*((?:\d{1,2}\w*\s+)?[A-Z][a-z]+\.?\s+\d{4})", head
    )
    if m:
        published = parse_date(m[1])
    by = re.search(r"inspection by\s*:?\s*(.+)", head, re.IGNORECASE)
    inspectorates = inspectorates_in(by[1]) if by else []
    if not inspectorates:
        inspectorates = inspectorates_in(head)
    return Document(
        kind="inspection_report", title=title, published=published, inspectorates=inspectorates
    )


def _heading_text(line: str) -> str:
    m = HEADING_RE.match(line)
    return clean(m[1] if m else line)


def recommendation_start(lines: list[str]) -> int | None:
    """The line after the first 'Recommendations' heading that has addressees under it."""
    for index, line in enumerate(lines):
        if "\t" in line:
            continue
        if not RECS_HEADING_RE.match(_heading_text(line)):
            continue
        window = lines[index + 1 : index + 80]
        if any(SHOULD_RE.match(_heading_text(x)) for x in window):
            return index + 1
        numbered = [m[3] for m in (NUMBERED_RE.match(x) for x in window) if m]
        if numbered and all(INLINE_SHOULD_RE.match(clean(t)) for t in numbered[:3]):
            return index + 1
    return None


def extract_report(
    text: str, source: str, *, anywhere: bool = False, lines: list[Line] | None = None
) -> Extraction:
    """`lines` are the text's lines when the caller has already split it."""
    if not text.strip():
        raise ExtractionError("the file is empty")
    lines = split_lines(text) if lines is None else lines
    plain = [line.text for line in lines]
    start = recommendation_start(plain)
    if start is None:
        return _from_list(text, source, lines, anywhere=anywhere)
    warnings: list[str] = []
    recs: list[Recommendation] = []
    refs: dict[int, list[str]] = {}
    addressee: str | None = None
    blank_before = False
    # Some reports bullet their recommendations instead of numbering them: a bullet that is the
    # first list line under an addressee starts that mode, until a numbered line appears.
    after_heading = False
    bulleted = False
    bullet_mark: str | None = None  # in flattened text a different mark is a nested point
    nested = False  # the last recommendation's points were printed deeper or with another mark
    for index, line in enumerate(lines[start:], start=start):
        raw = line.text
        if not raw.strip():
            blank_before = True
            continue
        heading = HEADING_RE.match(raw)
        body = clean(heading[1]) if heading else clean(raw)
        should = SHOULD_RE.match(body)
        if should and len(body) < 300 and not NUMBERED_RE.match(raw):
            addressee = addressee_tidy(should[1])  # "• The board should:", "By May, X should:"
            bullet_mark = None
            blank_before = False
            after_heading = True
            continue
        if heading and recs:
            break  # the next section of the report
        numbered = NUMBERED_RE.match(raw)
        lettered = LETTERED_RE.match(raw)
        bullet = BULLET_RE.match(raw)
        top_bullet = bullet is not None and not lettered and len(bullet[1]) < 2
        if top_bullet and bullet_mark and not after_heading:
            top_bullet = raw.lstrip()[:1] == bullet_mark
        if top_bullet and bulleted and not after_heading and recs[-1].text.endswith(":"):
            top_bullet = nested  # "…, covering:" then its points, their nesting lost in print
        if top_bullet and (after_heading or bulleted) and not numbered:
            bulleted = True
            bullet_mark = raw.lstrip()[:1]
            numbered = re.match(r"^(\s*)()(.*)$", bullet[2])  # type: ignore[index]
            label = str(len(recs) + 1)
            warnings.append(
                f"line {line.number}: recommendation not numbered; numbered {label} by its position"
            )
        else:
            label = numbered[2] if numbered else ""
        after_heading = False
        if numbered and len(numbered[1]) < 2:
            if numbered[2]:
                bulleted = False
            body_text, own = _refs(numbered[3])
            rec_text, rec_addressee = clean(body_text), addressee
            inline = INLINE_SHOULD_RE.match(rec_text) if not addressee else None
            if inline:  # "1. The Youth Justice Board should publish …"
                rec_addressee, rec_text = inline[1], inline[2]
            elif not addressee and rec_text.endswith(":"):  # "1. The board should:" over points
                rec_addressee, rec_text, _ = split_inline(rec_text)
            rec = Recommendation(
                label=label,
                label_inferred=not numbered[2],
                confidence=1.0 if numbered[2] else 0.6,
                section="main",
                addressee=rec_addressee,
                text=rec_text,
                start=line.start,
                end=line.end,
            )
            if not rec.addressee:
                warnings.append(f"line {line.number}: recommendation {rec.label} has no addressee")
            recs.append(rec)
            refs[id(rec)] = own
            nested = False
        elif recs and (lettered or bullet):
            rec = recs[-1]
            item_label = lettered[2] if lettered else None
            body_text, own = _refs(lettered[3] if lettered else bullet[2])  # type: ignore[index]
            rec.items.append(Item(item_label, clean(body_text)))
            nested = bullet is not None and (len(bullet[1]) >= 2 or raw.lstrip()[:1] != bullet_mark)
            refs[id(rec)].extend(own)
            rec.end = line.end
        elif recs and (not blank_before or raw.strip()[:1].islower()):
            body_text, own = _refs(raw)
            rec = recs[-1]
            if rec.items:
                last = rec.items[-1]
                rec.items[-1] = Item(last.label, f"{last.text} {clean(body_text)}".strip())
            else:
                rec.text = f"{rec.text} {clean(body_text)}".strip()
            refs[id(rec)].extend(own)
            rec.end = line.end
        elif recs and page_furniture(lines, index, recs[-1].label):
            continue  # a page number or running header where the list crosses a page
        elif recs:
            break  # prose after the list
        blank_before = False
    if not recs:
        return _from_list(text, source, lines, anywhere=anywhere)
    for rec in recs:
        seen: list[str] = []
        for ref in refs[id(rec)]:
            if ref not in seen:
                seen.append(ref)
        rec.paragraph_refs = seen
    recs = with_other_lists(lines, recs, warnings)
    findings, finding_warnings = extract_findings(lines)
    return Extraction(
        source,
        _document(plain),
        recs,
        [],
        warnings + finding_warnings,
        findings=findings,
        practice_examples=extract_practice_examples(lines),
    )


def _from_list(text: str, source: str, lines: list[Line], *, anywhere: bool) -> Extraction:
    """Any other list of the genre: other headings, labels, bullets, or no addressee at all."""
    found = read_lists(lines, anywhere=anywhere)
    if not found.recommendations:
        raise ExtractionError(
            "no recommendations were found: no list under a 'Recommendations' heading or "
            "a sentence introducing them"
        )
    recs = with_other_lists(lines, found.recommendations, found.warnings)
    findings, finding_warnings = extract_findings(lines)
    return Extraction(
        source,
        _document([line.text for line in lines]),
        recs,
        [],
        found.warnings + finding_warnings,
        findings=findings,
        practice_examples=extract_practice_examples(lines),
    )
