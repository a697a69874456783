"""The lists of recommendations a document holds besides the one read first: "Recommendations for
the service" early and "Recommendations for the partnership board" later are both read (the
second as additional recommendations when its numbering starts again), and a summary list that
the full list repeats is read once, with the fuller text of each recommendation."""

from __future__ import annotations

import re

from .addressees import addressee_line
from .lines import Line
from .lists import HEADING, read_list
from .text import clean
from .types import Recommendation

# A recommendation and its repetition share this share of the shorter one's words.
_SAME_WORDS = 0.8
SECOND_LIST_CONFIDENCE = 0.8


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def _repeats(a: Recommendation, b: Recommendation) -> bool:
    if a.addressee and b.addressee and _words(a.addressee) != _words(b.addressee):
        return False
    short, long = sorted((_words(a.text), _words(b.text)), key=len)
    return bool(short) and len(short & long) >= _SAME_WORDS * len(short)


def _headings(lines: list[Line]) -> list[int]:
    """The lines that are a heading of a list of recommendations (words first, for speed)."""
    out = []
    for index, line in enumerate(lines):
        low = line.text.lower()
        if "\t" in low or len(low) > 300 or not any(w in low for w in _LIST_WORDS):
            continue
        text = clean(re.sub(r"^\s*#{1,6}\s*", "", line.text))
        if text and len(text) < 240 and HEADING.match(text):
            out.append(index)
    return out


_LIST_WORDS = ("recommendations", "improvement", "development", "actions")


def with_other_lists(
    lines: list[Line], recs: list[Recommendation], warnings: list[str]
) -> list[Recommendation]:
    """The recommendations read, with those of the lists under other headings added or, where
    a list repeats them, merged in. What was decided is said in `warnings`."""
    if not recs:
        return recs
    headings = _headings(lines)
    if len(headings) < 2:
        return recs  # one heading: the list read is the only one
    out = list(recs)
    spans = [(min(r.start for r in recs), max(r.end for r in recs))]
    own = [i for i in headings if lines[i].start < spans[0][0]][-1:]  # the list's own heading
    for heading in headings:
        if heading in own or _inside(lines[heading].start, spans):
            continue
        text = clean(re.sub(r"^\s*#{1,6}\s*", "", lines[heading].text))
        start = heading if addressee_line(text) else heading + 1  # "Recommendations to X"
        found = [r for r in read_list(lines, start).recommendations if not r.label_inferred]
        if len(found) < 2 or any(_inside(r.start, spans) for r in found):
            continue
        spans.append((min(r.start for r in found), max(r.end for r in found)))
        _add(out, found, lines[heading].number, warnings)
    return out


def _inside(at: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= at <= end for start, end in spans)


def _add(
    out: list[Recommendation], found: list[Recommendation], at: int, warnings: list[str]
) -> None:
    read = {(r.section, r.label): r for r in out}
    shared = [(read[("main", r.label)], r) for r in found if ("main", r.label) in read]
    if shared and sum(_repeats(a, b) for a, b in shared) * 3 >= len(shared) * 2:
        for earlier, later in shared:
            if len(clean(later.text)) > len(clean(earlier.text)):
                earlier.text, earlier.start, earlier.end = later.text, later.start, later.end
            if len(later.items) > len(earlier.items):
                earlier.items = later.items
            earlier.paragraph_refs += [
                p for p in later.paragraph_refs if p not in earlier.paragraph_refs
            ]
        labels = [later.label for _, later in shared]
        which = " to " if len(labels) > 2 else " and "
        named = which.join(labels[:: max(len(labels) - 1, 1)])
        warnings.append(
            f"line {at}: recommendation{'s' if len(labels) > 1 else ''} {named} listed twice (a "
            "summary and the full list); each is read once, with the fuller text"
        )
        out.extend(r for r in found if ("main", r.label) not in read)
        return
    if shared:  # the numbering starts again for another body: additional recommendations
        for rec in found:
            rec.section = "additional"
            rec.confidence = min(rec.confidence, SECOND_LIST_CONFIDENCE)
        warnings.append(
            f"line {at}: a second list of recommendations numbers them again; read as additional "
            "recommendations"
        )
    out.extend(found)
