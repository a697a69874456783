"""Reading a response table row by row: where it starts, what each row adds, which rows are
addressee headings, section headings, notes or the header repeated on a new page."""

from __future__ import annotations

import re

from followthrough.core.dates import parse_date

from ..columns import ROLES, Header, find_header, mapped, numbers_only, role_of, settle
from ..inspectorates import inspectorates_in
from ..lines import Line, split_lines
from ..separators import cells_of, chunks
from ..text import blocks, clean
from ..types import Document, Extraction, ExtractionError, Recommendation
from .records import finish
from .rows import (
    BRACKET_NOTE_RE,
    LABEL_RE,
    SEPARATOR_RE,
    Draft,
    add_progress,
    by_role,
    dangles,
    group_like,
    join_fragments,
    marked,
    names_owner,
    new_entry,
)

SHOULD_RE = re.compile(r"^(.*?)\s*\bshould\s*:?\s*$", re.IGNORECASE | re.DOTALL)
ADDRESSED_TO_RE = re.compile(
    r"^recommendations?\s+(?:made\s+|addressed\s+)?(?:to|for)\s+(.{3,200}?)\s*:?$", re.IGNORECASE
)
ADDITIONAL_RE = re.compile(r"\b(?:additional|further)\b.*\brecommendations?\b", re.IGNORECASE)
NOTE_RE = re.compile(r"^\W*(?:notes?|nb|please note)\b[\s:.\-–]*", re.IGNORECASE)
# A number printed at the start of the recommendation in a table with no number column.
PRINTED_NUMBER_RE = re.compile(
    r"^(?:rec(?:ommendation)?\.?\s*)?(\d{1,3}(?:\.\d{1,2})?[a-z]?)\s*[.):]\s+"
    r"|^rec(?:ommendation)?\.?\s*(\d{1,3})\s+",
    re.IGNORECASE,
)
GUESSED_CONFIDENCE = 0.7
INFERRED_CONFIDENCE = 0.6


