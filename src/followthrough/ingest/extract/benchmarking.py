"""Benchmarking tools: for each thematic inspection, its recommendations to youth offending
partnerships with the lines of enquiry a service asks itself and the evidence that answers
them ("how do we know"), and the additional recommendations to local partners.

The document lists the inspections it covers near its start. A thematic whose heading was lost
in conversion is named from that list (the listed inspection with recommendations and no
heading whose words best match the orphaned text), with a warning."""

from __future__ import annotations

import re
from itertools import islice

from followthrough.core.dates import MONTHS

from .inspectorates import inspectorates_in
from .lines import Line, split_lines
from .text import cell_points, clean
from .types import (
    AdditionalGroup,
    BenchmarkRecommendation,
    Document,
    Extraction,
    ExtractionError,
    Item,
    Thematic,
)

THEMATIC_RE = re.compile(r"^\W*thematic(?:\s+inspection)?\s*:\s*(.+?)\s*$", re.IGNORECASE)
YEAR_RE = re.compile(r"\(\s*(?:published\s+)?(?:([A-Za-z]+)\s+)?((?:19|20)\d\d)\s*\)\s*$", re.I)
REC_RE = re.compile(r"^recommendations?\s*:?$", re.IGNORECASE)
ADDITIONAL_RE = re.compile(r"\badditional\b.*\brecommendations?\b", re.IGNORECASE)
SHOULD_RE = re.compile(r"^(.{3,300}?)\s+(should|will|must)\b\s*:?\s*(.*)$", re.IGNORECASE | re.S)
GROUP_HEAD_RE = re.compile(r"^(.{3,200}?)\s+should(?:\s+ensure\s+that)?\s*:\s*$", re.IGNORECASE)
LISTED_RE = re.compile(
    r"^[-•]\s+(.+?)\s+published\s+(?:in\s+)?(?:([A-Za-z]+)\s+)?((?:19|20)\d\d)\.?\s*([¹²³⁴⁵⁶⁷⁸⁹]*)\s*$"
)
FOOTNOTE_RE = re.compile(r"^([¹²³⁴⁵⁶⁷⁸⁹])\s*(.*)$")
SEPARATOR_RE = re.compile(r"^[\s\-–—:=|]*$")
NUMBERED_RE = re.compile(r"^(\d{1,2}|[a-z])[.)]\s+(.*)$")
# A plain paragraph, neither bullet, number nor markup, that starts a sentence.
PLAIN_SENTENCE_RE = re.compile(r"^(?![-•*<]|\d{1,2}[.)]\s|[a-z][.)]\s)[A-Z]")


def _published(month: str | None, year: int | None) -> str | None:
    """ISO "2013-11" when a month is printed, else the year alone."""
    if year is None:
        return None
    number = MONTHS.get((month or "").lower().rstrip("."))
    return f"{year:04d}-{number:02d}" if number else str(year)


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{4,}", text.lower())} - {
        "joint", "inspection", "thematic", "review", "with", "from", "their", "work", "young",
        "people", "children", "this", "that", "published",
    }  # fmt: skip


def _lead(lead: str) -> tuple[str, str]:
    """(addressee, text) of a lead-in. Pages print "<addressee> should:" before the text, so the
    text keeps what follows "should" ("ensure that:"), with any purpose clause the lead-in
    opened with ("In order to …, X should …"); "will" and "must" lead-ins stay whole."""
    lead = clean(lead)
    match = SHOULD_RE.match(lead)
    if not match:
        return "", lead
    who, purpose = match[1].strip(" ,:"), ""
    if who.lower().startswith("in order to") and ", " in who:
        purpose, who = who.split(", ", 1)
    who = who[:1].upper() + who[1:]
    if match[2].lower() != "should":
        return who, lead
    rest = match[3].strip()
    if purpose:
        rest = f"{purpose[:1].lower()}{purpose[1:]}, {rest}".strip(" ,")
    return who, rest


def _addressee(lead: str) -> str:
    return _lead(lead)[0]


