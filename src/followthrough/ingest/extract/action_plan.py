"""Action plans: the table of Rec No, Recommendation, Agreed?, Response, Owner and Target.

Departments lay it out in many ways: a decision column or a decision written into the
response, addressee headings as rows or "X should:" inside the recommendation, rows split
across page breaks, cells lost on the left of a garbled row. The extractor reads columns by
what the header says they hold and rows by what their cells contain, never by position alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from followthrough.core.dates import parse_date
from followthrough.core.targets import parse_target

from .columns import find_header, role_of
from .decisions import decision_from, decision_in_response
from .inspectorates import inspectorates_in
from .lines import Line, split_lines
from .text import blocks, clean, list_items
from .types import Action, Document, Extraction, ExtractionError, Item, Recommendation, Response

LABEL_RE = re.compile(
    r"^(?:r|rec(?:ommendation)?\.?\s*(?:no\.?\s*)?)?(\d{1,3}(?:\.\d{1,2})?[a-z]?)\s*[.):]?$",
    re.IGNORECASE,
)
SEPARATOR_RE = re.compile(r"^[\s\-:=|]*$")
SHOULD_RE = re.compile(r"^(.*?)\s*\bshould\s*:?\s*$", re.IGNORECASE | re.DOTALL)
SHOULD_SPLIT_RE = re.compile(r"^(.*?)\bshould\s*:\s*(.*)$", re.IGNORECASE | re.DOTALL)
SHOULD_INLINE_RE = re.compile(r"^(.{3,200}?)\s+should\s+(\w.*)$", re.IGNORECASE | re.DOTALL)
ADDRESSED_TO_RE = re.compile(
    r"^recommendations?\s+(?:made\s+|addressed\s+)?(?:to|for)\s+(.{3,200}?)\s*:?$", re.IGNORECASE
)
ADDITIONAL_RE = re.compile(r"\b(?:additional|further)\b.*\brecommendations?\b", re.IGNORECASE)
NOTE_RE = re.compile(r"^\W*(?:notes?|nb|please note)\b[\s:.\-–]*", re.IGNORECASE)
# A fragment that ends on one of these words was cut by a page break, not finished.
DANGLING_RE = re.compile(
    r"(?:\b(?:and|or|of|the|a|an|to|for|in|on|with|by|at|from)|[&,\-–/])$", re.I
)
BRACKET_NOTE_RE = re.compile(r"\s*\[[^\]]*\]")


@dataclass
class _Draft:
    label: str
    section: str
    addressee: str
    start: int
    end: int
    label_inferred: bool = False
    addressee_cell: str = ""  # a plan with an addressee column
    rec_parts: list[str] = field(default_factory=list)
    decision_parts: list[str] = field(default_factory=list)
    response_parts: list[str] = field(default_factory=list)
    owners: list[tuple[int, str]] = field(default_factory=list)  # (row chunk, text)
    targets: list[tuple[int, str]] = field(default_factory=list)
    chunks: int = 0


# Trackers and our own exports write placeholders and status flags into owner and target cells:
# "No target" holds a place in the list (the action has none), "(overdue)" is not the target.
PLACEHOLDER_RE = re.compile(
    r"^(?:no (?:owner|target|date)(?: set| given)?|not (?:recorded|stated|known)|tbc|n/?a|[-–—])$",
    re.IGNORECASE,
)
STATUS_MARK_RE = re.compile(r"\s*\((?:overdue|late|slipped)\)\s*$", re.IGNORECASE)


def _marked(fragments: list[str]) -> list[str]:
    out = []
    for fragment in fragments:
        fragment = STATUS_MARK_RE.sub("", fragment)
        out.append("" if PLACEHOLDER_RE.match(fragment) else fragment)
    return out


def _join_fragments(entries: list[tuple[int, str]], chunk: int, fragments: list[str]) -> None:
    """Append a cell's paragraphs, gluing one that a page break cut off to the one before."""
    for fragment in fragments:
        if entries and (fragment[:1].islower() or DANGLING_RE.search(entries[-1][1])):
            prev_chunk, prev = entries[-1]
            entries[-1] = (prev_chunk, f"{prev} {fragment}")
        else:
            entries.append((chunk, fragment))


def _names_owner(entries: list[tuple[int, str]], fragments: list[str]) -> bool:
    """Whether a row names an owner of its own, not none or only the end of the one above."""
    if not fragments:
        return False
    cut = entries and (fragments[0][:1].islower() or DANGLING_RE.search(entries[-1][1]))
    return not cut or len(fragments) > 1