class _Reader:
    def __init__(
        self,
        source: str,
        text: str,
        column_map: dict[int, str] | None,
        lines: list[Line] | None = None,
        header: Header | None = None,
    ) -> None:
        self.source = source
        self.text = text
        self.column_map = column_map
        self.lines = split_lines(text) if lines is None else lines
        self.found = header  # the header detection found, so it is not looked for again
        self.warnings: list[str] = []
        self.notes: list[str] = []
        self.drafts: list[Draft] = []
        self.section = "main"
        self.addressee = ""
        self.wrapped_who = ""  # a name alone in a row before the first one: "should:" may follow
        self.header_index = 0
        self.header_rows: list[list[str]] | None = None
        self.uneven: list[int] = []  # where rows of a table of spaces had too few or many runs

    def read(self) -> Extraction:
        if not self.text.strip():
            raise ExtractionError("the file is empty")
        header = self.found if self.column_map is None else None
        header = header or find_header(self.lines, self.column_map)
        if header is None:
            raise ExtractionError(
                "no action plan table was found (no header row naming a "
                "recommendation column and an owner or target column)"
            )
        self.header_index = header.first
        body = self.lines[header.index + 1 :]
        if self.column_map is not None:
            mapped(header, self.column_map)
        else:
            settle(header, [c for c in (cells_of(x.text, header.layout) for x in body) if c])
            self.warnings.extend(header.guessed)
        for line in body:
            self._line(line, header)
        if not self.drafts:
            raise ExtractionError("the action plan table has no numbered recommendations")
        document = self._document()
        recommendations: list[Recommendation] = []
        for draft in self.drafts:
            earlier = [r for r in recommendations if r.start < draft.start]
            rec = finish(
                draft,
                previous=earlier[-1].addressee if earlier else None,
                header_cells=header.cells,
                warnings=self.warnings,
            )
            if header.guessed:
                rec.confidence = GUESSED_CONFIDENCE
            if draft.label_inferred:
                rec.confidence = min(rec.confidence, INFERRED_CONFIDENCE)
            if any(draft.start <= at <= draft.end for at in self.uneven):
                rec.confidence = min(rec.confidence, GUESSED_CONFIDENCE)
                self.warnings.append(
                    f"recommendation {draft.label}: a row's cells are not lined up under the "
                    "header, so which column each belongs to was guessed"
                )
            recommendations.append(rec)
        return Extraction(
            self.source,
            document,
            recommendations,
            self.notes,
            self.warnings,
            table_header=[clean(c) for c in header.cells],
            table_roles=[role or "ignore" for role in header.roles],
        )

    def _document(self) -> Document:
        head = "\n".join(line.text for line in self.lines[:80])
        submitted = re.search(r"action plan submitted\s*(?:on)?\s*:?\s*(.+)", head, re.I)
        published = re.search(r"report published\s*(?:on)?\s*:?\s*(.+)", head, re.I)
        title = None
        m = re.search(r"(?:a\s+)?response\s+to\s*:\s*(.+?)(?:\n\s*\n|$)", head, re.I | re.S)
        if m:
            title = clean(m[1])
        if not title:
            m = re.search(r"action plan\s*:\s*(.+)", head, re.I)
            title = clean(m[1]) if m else None
        preamble = "\n".join(line.text for line in self.lines[: self.header_index])
        return Document(
            kind="action_plan",
            inspectorates=inspectorates_in(preamble),
            title=f"Action plan: {title}" if title else "Action plan",
            report_title=title,
            report_published=parse_date(published[1]) if published else None,
            submitted=parse_date(submitted[1]) if submitted else None,
        )

    def _line(self, line: Line, header: Header) -> None:
        raw = line.text
        split = cells_of(raw, header.layout)
        layout = header.layout
        if (
            split is not None
            and layout.kind == "spaces"
            and not layout.aligned
            and len(chunks(raw)) != len(header.roles)
        ):
            self.uneven.append(line.start)  # its cells were placed by guess
        if split is None:
            text = clean(raw.lstrip("#"))
            if text and NOTE_RE.match(text) and not text.lower().startswith("action plan"):
                self.notes.append(NOTE_RE.sub("", text, count=1).strip())
            return
        if all(SEPARATOR_RE.match(c) for c in split) or numbers_only(split, len(header.roles)):
            return  # a rule, or the header's row of column numbers repeated on a new page
        cells, progress = by_role(split, header.roles)
        values = {k: v for k, v in cells.items() if clean(v)}
        if not values and not progress:
            return
        label_text = clean(cells.get("label", ""))
        label_match = LABEL_RE.match(label_text)
        substantive = any(values.get(k) for k in ("decision", "response", "owner", "target"))
        if label_match:
            last = self.drafts[-1] if self.drafts else None
            if last and last.label == label_match[1] and last.section == self.section:
                self._continue(last, line, cells, progress)  # the number repeated on a new page
            else:
                self._start(line, label_match[1], cells, progress, inferred=False)
            return
        if self._repeats_header(split, header):
            return  # the header repeated at the top of a new page
        if not substantive and not progress and len(values) == 1:
            only = clean(next(iter(values.values())))
            should = SHOULD_RE.match(only)
            if should and len(only) < 400:
                who = should[1] if should[1].strip() else self.wrapped_who  # wrapped in its cell
                self.addressee = BRACKET_NOTE_RE.sub("", who).strip(" :")
                self.wrapped_who = ""
                return
            addressed = ADDRESSED_TO_RE.match(only)
            if addressed and not ADDITIONAL_RE.search(only):
                self.addressee = addressed[1][:1].upper() + addressed[1][1:]
                return
            if ADDITIONAL_RE.search(only) and len(only) < 200:
                self.section = "additional"
                self.addressee = ""
                return
            if self._group_heading(line, only, header):
                return  # "Theme 2: Education" over the rows of its group
        if "label" not in header.roles and self._starts_row(cells, substantive, header):
            self._start_unnumbered(line, cells, progress)
            return
        if label_text and substantive:
            # The label column holds text: the row lost its number in conversion.
            number = self._next_number()
            self.warnings.append(
                f"line {line.number}: recommendation number missing; inferred as {number}"
            )
            cells = dict(cells)
            cells["recommendation"] = f"{cells.get('label', '')} {cells.get('recommendation', '')}"
            self._start(line, number, cells, progress, inferred=True)
            return
        if not self.drafts:
            only = clean(next(iter(values.values()))) if len(values) == 1 else ""
            self.wrapped_who = only if len(only) < 150 and only[:1].isupper() else ""
            if values:
                self.warnings.append(
                    f"line {line.number}: text before the first recommendation ignored"
                )
            return
        if header.layout.kind == "spaces":
            cells = self._unwrapped(self.drafts[-1], cells, header)
        self._continue(self.drafts[-1], line, cells, progress)

    def _group_heading(self, line: Line, only: str, header: Header) -> bool:
        """A group heading in a row of its own ("Theme 2: Education"): a few words, not the end
        of the recommendation above, over a row that starts the next one."""
        above = self.drafts[-1].rec_parts if self.drafts else []
        if not group_like(only, clean(above[-1]) if above else ""):
            return False
        below = next((x for x in self.lines[line.number : line.number + 3] if x.text.strip()), None)
        split = cells_of(below.text, header.layout) if below is not None else None
        if split is None:
            return False
        cells, _ = by_role(split, header.roles)
        if "label" in header.roles:
            return LABEL_RE.match(clean(cells.get("label", ""))) is not None
        roles = ("decision", "response", "owner", "target")
        opens = clean(cells.get("recommendation", ""))[:1].isupper()
        return opens and any(clean(cells.get(k, "")) for k in roles)

    def _unwrapped(self, draft: Draft, cells: dict[str, str], header: Header) -> dict[str, str]:
        """In a table of spaces, an owner or target that did not fit its column went on over the
        line below: its words join the one above when the first would not have fitted there."""
        cells = dict(cells)
        for role, entries in (("owner", draft.owners), ("target", draft.targets)):
            text = clean(cells.get(role, ""))
            if not text or not entries or role not in header.roles:
                continue
            index = header.roles.index(role)
            starts = header.layout.starts
            width = starts[index + 1] - starts[index] if index + 1 < len(starts) else 40
            chunk, above = entries[-1]
            beside = clean(cells.get("target", ""))
            new_target = bool(beside and draft.targets) and new_entry(
                "target", draft.targets[-1][1], beside
            )
            if new_entry(role, above, text, new_target=new_target):
                continue  # a second owner or target, on a line of its own
            if len(above) + 1 + len(text.split()[0]) > width - 2:
                entries[-1] = (chunk, f"{above} {text}")
                cells[role] = ""
        return cells

    def _repeats_header(self, split: list[str], header: Header) -> bool:
        if any(len(c) > 160 for c in split):  # a header cell is a few words
            return False
        if self.header_rows is None:
            self.header_rows = [[clean(c).lower() for c in row] for row in header.rows]
        if (
            len(header.rows) == 1
            and len(split) == len(header.roles)
            and [role_of(c) for c in split] == header.roles
        ):
            return True
        widths = {len(row) for row in self.header_rows}
        return len(split) in widths and [clean(c).lower() for c in split] in self.header_rows

    def _starts_row(self, cells: dict[str, str], substantive: bool, header: Header) -> bool:
        """In a table with no number column, whether a row starts a recommendation: it has
        recommendation text that does not finish the row above (a wrapped line in a table of
        spaces carries nothing in the other columns)."""
        text = clean(cells.get("recommendation", ""))
        if not text or text[:1].islower():
            return False
        last = self.drafts[-1].rec_parts if self.drafts else []
        if last and dangles(clean(last[-1])):
            return False
        return substantive or header.layout.kind != "spaces" or not self.drafts

    def _start_unnumbered(
        self, line: Line, cells: dict[str, str], progress: dict[int, str]
    ) -> None:
        text = clean(cells["recommendation"])
        m = PRINTED_NUMBER_RE.match(text)
        if m:
            cells = dict(cells, recommendation=text[m.end() :])
            self._start(line, m[1] or m[2], cells, progress, inferred=False)
            return
        number = self._next_number()
        if not any(d.label_inferred for d in self.drafts):
            self.warnings.append(
                "the table has no number column: recommendations are numbered in reading order"
            )
        self._start(line, number, cells, progress, inferred=True)

    def _next_number(self) -> str:
        labels = [d.label for d in self.drafts if d.section == self.section]
        numbers = [int(re.sub(r"\D", "", x)) for x in labels if re.sub(r"\D", "", x)]
        return str(max(numbers) + 1) if numbers else "1"

    def _start(
        self,
        line: Line,
        label: str,
        cells: dict[str, str],
        progress: dict[int, str],
        *,
        inferred: bool,
    ) -> None:
        same_section = [d for d in self.drafts if d.section == self.section]
        if (
            self.section == "main"
            and label == "1"
            and same_section
            and same_section[-1].label != "1"
        ):
            self.warnings.append(
                f"line {line.number}: numbering restarts at 1; read as additional recommendations"
            )
            self.section = "additional"
        draft = Draft(
            label=label,
            section=self.section,
            addressee=self.addressee,
            start=line.start,
            end=line.end,
            label_inferred=inferred,
        )
        self.drafts.append(draft)
        self._continue(draft, line, cells, progress)

    def _continue(
        self, draft: Draft, line: Line, cells: dict[str, str], progress: dict[int, str]
    ) -> None:
        draft.end = line.end
        owners = marked(blocks(cells.get("owner", "")))
        targets = marked(blocks(cells.get("target", "")))
        continued = bool(draft.chunks) and not names_owner(draft.owners, owners)
        if continued:  # a row naming no owner of its own continues the row above
            chunk = draft.chunks - 1
            if targets and draft.targets and draft.targets[-1][0] == chunk:
                targets = [" ".join(t for t in targets if t)]
                if targets[0]:
                    draft.targets[-1] = (chunk, f"{draft.targets[-1][1]} {targets[0]}")
                targets = []
        else:
            chunk = draft.chunks
            draft.chunks += 1
        if clean(cells.get("recommendation", "")):
            draft.rec_parts.append(cells["recommendation"])
        if clean(cells.get("addressee", "")) and not draft.addressee_cell:
            draft.addressee_cell = clean(cells["addressee"])
        if clean(cells.get("decision", "")):
            draft.decision_parts.append(cells["decision"])
        if clean(cells.get("response", "")):
            draft.response_parts.append(cells["response"])
        join_fragments(draft.owners, chunk, owners)
        join_fragments(draft.targets, chunk, targets)
        add_progress(draft, progress)


def extract_action_plan(
    text: str,
    source: str,
    *,
    column_map: dict[int, str] | None = None,
    lines: list[Line] | None = None,
    header: Header | None = None,
) -> Extraction:
    """The response table a text holds. `column_map` (column index to role: label,
    recommendation, decision, response, owner, target, progress or ignore), set by a reviewer,
    overrides the roles read from the header and the cells. `lines` and `header` are the text's
    lines and the header (as `find_header` gives it) when the caller has them already."""
    for role in (column_map or {}).values():
        if role not in ROLES:
            raise ValueError(f"{role!r} is not a column role")
    return _Reader(source, text, column_map, lines, header).read()
