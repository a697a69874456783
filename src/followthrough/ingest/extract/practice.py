"""Practice examples (good, poor, promising, case illustrations) in reports and effective
practice guides, and a guide's standards and reflection questions.

Both genres mark an example with a heading ("Good practice example: …", "Practice example: …",
"Example of effectiveness: …, Durham", "Case illustration"); its text runs to the next heading.
"""

from __future__ import annotations

import re

from followthrough.core.dates import MONTH_RE, parse_date

from .inspectorates import inspectorates_in
from .lines import Line, split_lines
from .text import clean
from .types import Concept, Document, Extraction, PracticeExample, ReflectionQuestion, Standard

HEADING_RE = re.compile(r"^(#{1,6})\s+(.+?)\s*$")
BOLD_LINE_RE = re.compile(r"^\*\*(.+?)\*\*\s*$")
# A paragraph opening with a bold label and a short title: "**Practice example:** its title."
BOLD_LABEL_RE = re.compile(r"^\*\*([^*]{3,60}?:?)\*\*\s*([^*]{3,250}?)\.?\s*$")
# A cover line that is only a date: "February 2023", "Published: 7 June 2022".
DATE_LINE_RE = re.compile(
    rf"^(?:published\s*:?\s*)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{MONTH_RE}\s+(?:19|20)\d\d$",
    re.IGNORECASE,
)
EXAMPLE_RE = re.compile(
    r"^(?:(good|poor|promising)\s+)?(?:practice\s+example|example\s+of\s+effectiveness)\b"
    r"\s*[:\-–]?\s*(.*)$",
    re.IGNORECASE,
)
ILLUSTRATION_RE = re.compile(r"^case illustration\s*:?\s*(.*)$", re.IGNORECASE)
NEGATIVE_RE = re.compile(r"\b(poor|lack|conflict|without|insufficient|failure|missed)\b", re.I)
SERVICE_RE = re.compile(
    r"((?:HMYOI\s+)?[A-Z][\w&'’.-]*(?:\s+(?:and\s+)?[A-Z][\w&'’.-]*)*\s+"
    r"(?:YOT|YJS|YOS|Youth Justice Services?|Youth Offending (?:Team|Service)s?))\b"
)
REFLECTION_RE = re.compile(r"^reflection questions\b", re.IGNORECASE)
PERSPECTIVE_RE = re.compile(r"^from an? (strategic|operational) perspective\s*:?$", re.I)
STANDARD_RE = re.compile(r"^(?:HM Inspectorate of [\w ]+?['’]s\s*:\s*)?(.+?\bstandards?)$", re.I)


def _service(title: str) -> tuple[str, str | None]:
    """(title, service) from "…, Durham" or "… Havering YOT"."""
    if ", " in title:
        head, tail = title.rsplit(", ", 1)
        if tail[:1].isupper() and len(tail.split()) <= 6:
            return head.strip(), tail.strip(" .")
    match = SERVICE_RE.search(title)
    return title, match[1] if match else None


def _heading(line: Line) -> tuple[int, str] | None:
    if line.text.startswith("#"):
        match = HEADING_RE.match(line.text)
        if match:
            return len(match[1]), clean(match[2])
    if not line.text.lstrip().startswith("**"):  # every pattern below opens with "**"
        return None
    bold = BOLD_LINE_RE.match(line.text.strip())
    if bold:
        return 7, clean(bold[1])  # a bold line acting as a minor heading
    labelled = BOLD_LABEL_RE.match(line.text.strip())
    if labelled and (EXAMPLE_RE.match(labelled[1]) or ILLUSTRATION_RE.match(labelled[1])):
        return 7, clean(f"{labelled[1]} {labelled[2]}")  # an example's label opening its line
    return None


def extract_practice_examples(
    lines: list[Line], headings: list[tuple[int, str] | None] | None = None
) -> list[PracticeExample]:
    """`headings` are each line's `_heading`, when the caller has read them already."""
    if headings is None:
        headings = [_heading(line) for line in lines]
    examples: list[PracticeExample] = []
    current: PracticeExample | None = None
    parts: list[str] = []
    context = ""  # the heading an illustration without its own title belongs to

    def close(end: int) -> None:
        nonlocal current
        if current is not None:
            current.text = "\n\n".join(p for p in parts if p)
            current.end = end
            if current.text:
                examples.append(current)
        current = None

    for line, heading in zip(lines, headings, strict=True):
        if heading is not None:
            level, text = heading
            example = EXAMPLE_RE.match(text)
            illustration = ILLUSTRATION_RE.match(text)
            if example or illustration:
                close(line.start)
                parts = []
                if example:
                    prefix, rest = example[1], example[2].strip(" :*")
                    kind = (prefix or "").lower() or (
                        "poor" if NEGATIVE_RE.search(rest) else "good"
                    )
                    title, service = _service(rest or text)
                    context = title
                else:
                    kind = "case_illustration"
                    label = illustration[1].strip(" :*") if illustration else ""
                    title, service = (label or context or "Untitled"), None
                current = PracticeExample(
                    title=title, service=service, kind=kind, text="", start=line.start
                )
                continue
            if level <= 6:  # a real heading ends the example
                close(line.start)
                context = text
                continue
        if current is not None:
            text = clean(line.text)
            if text:
                parts.append(text)
    close(lines[-1].end if lines else 0)
    return examples


