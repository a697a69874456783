"""Tables printed with no rules at all, their columns kept apart by spacing only. The header is
a line of three or more runs of text with gutters between them that names a recommendation
column and an owner, target or decision column; each column starts where its heading starts.
Lines below it whose text stays inside the columns are the table's; a row starts where the
first (number) column holds text, or at a line spanning several columns (an addressee). A page
whose first lines sit in the columns of a table that ended the page before carries on that
table, and when its first row has no number it is the remainder of the row the page cut."""

from __future__ import annotations

import re

from ..columns import role_of
from .pdf_page import PageContent, Run
from .pdf_tables import NEAR, Cell, Line, Table, lines_of

GUTTER = 5.0  # points of clear space between two columns' text; words are closer
MAX_GAP = 3.0  # line heights: a wider gap between lines ends the table
Page = tuple[PageContent, list[Run], list[Table]]


def _segments(line: Line) -> list[tuple[float, str]]:
    """Where each run of text separated from the one before by a gutter starts, and its text."""
    out: list[tuple[float, str]] = []
    reach = -1.0
    for run in sorted(line.runs, key=lambda r: r.x0):
        if out and run.x0 - reach < GUTTER:
            out[-1] = (out[-1][0], f"{out[-1][1]} {run.text}")
        else:
            out.append((run.x0, run.text))
        reach = max(reach, run.x1)
    return out


def _header(line: Line) -> list[float] | None:
    """The column starts, when the line reads as a response table's header."""
    found = _segments(line)
    if len(found) < 3:
        return None
    roles = [role_of(text) for _, text in found]
    if "recommendation" not in roles or not {"owner", "target", "decision"} & set(roles):
        return None
    return [x for x, _ in found]


def _column(x: float, starts: list[float]) -> int:
    return max((i for i, s in enumerate(starts) if s - NEAR <= x), default=0)


def _spans(line: Line, starts: list[float]) -> bool:
    """Whether a run of the line crosses into the next column (an addressee over the row)."""
    return any(
        (c := _column(r.x0, starts)) + 1 < len(starts) and r.x1 > starts[c + 1] - NEAR
        for r in line.runs
    )


def _region(lines: list[Line], first: int, starts: list[float]) -> list[Line]:
    """The lines of the table from `first`: inside the columns, a spanning line not at the
    margin (prose below the table starts there), no gap wider than a few lines."""
    taken: list[Line] = []
    for line in lines[first:]:
        height = max(line.bottom - line.top, 6.0)
        if taken and line.top - taken[-1].bottom > MAX_GAP * height:
            break
        if _spans(line, starts) and _column(line.x0, starts) == 0:
            break
        taken.append(line)
    return taken


def _rows(lines: list[Line], starts: list[float], header: bool) -> list[list[Line]]:
    """The lines grouped into rows: the header's lines (wrapped close under its first), then a
    row at each line with text in the first column or spanning columns."""
    rows: list[list[Line]] = []
    heading = header
    for line in lines:
        if rows and heading:
            gap = line.top - rows[-1][-1].bottom
            heading = gap <= 0.5 * max(line.bottom - line.top, 6.0) and not _body(line, starts)
            if heading:
                rows[-1].append(line)
            else:
                rows.append([line])
        elif not rows or _column(line.x0, starts) == 0 or _spans(line, starts):
            rows.append([line])
        else:
            rows[-1].append(line)
    return rows


def _body(line: Line, starts: list[float]) -> bool:
    """A line that starts a row below the header: a number, or a line spanning columns."""
    first = min(line.runs, key=lambda r: r.x0)
    number = _column(first.x0, starts) == 0 and re.match(r"^\W*\d", first.text) is not None
    return number or _spans(line, starts)


def _table(rows: list[list[Line]], starts: list[float], content: PageContent) -> Table:
    columns = [starts[0] - NEAR, *(s - GUTTER / 2 for s in starts[1:]), content.width]
    cells: list[list[Cell | None]] = []
    for row in rows:
        by_column: list[list[Run]] = [[] for _ in starts]
        for line in row:
            for run in line.runs:
                by_column[_column(run.x0, starts)].append(run)
        cells.append([Cell.of(lines_of(runs)) for runs in by_column])
    top, bottom = rows[0][0].top, rows[-1][-1].bottom
    return Table(columns, top, bottom, cells, open_top=False, open_bottom=False,
                 page_height=content.height)  # fmt: skip


def _take(runs: list[Run], region: list[Line]) -> None:
    ids = {id(r) for line in region for r in line.runs}
    runs[:] = [r for r in runs if id(r) not in ids]


def find_unruled(pages: list[Page]) -> None:
    """Tables with no rules, added to each page's tables (their runs taken from the page's)."""
    carry: tuple[list[float], Table] | None = None  # a table that ran to the foot of its page
    for content, runs, tables in pages:
        lines = lines_of(runs)
        before, carry = carry, None
        go_on = bool(before and lines and _header(lines[0]) is None and _fits(lines[0], before[0]))
        index = 0
        while index < len(lines):
            starts = before[0] if go_on and before else _header(lines[index])
            if starts is None:
                index += 1
                continue
            region = _region(lines, index, starts)
            rows = _rows(region, starts, header=not go_on)
            table = _table(rows, starts, content)
            first = rows[0 if go_on else 1] if len(rows) > int(not go_on) else None
            if before and index == 0 and first is not None:
                table.open_top = _column(first[0].x0, starts) > 0  # the row cut by the page
                before[1].open_bottom = table.open_top
            tables.append(table)
            _take(runs, region)
            index += len(region)
            carry = (starts, table) if index >= len(lines) else None
            go_on = False
        tables.sort(key=lambda t: t.top)


def _fits(line: Line, starts: list[float]) -> bool:
    """A line in the columns of a table: not left of it, not prose spanning from the margin."""
    return starts[0] - NEAR <= line.x0 and not (_spans(line, starts) and line.x0 < starts[1])
