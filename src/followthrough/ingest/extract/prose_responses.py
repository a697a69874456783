"""Responses published as prose, the way governments answer a committee or an inspection: each
recommendation ("Recommendation 1", a numbered paragraph, or just its text) followed by a
"Response" heading or a paragraph such as "The Government accepts …". The decision is read from
the wording; the result has the shape of an action plan, one response per recommendation."""

from __future__ import annotations

import re

from .addressees import split_inline
from .decisions import decision_from
from .inspectorates import inspectorates_in
from .labels import mark, paragraph_refs
from .lines import Line, split_lines
from .text import clean
from .types import Document, Extraction, ExtractionError, Recommendation, Response

RESPONSE_HEADING = re.compile(
    r"^(?:the\s+)?(?:(?:government|department|ministry|welsh\s+government|council|board|"
    r"service|our|departmental|official|management)(?:'s|’s)?\s+)?response"
    r"(?:\s+to\s+recommendation\s+\S+)?\s*(?:[:\-–.]\s*(?P<rest>.*))?$",
    re.IGNORECASE,
)
_BODY = r"(?:[Tt]he\s+)?(?:[A-Z][\w’'&-]*\s+){0,6}?"
# Case matters in the body's name: "Our view is that these do not …" is no response. A body that
# "should agree" is asked to, in the recommendation: the word after a modal is no decision.
RESPONSE_OPENING = re.compile(
    rf"^(?:{_BODY}(?:Government|Department|Ministry|Council|Board|Service|Partnership|"
    r"Agency|Executive|We|[A-Z]{2,6})\s+(?:(?!(?:should|must|ought|needs?|to)\b)\w+\s+)?"
    r"(?:accepts?|agrees?|does\s+not|do\s+not|rejects?|notes?|partially|partly|welcomes?)\b"
    r"|(?i:accepted|agreed|not\s+accepted|not\s+agreed|partially\s+accepted|partly\s+accepted|"
    r"partly\s+agreed|rejected|noted)\b)"
)
_NOT = re.compile(
    r"\b(?:does|do|did|cannot|can\s*not)\s+not\s+(?:accept|agree)|\b(?:does|do|did)n[’']t\s+"
    r"(?:accept|agree)|\bnot\s+(?:accepted|agreed)\b|\brejecte?d?s?\b|\bdisagrees?\b",
    re.IGNORECASE,
)
_PART = re.compile(
    r"\b(?:accepts?|agrees?|accepted|agreed)\s+(?:(?:with\s+)?(?:this|the)\s+recommendation\s+)?"
    r"in\s+part\b|\b(?:partially|partly)\s+(?:accepts?|agrees?|accepted|agreed)\b",
    re.IGNORECASE,
)
_PRINCIPLE = re.compile(
    r"\b(?:accepts?|agrees?|accepted|agreed)\s+(?:(?:with\s+)?(?:this|the)\s+recommendation\s+)?"
    r"in\s+principle\b",
    re.IGNORECASE,
)
_AGREE = re.compile(r"\b(?:accepts?|agrees?|accepted|agreed)\b", re.IGNORECASE)
_NOTES = re.compile(r"\b(?:notes?|noted)\b", re.IGNORECASE)
REC_LABEL_KINDS = ("word", "number", "code")
# "Recommendations 3 and 4", "Recommendations 5, 6 and 7", "Recommendations 8 to 10": one response
GROUP = re.compile(
    r"^\W*recommendations\s+(\d{1,3}(?:\s*(?:,|and|&|to|-|–)\s*\d{1,3})+)\s*[:.]?\s*$", re.I
)


def _group_labels(body: str) -> list[str]:
    m = GROUP.match(body)
    if m is None:
        return []
    numbers = [int(n) for n in re.findall(r"\d+", m[1])]
    if len(numbers) == 2 and re.search(r"\bto\b|[-–]", m[1]) and 0 < numbers[1] - numbers[0] < 20:
        numbers = list(range(numbers[0], numbers[1] + 1))
    return [str(n) for n in numbers]


