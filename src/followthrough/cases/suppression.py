"""Small numbers hidden so that no child can be picked out of an aggregate, and so that a hidden
number cannot be worked back by subtracting the others from a total.

Primary suppression hides every count from 1 to 4 (a count of 0 reveals nothing about a child and
is shown). Secondary suppression then looks at every row and every column with its total: where
exactly one cell is hidden, the total minus the shown cells would give it away, so the smallest
other non-zero cell there is hidden too (a zero would still give the hidden one away, so the
total is hidden instead when nothing else can go). Repeated until nothing changes. Pure Python:
tested with numbers designed to be recovered by subtraction."""

from __future__ import annotations

from dataclasses import dataclass

THRESHOLD = 5
HIDDEN = "fewer than 5"
WITHHELD = "withheld"  # hidden only so that a small number elsewhere cannot be worked out


@dataclass
class Table:
    """Counts by row and column, with row and column totals and a grand total."""

    rows: list[str]
    columns: list[str]
    counts: list[list[int]]

    def row_total(self, r: int) -> int:
        return sum(self.counts[r])

    def column_total(self, c: int) -> int:
        return sum(row[c] for row in self.counts)

    @property
    def total(self) -> int:
        return sum(map(sum, self.counts))


@dataclass
class Shown:
    """The table as it may be shown: each cell a number or the words that replace it."""

    rows: list[str]
    columns: list[str]
    cells: list[list[int | str]]
    row_totals: list[int | str]
    column_totals: list[int | str]
    total: int | str

    @property
    def lines(self) -> list[tuple[str, list[int | str], int | str]]:
        """Each row as (label, cells, total), for a page or an export."""
        return list(zip(self.rows, self.cells, self.row_totals, strict=True))


def suppress(table: Table) -> Shown:
    n_rows, n_cols = len(table.rows), len(table.columns)
    primary = {
        (r, c) for r in range(n_rows) for c in range(n_cols) if 0 < table.counts[r][c] < THRESHOLD
    }
    hidden = set(primary)
    hidden_row_totals = {r for r in range(n_rows) if 0 < table.row_total(r) < THRESHOLD}
    hidden_column_totals = {c for c in range(n_cols) if 0 < table.column_total(c) < THRESHOLD}
    changed = True
    while changed:
        changed = False
        for r in range(n_rows):
            line = [(r, c) for c in range(n_cols)]
            changed |= _protect(table, line, hidden, r in hidden_row_totals, hidden_row_totals, r)
        for c in range(n_cols):
            line = [(r, c) for r in range(n_rows)]
            changed |= _protect(
                table, line, hidden, c in hidden_column_totals, hidden_column_totals, c
            )
        changed |= _protect_totals(hidden_row_totals, [table.row_total(r) for r in range(n_rows)])
        changed |= _protect_totals(
            hidden_column_totals, [table.column_total(c) for c in range(n_cols)]
        )

    def cell(r: int, c: int) -> int | str:
        if (r, c) in primary:
            return HIDDEN
        return WITHHELD if (r, c) in hidden else table.counts[r][c]

    grand: int | str = table.total
    if 0 < table.total < THRESHOLD:
        grand = HIDDEN
    elif -1 in hidden_row_totals or -1 in hidden_column_totals:
        grand = WITHHELD
    hidden_row_totals.discard(-1)
    hidden_column_totals.discard(-1)
    return Shown(
        table.rows,
        table.columns,
        [[cell(r, c) for c in range(n_cols)] for r in range(n_rows)],
        [HIDDEN if r in hidden_row_totals else table.row_total(r) for r in range(n_rows)],
        [HIDDEN if c in hidden_column_totals else table.column_total(c) for c in range(n_cols)],
        grand,
    )


def _protect(
    table: Table,
    line: list[tuple[int, int]],
    hidden: set[tuple[int, int]],
    total_hidden: bool,
    hidden_totals: set[int],
    index: int,
) -> bool:
    """Hide one more cell of a line (a row or a column) whose only hidden cell could be worked
    out from its shown total. True when something was hidden."""
    if total_hidden:
        return False
    inside = [cell for cell in line if cell in hidden]
    if len(inside) != 1:
        return False
    others = sorted(
        (table.counts[r][c], (r, c)) for r, c in line if (r, c) not in hidden and table.counts[r][c]
    )
    if others:
        hidden.add(others[0][1])
    else:
        hidden_totals.add(index)
    return True


def _protect_totals(hidden_totals: set[int], totals: list[int]) -> bool:
    """The row (or column) totals add up to the grand total: one hidden total beside the others
    and the grand total would give it away, so hide the smallest other, or the grand total (-1)."""
    if -1 in hidden_totals:
        return False
    inside = [i for i in range(len(totals)) if i in hidden_totals]
    if len(inside) != 1:
        return False
    others = sorted((t, i) for i, t in enumerate(totals) if i not in hidden_totals and t)
    hidden_totals.add(others[0][1] if others else -1)
    return True