def _item(text: str) -> Item:
    numbered = NUMBERED_RE.match(text)
    if numbered:
        return Item(numbered[1], numbered[2].strip())
    return Item(None, text.lstrip("-• ").strip())


_PAGE_NUMBER = re.compile(r"\t\s*\d{1,3}\s*$")  # a contents entry's page
_ENQUIRY = re.compile(r"lines? of enquiry", re.I)


class _Reader:
    def __init__(self, source: str, text: str, lines: list[Line] | None = None) -> None:
        self.source = source
        self.lines = split_lines(text) if lines is None else lines
        self.thematics: list[Thematic] = []
        self.current: Thematic | None = None
        self.rec: BenchmarkRecommendation | None = None
        self.rec_parts: list[str] = []
        self.mode = "intro"
        self.listed: list[tuple[str, int, str]] = []  # title, year, footnote marker
        self.listed_months: dict[int, str | None] = {}  # index in listed: month printed
        self.no_recommendations: set[str] = set()  # footnote markers saying so
        self.notes: list[str] = []
        self.warnings: list[str] = []
        self.intro: list[str] = []  # the text before the first recommendation

    # structure
    def _thematic(self, line: Line, title: str) -> None:
        self._close_rec()
        if self.current is not None:
            self.current.end = line.start
        year_match = YEAR_RE.search(title)
        year = int(year_match[2]) if year_match else None
        month = year_match[1] if year_match else None
        title = YEAR_RE.sub("", title).strip(" -–:")
        self.current = Thematic(title=clean(title), year=year, start=line.start, end=line.end)
        self.current.published = _published(month, year)
        self.thematics.append(self.current)
        self.mode = "intro"

    def _ensure_thematic(self, line: Line) -> Thematic:
        if self.current is None:  # recommendations before any heading: named later
            self.current = Thematic(title="", year=None, start=line.start, end=line.end)
            self.thematics.append(self.current)
        return self.current

    def _open_rec(self, line: Line) -> None:
        self._close_rec()
        self._ensure_thematic(line)
        self.rec = BenchmarkRecommendation(addressee="", text="", start=line.start, end=line.end)
        self.rec_parts = []
        self.mode = "rec"

    def _close_rec(self) -> None:
        rec = self.rec
        if rec is None:
            return
        self.rec = None
        parts = [p for f in self.rec_parts for p in cell_points(f)]
        if not parts and not rec.lines_of_enquiry:
            return
        rec.addressee, rec.text = _lead(parts[0] if parts else "")
        rec.items = [_item(p) for p in parts[1:]]
        if not rec.text and len(rec.items) == 1:  # "X should:" and one point: the point
            rec.text, rec.items = rec.items[0].text, []
        if not rec.addressee:
            self.warnings.append(
                f"{self.current.title if self.current else 'thematic'}: a recommendation with "
                "no addressee"
            )
        assert self.current is not None
        self.current.recommendations.append(rec)

    # lines
    def read(self) -> Extraction:
        title = next((clean(x.text) for x in self.lines if clean(x.text)), None)
        for line in self.lines:
            self._line(line)
        self._close_rec()
        if self.current is not None:
            self.current.end = len(self.lines[-1].text) + self.lines[-1].start
        self._name_orphans()
        self._date_and_inspectorates()
        if not any(t.recommendations or t.additional for t in self.thematics):
            raise ExtractionError("no thematic recommendations found in the benchmarking tool")
        extraction = Extraction(
            self.source,
            Document(kind="benchmarking_tool", title=title, inspectorates=self._inspectorates()),
            notes=self.notes,
            warnings=self.warnings,
            thematics=[t for t in self.thematics if t.recommendations or t.additional],
        )
        return extraction

    def _line(self, line: Line) -> None:
        raw = line.text
        text = clean(raw)
        if not text:
            return
        if "\t" in raw and _PAGE_NUMBER.search(raw) and THEMATIC_RE.match(text):
            return  # a contents entry
        footnote = FOOTNOTE_RE.match(text)
        if footnote:
            if re.search(r"did not contain any recommendations", footnote[2], re.I):
                self.no_recommendations.add(footnote[1])
            return
        listed = LISTED_RE.match(text) if self.mode == "intro" and not self.thematics else None
        if listed:
            self.listed.append((clean(listed[1]), int(listed[3]), listed[4]))
            self.listed_months[len(self.listed) - 1] = listed[2]
            return
        if self.current is None and self.rec is None:
            self.intro.append(text)
        heading = THEMATIC_RE.match(text) if "\t" not in raw else None
        if heading:
            self._thematic(line, heading[1])
            return
        if REC_RE.match(text):
            self._open_rec(line)
            return
        if "\t" in raw and _ENQUIRY.search(text):
            if self.rec is None:
                self._open_rec(line)
            self.mode = "table"
            return
        if self.mode == "table" and "\t" in raw:
            self._table_row(line)
            return
        if ADDITIONAL_RE.search(text) and len(text) < 300 and not raw.startswith(("-", " ")):
            self._close_rec()
            self._ensure_thematic(line)
            self.mode = "additional"
            return
        if self.mode == "table":  # the table ended without a marker
            self._close_rec()
            self.mode = "after"
        if self.mode == "rec" and self.rec is not None:
            if GROUP_HEAD_RE.match(text) and self.rec_parts:
                self._open_rec(line)  # several addressees under one "Recommendations"
            elif self._is_note(raw):  # a note after the points ("No tool was prepared …")
                self.notes.append(f"{self.current.title if self.current else 'Thematic'}: {text}")
                return
            assert self.rec is not None
            self.rec_parts.append(raw.strip())
            self.rec.end = line.end
            return
        if self.mode == "additional":
            self._additional(line, raw, text)
            return
        if self.current is not None and not text[:1].islower():
            self.notes.append(f"{self.current.title or 'Thematic'}: {text}")

    def _is_note(self, raw: str) -> bool:
        """A plain sentence after a lead-in that ends in a colon and its bulleted points is
        the document's note, not a point: points are bulleted, numbered or lower case."""
        if not self.rec_parts or not PLAIN_SENTENCE_RE.match(raw.strip()):
            return False
        # the first two points are all it needs: not every fragment split again for each line
        parts = list(islice((p for f in self.rec_parts for p in cell_points(f)), 2))
        return (
            len(parts) >= 2
            and parts[0].endswith(":")
            and all(p.lstrip()[:1] in "-•*<" or p[:1].islower() for p in self.rec_parts[1:])
        )

    def _inspectorates(self) -> list[str]:
        return inspectorates_in(" ".join(self.intro))

    def _date_and_inspectorates(self) -> None:
        """Each thematic's month from the document's list of inspections, when its heading
        gives only a year; its inspectorates are those the introduction names as publishing
        the list, with any its own heading names."""
        publishers = self._inspectorates()
        for thematic in self.thematics:
            own = inspectorates_in(thematic.title)
            thematic.inspectorates = [*publishers, *(b for b in own if b not in publishers)]
            if thematic.published and "-" in thematic.published:
                continue
            index = self._listed_index(thematic.title)
            if index is None:
                continue
            entry = self.listed[index]
            if thematic.year in (None, entry[1]):
                thematic.year = entry[1]
                thematic.published = _published(self.listed_months.get(index), entry[1])
            else:
                self.warnings.append(
                    f"{thematic.title}: its heading gives {thematic.year} but the document's "
                    f"list of inspections gives {entry[1]}; the heading's year is kept"
                )

    def _listed_index(self, title: str) -> int | None:
        """The listed inspection this title names: most of its words in common."""
        words = _words(title)
        if not words:
            return None
        scored = [(len(words & _words(e[0])), i) for i, e in enumerate(self.listed)]
        best, index = max(scored, default=(0, -1))
        return index if best >= 0.6 * len(words) else None

    def _table_row(self, line: Line) -> None:
        cells = line.text.split("\t")
        if all(SEPARATOR_RE.match(clean(c)) for c in cells):
            return
        assert self.rec is not None
        self.rec.end = line.end
        for column, (target, cell) in enumerate(
            zip((self.rec.lines_of_enquiry, self.rec.evidence), cells[:2], strict=False)
        ):
            points = cell_points(cell)
            if column == 0:  # questions whose bullets were lost still end in "?"
                points = [q for p in points for q in re.split(r"(?<=\?)\s+(?=[A-Z])", p)]
            for index, point in enumerate(points):
                if index == 0 and target and (point[:1].islower() or target[-1].endswith(",")):
                    target[-1] = f"{target[-1]} {point}"  # a point cut by a page break
                else:
                    target.append(point)

    def _additional(self, line: Line, raw: str, text: str) -> None:
        assert self.current is not None
        groups = self.current.additional
        head = GROUP_HEAD_RE.match(text)
        if head and not raw.startswith(("-", " ")):
            groups.append(AdditionalGroup(addressee=clean(head[1])))
            return
        nested = raw.startswith((" ", "\t"))
        point = text.lstrip("-• ").strip()
        bold = re.search(r"\*\*(.+?)\*\*", raw)
        plain = not nested and not bold and PLAIN_SENTENCE_RE.match(raw.strip())
        if plain and groups and groups[-1].items and not SHOULD_RE.match(text):
            self.notes.append(f"{self.current.title or 'Thematic'}: {text}")  # a closing note
            return
        if not nested and (bold or not groups):
            who = clean(bold[1]) if bold else _addressee(point)
            group = next((g for g in groups if g.addressee == who), None)
            if group is None:
                group = AdditionalGroup(addressee=who)
                groups.append(group)
            group.items.append(Item(None, point))
            return
        if not groups:
            return
        item = _item(point)
        if nested and groups[-1].items:
            last = groups[-1].items[-1]
            label = f"{item.label}. " if item.label else "– "
            groups[-1].items[-1] = Item(last.label, f"{last.text} {label}{item.text}")
        else:
            groups[-1].items.append(item)

    def _name_orphans(self) -> None:
        headed = [_words(t.title) for t in self.thematics if t.title]
        for thematic in self.thematics:
            if thematic.title:
                if thematic.year is None:  # a heading without its year: from the list
                    listed = self._best_listed(_words(thematic.title), [])
                    if listed:
                        thematic.year = listed[1]
                continue
            if not (thematic.recommendations or thematic.additional):
                continue
            body = " ".join(
                " ".join([r.text, *(i.text for i in r.items), *r.lines_of_enquiry])
                for r in thematic.recommendations
            )
            candidates = [
                entry
                for entry in self.listed
                if entry[2] not in self.no_recommendations
                and not any(len(_words(entry[0]) & h) >= 0.6 * len(h) for h in headed if h)
            ]
            listed = self._best_listed(_words(body), candidates)
            if listed:
                thematic.title, thematic.year = listed[0], listed[1]
                self.warnings.append(
                    f"a thematic's heading is missing; named from the document's list of "
                    f"inspections as {listed[0]} ({listed[1]})"
                )
            else:
                thematic.title = "Thematic inspection (heading missing)"
                self.warnings.append("a thematic's heading is missing and could not be named")

    def _best_listed(
        self, words: set[str], candidates: list[tuple[str, int, str]]
    ) -> tuple[str, int, str] | None:
        pool = candidates or self.listed
        scored = [(len(words & _words(entry[0])), entry) for entry in pool]
        scored = [s for s in scored if s[0] > 0]
        if not scored:
            return candidates[0] if candidates else None
        return max(scored, key=lambda s: s[0])[1]


def extract_benchmarking_tool(
    text: str, source: str, *, lines: list[Line] | None = None
) -> Extraction:
    """`lines` are the text's lines when the caller has already split it."""
    return _Reader(source, text, lines).read()