def decision_in_prose(text: str) -> tuple[str | None, str | None]:
    """(decision, decision_text) from a response's opening words; (None, "Noted") when the
    response only notes the recommendation, (None, None) when it states no decision."""
    opening = re.split(r"(?<=[.!?])\s+", text.strip(), maxsplit=1)[0][:400]
    printed = decision_from(opening) if len(opening) < 40 else None
    if printed:  # a one-line decision under the heading: "Partially accepted"
        return printed, opening.strip(" .:")
    for scope in (opening, text[:500]):
        for pattern, decision in (
            (_NOT, "not_agreed"),
            (_PART, "partly_agreed"),
            (_PRINCIPLE, "partly_agreed"),
            (_AGREE, "agreed"),
        ):
            m = pattern.search(scope)
            if m:
                said = re.sub(r"\s+", " ", m[0])
                return decision, said[:1].upper() + said[1:]
        if _NOTES.search(opening):
            return None, "Noted"
    return None, None


# Every line RESPONSE_HEADING or RESPONSE_OPENING matches holds one of these, in lower case: a
# cheap test first, since detection asks it of every line of every document.
_RESPONSE_WORDS = ("respons", "accept", "agree", "not", "reject", "partial", "partly", "welcom")


def _is_response(body: str) -> bool:
    low = body.lower()
    if not any(word in low for word in _RESPONSE_WORDS):
        return False
    return bool(RESPONSE_HEADING.match(body) or RESPONSE_OPENING.match(body))


def _paragraphs(lines: list[Line]) -> list[tuple[Line, Line, str]]:
    """Blank-line separated paragraphs (first line, last line, text); headings stand alone."""
    out: list[tuple[Line, Line, str]] = []
    current: list[Line] = []

    def flush() -> None:
        if current:
            out.append((current[0], current[-1], " ".join(x.text.strip() for x in current)))
            current.clear()

    for line in lines:
        raw = line.text.strip()
        if not raw:
            flush()
            continue
        if raw.startswith("#") or RESPONSE_HEADING.match(clean(raw.lstrip("# "))):
            flush()
            current.append(line)
            flush()
            continue
        if current and mark(raw).kind in REC_LABEL_KINDS:
            flush()
        current.append(line)
    flush()
    return out


def _recish(text: str) -> bool:
    return bool(re.search(r"\bshould\b|\brecommend", text, re.I)) and not _is_response(text)


