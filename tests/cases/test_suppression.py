"""Small numbers stay hidden, and none can be worked back by subtraction from what is shown."""

from __future__ import annotations

import itertools

from followthrough.cases.suppression import HIDDEN, WITHHELD, Table, suppress


def recoverable(shown) -> list[str]:
    """Every hidden cell, row total or column total a reader could work out by subtracting the
    shown numbers of one line from its shown total."""
    found = []
    cells = shown.cells
    for r, row in enumerate(cells):
        hidden = [c for c, v in enumerate(row) if isinstance(v, str)]
        if len(hidden) == 1 and isinstance(shown.row_totals[r], int):
            found.append(f"row {r} cell {hidden[0]}")
    for c in range(len(shown.columns)):
        column = [cells[r][c] for r in range(len(cells))]
        hidden = [r for r, v in enumerate(column) if isinstance(v, str)]
        if len(hidden) == 1 and isinstance(shown.column_totals[c], int):
            found.append(f"column {c} cell {hidden[0]}")
    for name, totals in (("row totals", shown.row_totals), ("column totals", shown.column_totals)):
        hidden = [i for i, v in enumerate(totals) if isinstance(v, str)]
        if len(hidden) == 1 and isinstance(shown.total, int):
            found.append(f"{name} {hidden[0]}")
    return found


def test_a_small_count_is_hidden_and_cannot_be_recovered_from_its_row_or_column():
    # Phase by sex: 3 girls released. Total 20 released, 17 boys: 20 − 17 would give 3 away.
    table = Table(["In custody", "Released"], ["Boys", "Girls"], [[12, 6], [17, 3]])
    shown = suppress(table)
    assert shown.cells[1][1] == HIDDEN
    assert WITHHELD in (shown.cells[1][0], shown.cells[0][1])
    assert recoverable(shown) == []


def test_a_small_row_total_cannot_be_recovered_from_the_grand_total():
    table = Table(["Sentenced", "In custody", "Released"], ["All"], [[2], [11], [9]])
    shown = suppress(table)
    assert shown.row_totals[0] == HIDDEN
    assert recoverable(shown) == []


def test_zeros_and_large_counts_are_shown():
    shown = suppress(Table(["A", "B"], ["X", "Y"], [[0, 12], [7, 9]]))
    assert shown.cells == [[0, 12], [7, 9]] and shown.total == 28


def test_no_small_number_is_ever_recoverable_in_any_small_table():
    """Every 2×3 table of counts from 0 to 7: brute force, so the rules hold for the shapes a
    board pack produces, not only the ones above."""
    for values in itertools.product([0, 1, 3, 5, 7], repeat=6):
        counts = [list(values[:3]), list(values[3:])]
        shown = suppress(Table(["a", "b"], ["x", "y", "z"], counts))
        assert recoverable(shown) == [], counts
        for r in range(2):
            for c in range(3):
                if 0 < counts[r][c] < 5:
                    assert shown.cells[r][c] == HIDDEN, counts
