"""Tables on a PDF page, found from their ruled lines, and the text of each cell rebuilt into
paragraphs from the gaps between lines (a wrapped line sits close to the one above, a new
paragraph further down), so several owners or dates in one cell stay separate.

Columns come from the vertical rules and rows from the horizontal ones, so the part of a row
cut by a page break, which has no rule above or below it, is still a row; the table records
which of its ends are open so the page reader can join it to the next page."""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field

from .pdf_page import Rule, Run

BULLET_RE = re.compile(r"^\s*[•\u2022\u25cf\u25aa\u25e6\u25cb\u2023\u25a0\-–]\s+")
SECOND_LEVEL = ("\u25e6", "\u25cb")  # ◦ ○: the marker of a nested list
NEAR = 2.0  # points: rules this close are one rule, runs this close in height one line


@dataclass
class Line:
    text: str
    x0: float
    top: float
    bottom: float
    runs: list[Run] = field(default_factory=list)


@dataclass
class Cell:
    """A cell's paragraphs (text, list level) and where its last line ends on its page."""

    paras: list[tuple[str, int]] = field(default_factory=list)
    last_bottom: float = 0.0
    line_height: float = 0.0

    @classmethod
    def of(cls, lines: list[Line]) -> Cell:
        if not lines:
            return cls()
        paras = [(text, bullet) for text, bullet, _ in paragraphs(lines)]
        return cls(paras, lines[-1].bottom, lines[-1].bottom - lines[-1].top)

    def text(self) -> str:
        return " ".join(t for t, _ in self.paras)


@dataclass
class Table:
    columns: list[float]  # x of each column boundary, left to right
    top: float
    bottom: float
    rows: list[list[Cell | None]]  # None where a merged cell covers the place
    open_top: bool  # no rule across the top: the first row began on an earlier page
    open_bottom: bool  # no rule across the bottom: the last row goes on over the page
    page_height: float = 0.0


def lines_of(runs: list[Run]) -> list[Line]:
    """Runs grouped into lines by their height on the page, left to right; runs that touch
    are parts of one word."""
    lines: list[list[Run]] = []
    for run in sorted(runs, key=lambda r: (r.top, r.x0)):
        if lines and abs(run.top - lines[-1][0].top) <= NEAR:
            lines[-1].append(run)
        else:
            lines.append([run])
    out = []
    for group in lines:
        group.sort(key=lambda r: r.x0)
        text = group[0].text
        for before, run in itertools.pairwise(group):
            gap = run.x0 - before.x1
            joined = gap < 0.15 * (run.bottom - run.top) and not text.endswith(" ")
            text += run.text if joined else f" {run.text}"
        top, bottom = min(r.top for r in group), max(r.bottom for r in group)
        out.append(Line(text, group[0].x0, top, bottom, group))
    return out


def paragraphs(lines: list[Line]) -> list[tuple[str, int, float]]:
    """(text, list level (0 = not an item, 1, 2), top of its first line) for each paragraph."""
    out: list[tuple[str, int, float]] = []
    previous = None
    for line in lines:
        text = " ".join(line.text.split())
        if not text:
            continue
        marker = BULLET_RE.match(text)
        bullet = (2 if marker[0].strip() in SECOND_LEVEL else 1) if marker else 0
        if marker:
            text = BULLET_RE.sub("", text)
        height = line.bottom - line.top
        close = previous is not None and line.top - previous.bottom <= max(1.5, 0.3 * height)
        if close and not bullet and out:
            out[-1] = (f"{out[-1][0]} {text}", out[-1][1], out[-1][2])
        else:
            out.append((text, bullet, line.top))
        previous = line
    return out