TERM_RE = re.compile(r"^\*\*(?P<term>[^*]{2,80}?)\s*(?::\*\*|\*\*\s*[:–-])\s*(?P<text>.+)$")
LEAD_TERM_RE = re.compile(r"^\*\*(?P<term>[^*]{2,80}?)\*\*\s+(?P<text>\S.+)$")
MIN_CONCEPT_PARTS = 3


def extract_concepts(lines: list[Line]) -> list[Concept]:
    """Second-level sections that define terms ("**Constructive:** builds on …") or ask a list of
    questions: the models a guide teaches (constructive resettlement, the 5Cs …)."""
    concepts: list[Concept] = []
    current: Concept | None = None
    for line in lines:
        heading = HEADING_RE.match(line.text) if line.text[:1] == "#" else None
        if heading and len(heading[1]) <= 2:
            current = Concept(name=clean(heading[2]), terms=[], questions=[])
            concepts.append(current)
            continue
        if current is None:
            continue
        raw = line.text.strip()
        term = (TERM_RE.match(raw) or LEAD_TERM_RE.match(raw)) if raw.startswith("**") else None
        if term:
            current.terms.append(
                {"term": clean(term["term"]).strip(" –-:"), "definition": clean(term["text"])}
            )
        elif raw.startswith(("-", "•")) and clean(raw).endswith("?"):
            current.questions.append(clean(raw).lstrip("-• ").strip())
    return [
        c
        for c in concepts
        if not REFLECTION_RE.match(c.name)
        and (len(c.terms) >= MIN_CONCEPT_PARTS or len(c.questions) >= MIN_CONCEPT_PARTS)
    ]


COVER_LINES = 80


def _cover(lines: list[Line], title: str | None) -> list[Line]:
    """The guide's cover: its lines up to the first top-level heading after the title."""
    seen_title = False
    for index, line in enumerate(lines[:COVER_LINES]):
        heading = HEADING_RE.match(line.text) if line.text[:1] == "#" else None
        if heading and len(heading[1]) == 1:
            if seen_title or clean(heading[2]) != title:
                return lines[:index] if seen_title else lines[:COVER_LINES]
            seen_title = True
    return lines[:COVER_LINES]


def extract_practice_guide(
    text: str, source: str, *, lines: list[Line] | None = None
) -> Extraction:
    """`lines` are the text's lines when the caller has already split it."""
    lines = split_lines(text) if lines is None else lines
    title = next(
        (
            clean(m[2])
            for x in lines
            if x.text[:1] == "#" and (m := HEADING_RE.match(x.text)) and len(m[1]) == 1
        ),
        None,
    )
    cover = _cover(lines, title)
    printed = next((clean(x.text) for x in cover if DATE_LINE_RE.match(clean(x.text))), None)
    questions: list[ReflectionQuestion] = []
    standards: list[Standard] = []
    in_reflection = False
    perspective = "strategic"
    standard: Standard | None = None
    headings = [_heading(line) for line in lines]
    for line, heading in zip(lines, headings, strict=True):
        plain = clean(line.text)
        if heading is not None:
            level, words = heading
            if REFLECTION_RE.match(words):
                in_reflection, perspective = True, "strategic"
                continue
            if PERSPECTIVE_RE.match(words):
                perspective = PERSPECTIVE_RE.match(words)[1].lower()  # type: ignore[index]
                continue
            if level <= 6:
                in_reflection = False
                named = STANDARD_RE.match(words) if level <= 2 else None
                standard = Standard(name=named[1], expectations=[]) if named else None
                if standard is not None:
                    standards.append(standard)
            continue
        if plain[:4].lower() == "from" and PERSPECTIVE_RE.match(plain):
            perspective = PERSPECTIVE_RE.match(plain)[1].lower()  # type: ignore[index]
            continue
        if in_reflection and line.text.lstrip().startswith(("-", "•")) and plain:
            question = plain.lstrip("-• ").strip()
            if line.text.startswith((" ", "\t")) and questions:
                questions[-1].question = f"{questions[-1].question} {question}"
            else:
                questions.append(ReflectionQuestion(perspective=perspective, question=question))
        elif standard is not None and plain and line.text.strip().startswith(("*", "-", "•")):
            # the italic expectation under "we expect", or the stages a standard lists
            standard.expectations.append(plain.lstrip("-• ").strip())
    return Extraction(
        source,
        Document(
            kind="practice_guide",
            title=title,
            published=parse_date(printed) if printed else None,
            inspectorates=inspectorates_in("\n".join(x.text for x in cover)),
        ),
        practice_examples=extract_practice_examples(lines, headings),
        reflection_questions=questions,
        standards=[s for s in standards if s.expectations],
        concepts=extract_concepts(lines),
    )
