"""A response table's header: which column holds the label, the recommendation, the decision,
the response, the owner, the target or the row's progress, read from what each heading says and
then checked against what the column's cells hold."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from followthrough.core.targets import parse_target

from .decisions import decision_from
from .lines import Line
from .separators import Layout, cells_of, fitted, layouts_of
from .text import clean

ROLES = (
    "label",
    "addressee",
    "recommendation",
    "decision",
    "response",
    "owner",
    "target",
    "progress",
    "ignore",
)
# A date recording when something happened, not when it will be done.
_EVENT_DATE = re.compile(
    r"\bdate\b.*\b(?:discussed|meeting|raised|received|reported|updated|reviewed|agreed|added"
    r"|opened|logged)\b|\bdate of (?:the )?(?:meeting|discussion|update|review|report)\b"
    r"|\b(?:meeting|discussed|review) date\b",
)
_PROGRESS = re.compile(
    r"progress|\bupdates?\b|\brag\b|\bstatus\b|evidence|impact|outcome|\bposition\b|assurance"
    r"|\bcomments?\b|\bnotes?\b|\brisks?\b|\bmeasures?\b"
)


def role_of(header: str) -> str | None:
    h = re.sub(r"^\s*\d+\s*[.)]\s*", "", clean(header)).lower()
    if not h:
        return None
    if re.search(r"\brec(?:ommendation)?\.?\s*(?:no|number|ref)\b|^(?:no\.?|#|number)$|^ref", h):
        return "label"
    if re.search(r"\baddressee\b|\b(?:directed|addressed) to\b", h):
        return "addressee"
    if _EVENT_DATE.search(h):
        return "progress"
    if re.search(r"\bagreed\b|accepted|decision", h) and not _PROGRESS.search(h):
        return "decision"
    if re.search(r"owner|responsib|\blead\b|\bagency\b|\bagencies\b|^who\b|\bby whom\b", h):
        return "owner"
    if re.search(r"target|\bdates?\b|timescale|deadline|by when|^when\b|\bdue\b|completion", h):
        return "target"
    if _PROGRESS.search(h) and not re.match(r"^(?:our |the )?(?:response|action)", h):
        return "progress"
    if re.search(r"response|action|what we|\bplanned\b", h):
        return "response"
    if "recommendation" in h:
        return "recommendation"
    return None


@dataclass
class Header:
    index: int  # the line the table's rows start below
    layout: Layout
    cells: list[str]  # the header's cells as read (two header rows joined)
    roles: list[str | None]
    rows: list[list[str]] = field(default_factory=list)  # the header's own rows, as split
    guessed: list[str] = field(default_factory=list)  # what the cells told, in words
    first: int = 0  # the line of the header's first row


def _is_header(roles: list[str | None], layout: Layout) -> bool:
    if "recommendation" not in roles:
        return False
    if layout.kind == "spaces" and len(roles) < 3:
        return False
    return any(r in roles for r in ("owner", "target", "decision"))


def _second_row(line: Line, layout: Layout, width: int) -> list[str] | None:
    """The cells of a line that finishes the header above ("Rec" over "No", "Target" over
    "date"): a few short words in some cells, no number starting a row."""
    cells = cells_of(line.text, layout)
    if not cells or len(cells) != width or not any(c.strip() for c in cells):
        return None
    texts = [clean(c) for c in cells]
    if re.match(r"^\d", texts[0]) or any(len(t.split()) > 4 for t in texts):
        return None
    if not any(role_of(t) or t.lower() in ("no", "no.", "date", "when") for t in texts if t):
        return None
    return cells


def _spans(top: list[str]) -> list[tuple[int, int]]:
    """Where a heading spans the empty cells after it: (first column, how many)."""
    out = []
    for i, cell in enumerate(top):
        if not clean(cell) or i + 1 >= len(top) or clean(top[i + 1]):
            continue
        n = 1
        while i + n < len(top) and not clean(top[i + n]):
            n += 1
        out.append((i, n))
    return out


def _grouped(top: list[str], line: Line, layout: Layout) -> tuple[list[str], list[str]] | None:
    """A group heading over several columns ("Response" over "Decision" and "Narrative"): the
    top row with the group's name over each of its columns, and the row below in line with it.
    The top row may hold fewer cells than the row below (the group's cell spanned the others)
    or an empty cell after the group's; the row below may have lost the empty cells under the
    headings that spanned both rows, its words packed to the left."""
    if layout.kind == "spaces":
        return None
    below = cells_of(line.text, layout)
    if not below or any(len(clean(c).split()) > 4 for c in below) or re.match(r"^\d", below[0]):
        return None
    filled = [i for i, c in enumerate(below) if clean(c)]
    if len(below) > len(top):  # one heading spans a run of the cells below
        extra = len(below) - len(top)
        runs = [i for i in filled if i - 1 not in filled and i + extra in filled]
        if len(runs) != 1 or any(i not in filled for i in range(runs[0], runs[0] + extra + 1)):
            return None
        top = [*top[: runs[0] + 1], *[""] * extra, *top[runs[0] + 1 :]]
    if len(below) != len(top):
        return None
    spans = [(i, n) for i, n in _spans(top) if n > 1]
    if not spans:
        return None
    under = [i for i, n in spans for i in range(i, i + n)]
    if filled == list(range(len(filled))) and len(filled) == len(under) and filled != under:
        packed = [below[i] for i in filled]  # the words below, packed to the left
        below = [""] * len(top)
        for i, word in zip(under, packed, strict=True):
            below[i] = word
        filled = under
    if not all(i in filled for i in under):
        return None
    top = list(top)
    for i, n in spans:
        top[i + 1 : i + n] = [top[i]] * (n - 1)
    return top, below


_COLUMN_NUMBER = re.compile(r"^[(\[]?(\d{1,2})[)\].]?$")


def numbers_only(cells: list[str] | None, width: int) -> bool:
    """Whether a row only numbers the table's columns ("(1) (2) … (6)", "1 2 3"), as forms
    printed from a PDF do under their headings: part of the header, not a row."""
    if not cells or len(cells) != width or width < 2:
        return False
    found = [_COLUMN_NUMBER.match(clean(c)) for c in cells]
    numbers = [int(m[1]) for m in found if m]
    return len(numbers) == width and numbers == list(range(numbers[0], numbers[0] + width))


def _with_numbers(lines: list[Line], header: Header) -> Header:
    """The header with a row of column numbers under it taken in."""
    below = next((x for x in lines[header.index + 1 : header.index + 3] if x.text.strip()), None)
    numbers = cells_of(below.text, header.layout) if below is not None else None
    if below is None or numbers is None or not numbers_only(numbers, len(header.roles)):
        return header
    header.rows.append(numbers)
    header.index = below.number - 1
    return header


def _rows_below(lines: list[Line], index: int) -> list[str]:
    return [x.text for x in lines[index + 1 : index + 60] if x.text.strip()]


def find_header(lines: list[Line], column_map: dict[int, str] | None = None) -> Header | None:
    """The table's header (over one or two rows) and the role of each column, or None. With a
    reviewer's `column_map`, the first row that the map makes a header is one."""
    # Lines naming the recommendation column, as the header or the row below it, are tried.
    hit = [bool(column_map) or "ecommendation" in x.text.lower() for x in lines] + [False] * 2
    for index, line in enumerate(lines):
        if not (
            hit[index] or hit[index + 1] or (hit[index + 2] and not lines[index + 1].text.strip())
        ):
            continue
        following = None
        if not hit[index]:
            following = next((x for x in lines[index + 1 : index + 3] if x.text.strip()), None)
        if not column_map and not _may_head(lines, index, following):
            continue
        for layout in layouts_of(line.text):
            cells = cells_of(line.text, layout) or []
            if following is None:
                following = next((x for x in lines[index + 1 : index + 3] if x.text.strip()), None)
            top, second = cells, None
            group = _grouped(cells, following, layout) if following else None
            if group is not None:
                top, second = group
            elif following is not None:
                second = _second_row(following, layout, len(cells))
            if second is not None and following is not None:
                joined = [f"{a} {b}".strip() for a, b in zip(top, second, strict=True)]
                roles = [role_of(c) for c in joined]
                if _is_header(roles, layout):
                    below = _rows_below(lines, following.number - 1)
                    layout = fitted(layout, below)
                    rows = [cells, cells_of(following.text, layout) or second]
                    header = Header(following.number - 1, layout, joined, roles, rows, first=index)
                    return _with_numbers(lines, header)
            roles = [role_of(c) for c in cells]
            if column_map and len(cells) > max(column_map):
                roles = [column_map.get(i, r) for i, r in enumerate(roles)]
            if _is_header(roles, layout):
                layout = fitted(layout, _rows_below(lines, index))
                return _with_numbers(
                    lines, Header(index, layout, cells, roles, [cells], first=index)
                )
    return None


# Words one of the owner, target or decision headings holds, which every header has: looked
# for with `in`, several times faster than one pattern of them all.
_HEADER_WORDS = (
    "owner", "responsib", "lead", "agenc", "who", "target", "date", "timescale", "deadline",
    "when", "due", "completion", "agreed", "accepted", "decision",
)  # fmt: skip


def _names_a_column(text: str) -> bool:
    low = text.lower()
    return any(word in low for word in _HEADER_WORDS)


def _may_head(lines: list[Line], index: int, following: Line | None) -> bool:
    """Whether a line (with the one below, for a header over two rows) holds a word naming the
    owner, target or decision column: a cheap test before its cells are read."""
    if _names_a_column(lines[index].text):
        return True
    if following is None:
        following = next((x for x in lines[index + 1 : index + 3] if x.text.strip()), None)
    return following is not None and _names_a_column(following.text)


def _decision_like(cell: str) -> bool:
    if len(cell) > 200:  # longer than a few decision words in any markup
        return False
    text = clean(cell)
    return bool(text) and len(text.split()) <= 5 and decision_from(text) is not None


def _target_like(cell: str) -> bool:
    if len(cell) > 60:  # a target is a date or a few words around one
        return False
    return parse_target(clean(cell)).kind != "unknown"


def settle(header: Header, rows: list[list[str]]) -> None:
    """Check each column's role against its cells: a "decision" column of long text is the
    response (the row's progress when there is a response column), a column of short decision
    words is the decision and a column of dates under an unknown heading the target, whatever
    the headers say. What was changed is said in `guessed`."""
    roles = header.roles
    columns = [[r[i] for r in rows if i < len(r) and r[i].strip()] for i in range(len(roles))]
    for i, role in enumerate(roles):
        filled = columns[i]
        if not filled:
            continue
        share = sum(_decision_like(c) for c in filled) / len(filled)
        if role == "decision" and share < 0.5:
            # What was agreed, written out: the response, or with one beside it the progress.
            roles[i] = "progress" if "response" in roles else "response"
            header.guessed.append(
                f"column {i + 1} ({clean(header.cells[i])!r}) holds text, not decisions: "
                f"read as the {roles[i]}"
            )
        elif role in ("progress", "response", None) and share >= 0.8 and "decision" not in roles:
            roles[i] = "decision"
            header.guessed.append(
                f"column {i + 1} ({clean(header.cells[i])!r}) holds decisions: read as the decision"
            )
        elif (
            role is None
            and "target" not in roles
            and sum(_target_like(c) for c in filled) / len(filled) >= 0.8
        ):
            roles[i] = "target"
            header.guessed.append(
                f"column {i + 1} ({clean(header.cells[i])!r}) holds dates: read as the target"
            )


def mapped(header: Header, column_map: dict[int, str]) -> None:
    """A reviewer's mapping of column index to role, over what was read from the header."""
    for index, role in column_map.items():
        if role not in ROLES:
            raise ValueError(f"{role!r} is not a column role")
        if 0 <= index < len(header.roles):
            header.roles[index] = None if role == "ignore" else role