def _pair(
    owners: list[tuple[int, str]], targets: list[tuple[int, str]], chunks: int
) -> list[Action]:
    """One action per owner or target of each row; a lone owner or date covers its whole row."""
    actions: list[Action] = []
    for chunk in range(chunks):
        os = [t for c, t in owners if c == chunk]
        ts = [t for c, t in targets if c == chunk]
        if not os and not ts:
            continue
        if len(os) == 1 and len(ts) > 1:
            os = os * len(ts)
        elif len(ts) == 1 and len(os) > 1:
            ts = ts * len(os)
        for i in range(max(len(os), len(ts))):
            owner = os[i] if i < len(os) else None
            target_text = ts[i] if i < len(ts) else None
            actions.append(Action(owner, target_text, parse_target(target_text)))
    return actions


def _split_addressee(text: str) -> tuple[str | None, str]:
    m = SHOULD_SPLIT_RE.match(text)
    if m:
        return m[1].strip(" :-–"), m[2].strip()
    return None, text


def _item(text: str) -> Item:
    m = re.match(r"^\(?([a-z]|[ivx]{1,4})[.)]\s+(.*)$", text)
    if m:
        return Item(m[1], m[2])
    return Item(None, text)


def _paragraphs(parts: list[str]) -> str:
    paras: list[str] = []
    for part in parts:
        for block in blocks(part):
            if paras and (block[:1].islower() or DANGLING_RE.search(paras[-1])):
                paras[-1] = f"{paras[-1]} {block}"
            else:
                paras.append(block)
    return "\n\n".join(paras)


