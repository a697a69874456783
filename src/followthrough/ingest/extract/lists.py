"""Recommendation lists as any document of the genre prints them: under "Recommendations",
"Conclusions and recommendations", "Areas for improvement" and similar headings, a heading sharing
its line with the first item, or a lead-in sentence; numbered, lettered, coded, bulleted at any
depth or not labelled at all; addressed to a body, to several, or to none.

What is unsure (a label numbered by position, an addressee guessed from the sentence) lowers the
record's confidence and is named in a warning; nothing here refuses a list it can read."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .addressees import addressee_line, asks, split_inline
from .labels import Marked, list_table_header, loose_number, mark, paragraph_refs, untab
from .lines import Line
from .text import clean
from .types import Item, Recommendation

_LIST_NAME = (
    r"(?:(?:summary\s+of|report|main|key|our|the|list\s+of)\s+(?:the\s+)?)?"
    r"(?:(?:conclusions|findings)\s+and\s+)?"
    r"(?:recommendations|areas?\s+for\s+(?:improvement|development)|(?:key\s+)?actions\s+required)"
)
HEADING = re.compile(
    rf"^(?:(?:\d+(?:\.\d+)*|[A-Z]|[IVX]+)[.:)]?\s+)?{_LIST_NAME}"
    r"(?:\s+(?:to|for|made\s+to)\s+.{2,200}?)?\s*[:.]?$",
    re.IGNORECASE,
)
SHARED = re.compile(rf"^(?:\d+(?:\.\d+)*\.?\s+)?{_LIST_NAME}\s*[:\-–.]?\s+(?P<rest>\S.*)$", re.I)
LEAD_IN = re.compile(
    r"\brecommend(?:ations?|s|ed)?\b[^.]*(?:as\s+follows|below|following)\b[^.]*[:.]?\s*$"
    r"|\b(?:made|makes|make)\s+(?:\w+\s+){0,3}recommendations?\b[^.]*:\s*$"
    r"|\b(?:we|it|inspectors)\s+recommends?\s+that\s*:\s*$"
    r"|\brecommendations?\b[^.]{0,200}:\s*$",
    re.IGNORECASE,
)
ADDITIONAL = re.compile(
    r"^\W*(?:we\s+(?:also\s+)?make\s+the\s+(?:following\s+)?)?(?:additional|further)\b"
    r".{0,80}\brecommend",
    re.I,
)
RECISH = re.compile(r"\b(?:should|must|recommend\w*|ensure|needs?\s+to|consider|review)\b", re.I)
INLINE_MARK = re.compile(r"\((\d{1,2}|[a-z]|[ivx]{1,4})\)\s*")
MAX_CANDIDATES = 25


@dataclass
class _Top:
    kind: str | None
    indent: int
    depth: int
    sign: str = ""  # the bullet's mark


@dataclass
class ListResult:
    recommendations: list[Recommendation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    start: int = 0


def _body(raw: str) -> str:
    return clean(re.sub(r"^\s*#{1,6}\s*", "", raw))


def candidates(lines: list[Line]) -> list[tuple[int, str | None]]:
    """Where a list may start: the line index to read from, and its first line's text when a
    heading shares the line with the first item."""
    found: list[tuple[int, str | None]] = []
    for index, line in enumerate(lines):
        if "\t" in line.text and list_table_header(line.text):
            found.append((index + 1, None))  # a list printed as a table: "No." | "Recommendation"
        if "\t" in line.text or len(line.text) > 600:
            continue
        body = _body(line.text)
        if not body or not re.search(r"recommend|improvement|development|actions", body, re.I):
            continue
        if HEADING.match(body) and len(body) < 240:
            found.append((index + 1, None))
            if index + 1 < len(lines) and not re.match(r"^\d", body) and addressee_line(body):
                found[-1] = (index, None)  # "Recommendations to the board" names the addressee
        elif (shared := SHARED.match(body)) and _listy(shared["rest"]):
            found.append((index, shared["rest"]))
        elif LEAD_IN.search(body) and len(body) < 400:
            found.append((index + 1, None))
        if len(found) >= MAX_CANDIDATES:
            break
    return found


def _listy(text: str) -> bool:
    m = mark(text)
    if m.label is not None or m.bullet or addressee_line(text) is not None:
        return True
    return split_inline(clean(text))[0] is not None  # "Recommendations – The board should …"


def _inline_parts(text: str, *, numeric: bool) -> tuple[str, list[tuple[str, str]]]:
    """A paragraph with "(1) … (2) …" (or "(a) … (b) …") written inline: the words before the
    first mark and each marked part, when the marks run in sequence from the first."""
    marks = [m for m in INLINE_MARK.finditer(text) if m[1].isdigit() == numeric]
    if len(marks) < 2 or marks[0][1] not in ("1", "a", "i"):
        return text, []
    parts = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        chunk = re.sub(r"[;,]?\s*(?:and|or)?\s*$", "", text[m.end() : end].strip()).strip()
        parts.append((m[1], chunk))
    return text[: marks[0].start()].strip(), parts


class _Reader:
    def __init__(self, lines: list[Line], start: int, first: str | None) -> None:
        self.lines, self.start, self.first = lines, start, first
        self.recs: list[Recommendation] = []
        self.warnings: list[str] = []
        self.addressee: str | None = None
        self.section = "main"
        self.top: _Top | None = None
        self.sign = ""  # the bullet mark of the line being read
        self.item_style: tuple[int, str] | None = None  # indent and mark of the last sub-point
        # After "We recommend that:" each item reads as if the lead-in opened it.
        before = lines[start - 1].text if 0 < start <= len(lines) else ""
        self.unaddressed: list[tuple[Recommendation, Line]] = []
        self.that = "We recommend that " if re.search(r"\bthat\s*:\s*$", before) else ""

    def _new(self, label: str | None, text: str, line: Line, *, items: bool = True) -> None:
        inferred = label is None
        if label is None:
            label = str(sum(r.section == self.section for r in self.recs) + 1)
            self.warnings.append(
                f"line {line.number}: recommendation not numbered; numbered {label} by its position"
            )
        body, refs = paragraph_refs(text)
        lead, parts = _inline_parts(body, numeric=False) if items else (body, [])
        text = clean(lead)
        rec = Recommendation(
            label=label,
            label_inferred=inferred,
            section=self.section,
            addressee=self.addressee,
            text=re.sub(r"\s*:$", "", text) if parts else text,
            paragraph_refs=refs,
            start=line.start,
            end=line.end,
        )
        rec.items = [Item(lbl, clean(t)) for lbl, t in parts]
        rec.confidence = 0.6 if inferred else 1.0
        if self.addressee is None:
            self.unaddressed.append((rec, line))  # read from the sentence once it is whole
        self.recs.append(rec)

    def _finish(self) -> None:
        """Addressees named in the sentence ("X should …"), and list punctuation dropped."""
        for rec, line in self.unaddressed:
            if not rec.text:
                continue
            rec.addressee, rec.text, guessed = split_inline(f"{self.that}{rec.text}")
            if guessed:
                rec.confidence = min(rec.confidence, 0.8)
                self.warnings.append(
                    f"line {line.number}: recommendation {rec.label} addressed to "
                    f"'{rec.addressee}', read from its wording"
                )
        for rec in self.recs:
            rec.text = re.sub(r"\s*[;,]\s*(?:and|or)?$", "", rec.text)

    def _item(self, m: Marked, line: Line) -> None:
        rec = self.recs[-1]
        body, refs = paragraph_refs(m.text)
        rec.items.append(Item(m.label if m.kind == "letter" else None, clean(body)))
        self.item_style = (m.indent, self.sign)
        rec.paragraph_refs += [r for r in refs if r not in rec.paragraph_refs]
        rec.end = line.end

    def _more(self, text: str, line: Line) -> None:
        rec = self.recs[-1]
        body, refs = paragraph_refs(text)
        if rec.items:
            last = rec.items[-1]
            rec.items[-1] = Item(last.label, f"{last.text} {clean(body)}".strip())
        else:
            rec.text = f"{rec.text} {clean(body)}".strip()
        rec.paragraph_refs += [r for r in refs if r not in rec.paragraph_refs]
        rec.end = line.end

    def _starts(self, m: Marked) -> bool:
        if m.label is None and not m.bullet:
            return False
        depth = (m.label or "").count(".")
        if self.top is None:
            self.top = _Top(m.kind, m.indent, depth, self.sign)
            return True
        top = self.top
        if top.kind is None and m.kind is None and self.recs and self.recs[-1].text.endswith(":"):
            # "…, covering:" then its points, their nesting lost in print; when the points were
            # printed deeper or with another mark, a bullet like the first is the next one
            nested = self.item_style not in (None, (m.indent, self.sign))
            if not (
                nested and self.recs[-1].items and (m.indent, self.sign) == (top.indent, top.sign)
            ):
                return False
        if m.indent > top.indent + 1 or m.kind != top.kind or depth != top.depth:
            return False
        return top.kind is not None or m.bullet

    def _heading_like(self, index: int, body: str, raw: str) -> bool:
        if raw.lstrip().startswith("#"):
            return True
        if body.isupper() and len(body) < 100:
            return True  # "ANY OTHER BUSINESS"
        if len(body) > 70 or len(body.split()) > 9 or re.search(r"[.:;,]$", body):
            return False
        after = self.lines[index + 1].text.strip() if index + 1 < len(self.lines) else ""
        return body[:1].isupper() and not after and not RECISH.search(body)

    def read(self) -> ListResult:
        blank_before = True
        paragraphs = False  # a list of unlabelled paragraphs, one recommendation each
        skipped = 0
        for index in range(self.start, len(self.lines)):
            line = self.lines[index]
            raw = untab(self.first if (index == self.start and self.first) else line.text)
            if not raw.strip():
                blank_before = True
                continue
            m = loose_number(mark(raw)) if self.addressee else mark(raw)
            self.sign = raw.lstrip()[:1] if m.bullet else ""
            body = clean(m.text)
            if not body and m.label is None:
                continue
            who = addressee_line(body) if m.kind in (None, "letter") else None
            if who and not body.endswith(":") and not self._list_follows(index):
                who = None  # "• Hostel providers should" wrapped onto the next line
            if who and not (m.kind == "letter" and self.top and self.top.kind == "letter"):
                if self.recs and self.top and m.indent > self.top.indent + 1 and not m.bullet:
                    self._more(m.text, line)
                    continue
                self.addressee, self.top, blank_before = who, None, False
                continue
            if ADDITIONAL.match(body) and len(body) < 200 and self.recs and m.label is None:
                self.section, self.top, blank_before = "additional", None, False
                continue
            if m.label is None and not m.bullet and self._heading_like(index, body, raw):
                if self.recs:
                    break
                blank_before = False
                continue
            if self._out_of_sequence(m):
                if blank_before:
                    break  # "46. Any other business" after recommendation 3
                self._more(raw, line)
                continue
            if self._starts(m):
                if paragraphs and m.label is not None:
                    self._drop_introduction()
                numbered = _inline_parts(m.text, numeric=True)
                if m.label is None and numbered[1]:
                    self._inline(numbered, line)
                else:
                    self._new(m.label, m.text, line)
                paragraphs = False
            elif self.recs and (m.label is not None or m.bullet) and not paragraphs:
                self._item(m, line)
            elif paragraphs and blank_before and self._asks(body):
                self._new(None, m.text, line)  # the next unlabelled paragraph of the list
            elif self.recs and (
                not blank_before or body[:1].islower() or (not paragraphs and self._open())
            ):
                self._more(m.text, line)
            elif self.top is not None and self.recs and not paragraphs:
                if self._resumes(index):
                    continue  # commentary between numbered recommendations
                break  # prose after the list
            elif (
                (RECISH.search(body) or self._asks(body))
                and not LEAD_IN.search(body)
                and not re.search(r"\brecommendations\b", body, re.I)  # about them, not one
            ):
                numbered = _inline_parts(m.text, numeric=True)
                if numbered[1]:
                    self._inline(numbered, line)
                else:
                    self._new(None, m.text, line)
                    paragraphs = True
            elif self.recs or skipped >= 3:
                break
            else:
                skipped += 1
            blank_before = False
        self._finish()
        return ListResult(self.recs, self.warnings, self.start)

    def _asks(self, body: str) -> bool:
        """An imperative ask, or under "X should ensure that:" a clause carrying it on."""
        return asks(body) or (self.addressee is not None and body[:1].islower())

    def _drop_introduction(self) -> None:
        """Unlabelled paragraphs before a numbered list were its introduction, not items."""
        dropped = {id(r) for r in self.recs if r.label_inferred}
        self.recs = [r for r in self.recs if id(r) not in dropped]
        self.unaddressed = [(r, x) for r, x in self.unaddressed if id(r) not in dropped]
        self.warnings = [w for w in self.warnings if "not numbered" not in w]

    def _list_follows(self, index: int) -> bool:
        for line in self.lines[index + 1 : index + 4]:
            if line.text.strip():
                m = mark(line.text)
                return m.bullet or m.label is not None
        return False

    def _out_of_sequence(self, m: Marked) -> bool:
        """A number far from the one before it is not the next recommendation."""
        if m.kind != "number" or not self.recs or self.top is None or self.top.kind != "number":
            return False
        last, label = self.recs[-1].label, m.label or ""
        if not (last.isdigit() and label.isdigit()):
            return False
        return int(label) not in (int(last) + 1, int(last) + 2, 1)

    def _resumes(self, index: int) -> bool:
        """Whether the numbering carries on after this paragraph, before any heading."""
        last = self.recs[-1].label
        if not last.isdigit() or self.top is None:
            return False
        for line in self.lines[index + 1 : index + 40]:
            m = mark(line.text)
            if line.text.lstrip().startswith("#"):
                return False
            if m.label is not None and m.kind == self.top.kind:
                return m.label == str(int(last) + 1)
        return False

    def _open(self) -> bool:
        """Whether the last recommendation reads as unfinished (no closing punctuation)."""
        rec = self.recs[-1]
        last = rec.items[-1].text if rec.items else rec.text
        return not re.search(r"[.!?)\]\"'’”]\s*$", last)

    def _inline(self, numbered: tuple[str, list[tuple[str, str]]], line: Line) -> None:
        lead, parts = numbered
        who = addressee_line(clean(lead)) if lead else None
        if who is None and lead:
            who, _, _ = split_inline(clean(lead) + " x")
        if who:
            self.addressee = who
        for label, text in parts:
            self._new(label, text, line, items=False)
        self.warnings.append(
            f"line {line.number}: recommendations {parts[0][0]} to {parts[-1][0]} "
            "written inline in one paragraph"
        )
        for rec in self.recs[-len(parts) :]:
            rec.confidence = min(rec.confidence, 0.8)


def page_furniture(lines: list[Line], index: int, last: str) -> bool:
    """Whether the line is a page number or running header inside a numbered list: a few short
    lines with no closing punctuation, then the recommendation after `last`."""
    if not last.isdigit():
        return False
    seen = 0
    for line in lines[index : index + 12]:
        text = line.text.strip()
        if not text:
            continue
        m = mark(text)
        if m.kind == "number":
            return m.label == str(int(last) + 1)
        seen += 1
        if seen > 4 or len(text) > 80 or text.startswith("#") or re.search(r"[.!?:;]$", text):
            return False
    return False


def read_list(lines: list[Line], start: int) -> ListResult:
    """The list that starts at line index `start`."""
    return _Reader(lines, start, None).read()


def read_lists(lines: list[Line], *, anywhere: bool = False) -> ListResult:
    """The recommendations of the list that reads best; an empty result when there is none.
    With `anywhere` (a reviewer said the text is a report) a list with no heading is read too."""
    best = ListResult()
    starts = candidates(lines)
    if anywhere:
        starts.append((0, None))
    for start, first in starts:
        result = _Reader(lines, start, first).read()
        if len(result.recommendations) > len(best.recommendations):
            best = result
    return best
