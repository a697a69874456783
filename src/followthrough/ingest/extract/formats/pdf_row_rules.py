"""Tables ruled only between rows (a line under each row, no vertical rules: the GOV.UK style
of table). Rows come from the rules; columns from the gutters the text leaves between them,
each column starting where its text starts. Lines just above the first rule are its header
(or, at the top of a page, the remainder of a row cut by the page); lines just below the last
rule are a row the page cut, so the table is open at the bottom."""

from __future__ import annotations

from .pdf_page import PageContent, Run
from .pdf_tables import NEAR, Segment, Table, cluster, fill_table, lines_of, merged

MIN_RULES = 3  # a rule under a heading or two is decoration; three stacked rules are rows
MIN_WIDTH = 150.0  # points
GUTTER = 4.0  # points of clear space between columns


def _starts(runs: list[Run]) -> list[float]:
    """Where text starts again after a gutter, in one row."""
    starts: list[float] = []
    reach = -1.0
    for x0, x1 in sorted((r.x0, r.x1) for r in runs):
        if reach >= 0 and x0 - reach >= GUTTER:
            starts.append(x0)
        reach = max(reach, x1)
    return starts


def _rows_between(runs: list[Run], ys: list[float], left: float, right: float) -> list[list[Run]]:
    rows: list[list[Run]] = [[] for _ in range(len(ys) - 1)]
    for run in runs:
        middle = (run.top + run.bottom) / 2
        if not left - NEAR <= run.x0 <= right:
            continue
        for i in range(len(ys) - 1):
            if ys[i] <= middle <= ys[i + 1]:
                rows[i].append(run)
                break
    return [row for row in rows if row]


def _columns(rows: list[list[Run]], left: float, right: float) -> list[float]:
    """Column boundaries where most rows start text after a gutter: a row spanning the table
    (an addressee) crosses the gutters and does not count against them."""
    found = sorted(x for row in rows for x in set(cluster(_starts(row))))
    starts: list[list[float]] = []
    for x in found:
        if starts and x - starts[-1][0] <= 2 * NEAR:
            starts[-1].append(x)
        else:
            starts.append([x])
    kept = [min(group) - GUTTER / 2 for group in starts if len(group) * 2 >= len(rows)]
    return [left, *kept, right]


def _fits(line_runs: list[Run], columns: list[float]) -> bool:
    return all(
        any(columns[c] - NEAR <= r.x0 and r.x1 <= columns[c + 1] + NEAR
            for c in range(len(columns) - 1))
        for r in line_runs
    )  # fmt: skip


def _next_to(runs: list[Run], y: float, columns: list[float], upward: bool) -> list[Run]:
    """Lines running on from the rule at `y` (up or down) with no paragraph gap, in the
    table's columns."""
    left, right = columns[0], columns[-1]
    side = [r for r in runs if left - NEAR <= r.x0 and r.x1 <= right + NEAR
            and ((r.bottom <= y + NEAR) if upward else (r.top >= y - NEAR))]  # fmt: skip
    lines = lines_of(side)
    if upward:
        lines.reverse()
    taken: list[Run] = []
    edge = y
    for line in lines:
        height = line.bottom - line.top
        gap = (edge - line.bottom) if upward else (line.top - edge)
        if gap > max(height, 6.0) or not _fits(line.runs, columns):
            break
        taken.extend(line.runs)
        edge = line.top if upward else line.bottom
    return taken


Page = tuple[PageContent, list[Run], list[Table]]


def find_row_ruled(pages: list[Page]) -> None:
    """Tables ruled only between rows, added to each page's tables (the runs they place taken
    from the page's runs). Rules of one width make a table when the document has at least
    three of them, so a page crossed by one long row still holds its part of the table; the
    columns are those of all its rows on every page."""
    loose: list[list[Segment]] = []
    for content, _, tables in pages:
        horizontals = merged(
            [((r.top + r.bottom) / 2, r.x0, r.x1) for r in content.rules if r.horizontal]
        )
        loose.append([h for h in horizontals if h[2] - h[1] >= MIN_WIDTH and not any(
            t.columns[0] - NEAR <= h[1] and h[2] <= t.columns[-1] + NEAR
            and t.top - NEAR <= h[0] <= t.bottom + NEAR for t in tables)])  # fmt: skip
    widths: list[tuple[float, float]] = []
    for rule in (h for page in loose for h in page):
        if not any(abs(x0 - rule[1]) <= NEAR + 1 and abs(x1 - rule[2]) <= NEAR + 1
                   for x0, x1 in widths):  # fmt: skip
            widths.append((rule[1], rule[2]))
    for left, right in widths:
        stacks = [[h for h in page if max(abs(h[1] - left), abs(h[2] - right)) <= NEAR + 1]
                  for page in loose]  # fmt: skip
        if sum(len(stack) for stack in stacks) < MIN_RULES:
            continue
        rows = [row for (_, runs, _), stack in zip(pages, stacks, strict=True)
                for row in _rows_between(runs, [h[0] for h in stack], left, right)]  # fmt: skip
        columns = _columns(rows, left, right)
        if len(columns) < 3:  # one column: prose between rules, not a table
            continue
        for (content, runs, tables), stack in zip(pages, stacks, strict=True):
            if stack:
                tables.append(_table(stack, columns, runs, content.height))
                tables.sort(key=lambda t: t.top)


def _table(stack: list[Segment], columns: list[float], runs: list[Run], height: float) -> Table:
    first, last = stack[0][0], stack[-1][0]
    above = _next_to(runs, first, columns, upward=True)
    below = _next_to(runs, last, columns, upward=False)
    top = min([first, *(r.top for r in above)])
    bottom = max([last, *(r.bottom for r in below)])
    edges = cluster([top, *(s[0] for s in stack), bottom])
    table = Table(columns, edges[0], edges[-1], [], open_top=False,
                  open_bottom=bool(below), page_height=height)  # fmt: skip
    if len(edges) >= 2:
        fill_table(table, [(x, top, bottom) for x in columns], list(stack), edges, runs)
    return table