class _Reader:
    def __init__(self, source: str, text: str) -> None:
        self.source = source
        self.text = text
        self.lines = split_lines(text)
        self.warnings: list[str] = []
        self.notes: list[str] = []
        self.drafts: list[_Draft] = []
        self.section = "main"
        self.addressee = ""
        self.resolved: dict[int, str] = {}
        self.header_index = 0  # draft id -> addressee once finished

    def read(self) -> Extraction:
        if not self.text.strip():
            raise ExtractionError("the file is empty")
        header = find_header(self.lines)
        if header is None:
            raise ExtractionError(
                "no action plan table was found (no header row naming a "
                "recommendation column and an owner or target column)"
            )
        header_index, roles = header
        self.header_index = header_index
        header_text = self.lines[header_index].text
        for line in self.lines[header_index + 1 :]:
            self._line(line, roles, header_text)
        if not self.drafts:
            raise ExtractionError("the action plan table has no numbered recommendations")
        document = self._document()
        recommendations = [self._finish(d) for d in self.drafts]
        return Extraction(self.source, document, recommendations, self.notes, self.warnings)

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

    def _cells(self, line: Line, roles: list[str | None]) -> dict[str, str]:
        cells = line.text.split("\t")
        n = len(roles)
        if len(cells) > n:  # surplus cells: a column split in two; fold them into the text
            extra = len(cells) - n
            first_text = next((i for i, r in enumerate(roles) if r == "recommendation"), 1)
            merged = " ".join(cells[first_text : first_text + extra + 1])
            cells = [*cells[:first_text], merged, *cells[first_text + extra + 1 :]]
        elif len(cells) < n:  # cells lost on the left of a garbled row: align from the right
            cells = [""] * (n - len(cells)) + cells
        mapped: dict[str, str] = {}
        for role, cell in zip(roles, cells, strict=True):
            if role:
                mapped[role] = (
                    (mapped.get(role, "") + " " + cell).strip() if role in mapped else cell
                )
        return mapped

    def _line(self, line: Line, roles: list[str | None], header_text: str) -> None:
        raw = line.text
        if "\t" not in raw:
            text = clean(raw.lstrip("#"))
            if text and NOTE_RE.match(text) and not text.lower().startswith("action plan"):
                self.notes.append(NOTE_RE.sub("", text, count=1).strip())
            return
        if all(SEPARATOR_RE.match(c) for c in raw.split("\t")):
            return
        cells = self._cells(line, roles)
        values = {k: v for k, v in cells.items() if clean(v)}
        if not values:
            return
        label_text = clean(cells.get("label", ""))
        label_match = LABEL_RE.match(label_text)
        substantive = any(values.get(k) for k in ("decision", "response", "owner", "target"))
        if label_match:
            last = self.drafts[-1] if self.drafts else None
            if last and last.label == label_match[1] and last.section == self.section:
                self._continue(last, line, cells)  # the number repeated on a new page
            else:
                self._start(line, label_match[1], cells, inferred=False)
            return
        if raw == header_text or [role_of(c) for c in raw.split("\t")] == roles:
            return  # the header repeated at the top of a new page
        if not substantive and len(values) == 1:
            only = clean(next(iter(values.values())))
            should = SHOULD_RE.match(only)
            if should and len(only) < 400:
                self.addressee = BRACKET_NOTE_RE.sub("", should[1]).strip(" :")
                return
            addressed = ADDRESSED_TO_RE.match(only)
            if addressed and not ADDITIONAL_RE.search(only):
                self.addressee = addressed[1][:1].upper() + addressed[1][1:]
                return
            if ADDITIONAL_RE.search(only) and len(only) < 200:
                self.section = "additional"
                self.addressee = ""
                return
        if label_text and substantive:
            # The label column holds text: the row lost its number in conversion.
            number = self._next_number()
            self.warnings.append(
                f"line {line.number}: recommendation number missing; inferred as {number}"
            )
            cells = dict(cells)
            cells["recommendation"] = f"{cells.get('label', '')} {cells.get('recommendation', '')}"
            self._start(line, number, cells, inferred=True)
            return
        if not self.drafts:
            self.warnings.append(
                f"line {line.number}: text before the first recommendation ignored"
            )
            return
        self._continue(self.drafts[-1], line, cells)

    def _next_number(self) -> str:
        labels = [d.label for d in self.drafts if d.section == self.section]
        numbers = [int(re.sub(r"\D", "", x)) for x in labels if re.sub(r"\D", "", x)]
        return str(max(numbers) + 1) if numbers else "1"

    def _start(self, line: Line, label: str, cells: dict[str, str], *, inferred: bool) -> None:
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
        draft = _Draft(
            label=label,
            section=self.section,
            addressee=self.addressee,
            start=line.start,
            end=line.end,
            label_inferred=inferred,
        )
        self.drafts.append(draft)
        self._continue(draft, line, cells)

    def _continue(self, draft: _Draft, line: Line, cells: dict[str, str]) -> None:
        draft.end = line.end
        owners = _marked(blocks(cells.get("owner", "")))
        targets = _marked(blocks(cells.get("target", "")))
        continued = bool(draft.chunks) and not _names_owner(draft.owners, owners)
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
        _join_fragments(draft.owners, chunk, owners)
        _join_fragments(draft.targets, chunk, targets)

    def _finish(self, draft: _Draft) -> Recommendation:
        paras: list[str] = []
        items: list[Item] = []
        for part in draft.rec_parts:
            ps, lis = list_items(part)
            for p in ps:
                if paras and not items and (p[:1].islower() or DANGLING_RE.search(paras[-1])):
                    paras[-1] = f"{paras[-1]} {p}"
                elif items and p[:1].islower():
                    items[-1] = Item(items[-1].label, f"{items[-1].text} {p}")
                else:
                    paras.append(p)
            items.extend(_item(x) for x in lis)
        if not paras and items:
            paras.append(items.pop(0).text)
        text = " ".join(paras)
        addressee = draft.addressee_cell or draft.addressee
        stated, rest = _split_addressee(text)
        if stated is not None:
            text = rest
            if stated:
                addressee = BRACKET_NOTE_RE.sub("", stated).strip()
        elif not addressee:
            m = SHOULD_INLINE_RE.match(text)
            if m:
                addressee = BRACKET_NOTE_RE.sub("", m[1]).strip()
                text = m[2].strip()
        if not addressee:
            previous = [d for d in self.drafts if d is not draft and d.start < draft.start]
            if stated is not None and previous:
                addressee = self._addressee_of(previous[-1])
                self.warnings.append(
                    f"recommendation {draft.label}: addressee missing; taken from the one before"
                )
        self.resolved[id(draft)] = addressee
        response_text = _paragraphs(draft.response_parts)
        decision_text = clean(" ".join(draft.decision_parts)) or None
        if not decision_text and response_text:
            stated = decision_in_response(response_text)
            decision_text = stated[:1].upper() + stated[1:] if stated else None
        decision = decision_from(decision_text)
        if decision_text:
            decision_text = decision_text.rstrip(" .")
        if decision is None:
            self.warnings.append(f"recommendation {draft.label}: no decision found")
        owners = [t for _, t in draft.owners]
        targets = [t for _, t in draft.targets]
        if not owners:
            self.warnings.append(f"recommendation {draft.label}: owner cell empty")
        response = Response(
            decision=decision,
            decision_text=decision_text,
            text=response_text,
            owners=owners,
            targets=targets,
            actions=_pair(draft.owners, draft.targets, draft.chunks),
        )
        return Recommendation(
            label=draft.label,
            section=draft.section,
            addressee=addressee,
            text=text,
            items=items,
            paragraph_refs=[],
            response=response,
            start=draft.start,
            end=draft.end,
            label_inferred=draft.label_inferred,
        )

    def _addressee_of(self, draft: _Draft) -> str:
        return self.resolved.get(id(draft), draft.addressee)


def extract_action_plan(text: str, source: str) -> Extraction:
    return _Reader(source, text).read()