def read_responses(lines: list[Line]) -> tuple[list[Recommendation], list[str], int]:
    """Each recommendation with the response under it (empty when the text has no responses),
    the warnings, and how many recommendations were seen with or without a response."""
    recs: list[Recommendation] = []
    warnings: list[str] = []
    in_response = False
    kind: str | None = None
    group: list[str] = []  # labels of a "Recommendations 3 and 4" heading still to be read
    grouped: list[Recommendation] = []  # the group's recommendations, sharing one response
    for first, last, raw in _paragraphs(lines):
        body = clean(re.sub(r"^#{1,6}\s*", "", raw))
        if not body:
            continue
        if _group_labels(body):
            group, kind, in_response, grouped = _group_labels(body), kind or "word", False, []
            continue
        if group and _recish(body) and not _is_response(body):
            recs.append(_recommendation(group.pop(0), raw, first, last))
            grouped.append(recs[-1])
            continue
        m = mark(raw)
        heading = RESPONSE_HEADING.match(body)
        labelled = m.kind in REC_LABEL_KINDS and (kind is None or m.kind == kind)
        if labelled and recs and m.label and recs[-1].label.isdigit() and m.label.isdigit():
            labelled = int(m.label) == int(recs[-1].label) + 1  # a list inside a response
        if labelled and in_response and m.kind != "word" and not _recish(m.text):
            labelled = False  # "We will: 1. publish …" inside the response
        sure = kind is not None or m.kind == "word" or not m.text
        if labelled and not heading and (sure or _recish(m.text)):
            kind = m.kind
            recs.append(_recommendation(m.label, m.text, first, last))
            in_response = False
            continue
        if recs and (heading or _is_response(body)) and recs[-1].response is None:
            text = (heading["rest"] or "") if heading else body
            for label in group:  # one text printed for the whole group
                recs.append(_recommendation(label, recs[-1].text, first, last))
                grouped.append(recs[-1])
            recs[-1].response = Response(None, None, clean(text))
            for rec in grouped:  # one response to the whole group
                rec.response = recs[-1].response
            group, grouped = [], []
            recs[-1].end = last.end
            in_response = True
            continue
        if not recs and not kind and _recish(body) and not raw.lstrip().startswith("#"):
            recs.append(_recommendation(None, raw, first, last))  # the recommendation's text
            continue
        if in_response and kind is None and _recish(body) and not raw.lstrip().startswith("#"):
            recs.append(_recommendation(None, raw, first, last))
            in_response = False
            continue
        if not recs or raw.lstrip().startswith("#"):
            continue
        rec = recs[-1]
        if rec.response is not None:
            rec.response.text = f"{rec.response.text}\n\n{clean(raw)}".strip()
        elif not in_response:
            extra, refs = paragraph_refs(raw)
            rec.text = f"{rec.text} {clean(extra)}".strip()
            rec.paragraph_refs += [r for r in refs if r not in rec.paragraph_refs]
        rec.end = last.end
    seen = len(recs)
    recs = [r for r in recs if r.response is not None]
    for n, rec in enumerate(recs, start=1):
        rec.addressee, rec.text, _ = split_inline(rec.text)
        if rec.label_inferred:
            rec.label = str(n)
            rec.confidence = 0.6
            warnings.append(
                f"recommendation {n} not numbered; numbered by its position in the response"
            )
        _decide(rec, warnings)
    return recs, warnings, seen


def is_prose_response(lines: list[Line]) -> bool:
    """Whether most recommendations the text holds are each followed by a response."""
    if not any(_is_response(x.text.lstrip(" #*_>")) for x in lines if x.text.strip()):
        return False  # most documents: no line opens a response, so nothing more to read
    recs, _, seen = read_responses(lines)
    decided = [r for r in recs if r.response and (r.response.decision or r.response.decision_text)]
    return bool(decided) and len(recs) * 2 >= seen


def _recommendation(label: str | None, text: str, first: Line, last: Line) -> Recommendation:
    body, refs = paragraph_refs(text)
    return Recommendation(
        label=label or "",
        label_inferred=label is None,
        section="main",
        addressee=None,
        text=clean(body),
        paragraph_refs=refs,
        start=first.start,
        end=last.end,
    )


def _decide(rec: Recommendation, warnings: list[str]) -> None:
    response = rec.response
    assert response is not None
    decision, said = decision_in_prose(response.text)
    response.decision, response.decision_text = decision, said
    if said == "Noted":
        rec.confidence = min(rec.confidence, 0.7)
        warnings.append(
            f"recommendation {rec.label}: the response notes it without accepting or "
            "rejecting it; no decision recorded"
        )
    elif decision is None:
        rec.confidence = min(rec.confidence, 0.5)
        warnings.append(f"recommendation {rec.label}: no decision found in the response")


def extract_prose_responses(text: str, source: str) -> Extraction:
    """A prose response as an action plan: the recommendations with their decisions."""
    lines = split_lines(text)
    recs, warnings, _ = read_responses(lines)
    if not recs:
        raise ExtractionError(
            "no recommendations were found: no recommendation followed by a response"
        )
    title = next((clean(x.text.lstrip("# ")) for x in lines if clean(x.text)), None)
    about = re.search(r"\bresponse\s+to\s+(?:the\s+)?(.+)$", title or "", re.IGNORECASE)
    document = Document(
        kind="action_plan",
        title=title,
        report_title=about[1].strip(" .") if about else None,
        inspectorates=inspectorates_in(text[:5000]),
    )
    return Extraction(source, document, recs, [], warnings)