def merged(values: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """Collinear segments (position, start, end) joined where they meet or overlap."""
    out: list[tuple[float, float, float]] = []
    for pos, start, end in sorted(values):
        if out and abs(pos - out[-1][0]) <= NEAR and start <= out[-1][2] + NEAR:
            out[-1] = (out[-1][0], out[-1][1], max(out[-1][2], end))
        else:
            out.append((pos, start, end))
    return out


def cluster(positions: list[float]) -> list[float]:
    out: list[float] = []
    for pos in sorted(positions):
        if not out or pos - out[-1] > NEAR:
            out.append(pos)
    return out


def _ruled_across(ruled: list[tuple[float, float, float]], y: float, x0: float, x1: float) -> bool:
    return any(abs(h[0] - y) <= NEAR and h[1] <= x0 + NEAR and h[2] >= x1 - NEAR for h in ruled)


Segment = tuple[float, float, float]


def _groups(verticals: list[Segment], horizontals: list[Segment]) -> list[list[Segment]]:
    """The vertical rules of each table: those joined by a horizontal rule touching both, and
    rules that no horizontal touches (the middle of a row longer than a page) chained by
    overlapping heights. A plain box round another table (a page border, a frame) is not one:
    it is left out, so its sides do not become columns."""
    parent = list(range(len(verticals)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    touched = [False] * len(verticals)
    for y, x0, x1 in horizontals:
        hit = [i for i, (x, top, bottom) in enumerate(verticals)
               if x0 - NEAR <= x <= x1 + NEAR and top - NEAR <= y <= bottom + NEAR]  # fmt: skip
        for i in hit:
            touched[i] = True
            parent[root(i)] = root(hit[0])
    chain_end, chain_root = -1.0, -1
    for i in sorted((i for i in range(len(verticals)) if not touched[i]),
                    key=lambda i: verticals[i][1]):  # fmt: skip
        if chain_root >= 0 and verticals[i][1] < chain_end - NEAR:
            parent[root(i)] = root(chain_root)
        else:
            chain_root, chain_end = i, verticals[i][2]
        chain_end = max(chain_end, verticals[i][2])
    by_root: dict[int, list[Segment]] = {}
    for i, segment in enumerate(verticals):
        by_root.setdefault(root(i), []).append(segment)
    groups = list(by_root.values())

    def box(group: list[Segment]) -> tuple[float, float, float, float]:
        return (min(s[0] for s in group), min(s[1] for s in group),
                max(s[0] for s in group), max(s[2] for s in group))  # fmt: skip

    def frames(outer: list[Segment]) -> bool:
        if len(cluster([s[0] for s in outer])) != 2:
            return False
        left, top, right, bottom = box(outer)
        return any(
            left + NEAR < b[0]
            and b[2] < right - NEAR
            and top - NEAR <= b[1]
            and b[3] <= bottom + NEAR
            for b in (box(g) for g in groups if g is not outer)
        )

    # the smallest first, so a table inside a bigger one takes its own text
    kept = [g for g in groups if not frames(g)]
    return sorted(kept, key=lambda g: (box(g)[2] - box(g)[0]) * (box(g)[3] - box(g)[1]))


def find_tables(rules: list[Rule], runs: list[Run], page_height: float) -> list[Table]:
    """Tables from the page's rules, and each run inside one given to its cell. The runs
    left over are returned in place in `runs` (the ones placed are removed)."""
    verticals = merged([((r.x0 + r.x1) / 2, r.top, r.bottom) for r in rules if not r.horizontal])
    horizontals = merged([((r.top + r.bottom) / 2, r.x0, r.x1) for r in rules if r.horizontal])
    tables = []
    for group in _groups(verticals, horizontals):
        columns = cluster([s[0] for s in group])
        if len(columns) < 2:
            continue
        top, bottom = min(s[1] for s in group), max(s[2] for s in group)
        left, right = columns[0], columns[-1]
        across = [h for h in horizontals if h[1] < right - NEAR and h[2] > left + NEAR]
        ruled = [h for h in across if top - NEAR <= h[0] <= bottom + NEAR]
        edges = cluster([top, bottom, *(h[0] for h in ruled)])
        edges = [e for e in edges if top - NEAR <= e <= bottom + NEAR]
        if len(edges) < 2:
            continue

        table = Table(columns, edges[0], edges[-1], [],
                      open_top=not _ruled_across(ruled, edges[0], left, right),
                      open_bottom=not _ruled_across(ruled, edges[-1], left, right),
                      page_height=page_height)  # fmt: skip
        fill_table(table, group, ruled, edges, runs)
        tables.append(table)
    return tables


def fill_table(
    table: Table,
    group: list[tuple[float, float, float]],
    ruled: list[tuple[float, float, float]],
    edges: list[float],
    runs: list[Run],
) -> None:
    columns = table.columns
    owner: dict[tuple[int, int], tuple[int, int]] = {}
    for r in range(len(edges) - 1):
        middle = (edges[r] + edges[r + 1]) / 2
        for c in range(len(columns) - 1):
            place = (r, c)
            boundary = columns[c]
            walled = any(abs(s[0] - boundary) <= NEAR and s[1] <= middle <= s[2] for s in group)
            centre = (columns[c] + columns[c + 1]) / 2
            capped = any(abs(h[0] - edges[r]) <= NEAR and h[1] <= centre <= h[2] for h in ruled)
            if c and not walled:  # no rule on its left: the cell to the left spans it
                place = owner[(r, c - 1)]
            elif r and not capped:  # no rule above: the cell above spans down into it
                place = owner[(r - 1, c)]
            owner[(r, c)] = place
    cells: dict[tuple[int, int], list[Run]] = {}
    kept = []
    for run in runs:
        x, y = (run.x0 + run.x1) / 2, (run.top + run.bottom) / 2
        if not (columns[0] <= x <= columns[-1] and edges[0] <= y <= edges[-1]):
            kept.append(run)
            continue
        r = min(bisect.bisect_right(edges, y) - 1, len(edges) - 2)
        c = min(bisect.bisect_right(columns, x) - 1, len(columns) - 2)
        cells.setdefault(owner[(r, c)], []).append(run)
    runs[:] = kept
    for r in range(len(edges) - 1):
        row: list[Cell | None] = []
        for c in range(len(columns) - 1):
            place = owner[(r, c)]
            row.append(Cell.of(lines_of(cells.get(place, []))) if place == (r, c) else None)
        table.rows.append(row)
