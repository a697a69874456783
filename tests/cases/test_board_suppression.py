"""The board pack's measure tables cannot be worked back by subtraction: not within one table, and
not between a measure's own line and its breakdowns, which share its totals. Numbers are chosen
to be recoverable if suppression were missing, then brute-forced over many small cohorts."""

from __future__ import annotations

import random

from followthrough.cases.board.measures import MeasureRule
from followthrough.cases.board.pack import _measure
from followthrough.cases.suppression import HIDDEN, WITHHELD, Shown

SEXES = ["Male", "Female", "Not stated"]
AGES = ["10 to 14", "15", "16", "17"]


def rule() -> MeasureRule:
    return MeasureRule("synthetic", "Synthetic measure", "children", "kpi", lambda f: f[2])


def groups(cohort):
    return {
        "sex": (SEXES, [child[0] for child in cohort]),
        "age": (AGES, [child[1] for child in cohort]),
    }


def lines(shown: Shown):
    """Every line a reader could subtract along: (its parts, its total)."""
    yield from zip(shown.cells, shown.row_totals, strict=True)
    for c in range(len(shown.columns)):
        yield [row[c] for row in shown.cells], shown.column_totals[c]
    yield shown.column_totals, shown.total
    yield shown.row_totals, shown.total


def recoverable(shown: Shown) -> list:
    """Lines with exactly one hidden part beside a shown total: that part is their difference."""
    return [
        (parts, total)
        for parts, total in lines(shown)
        if isinstance(total, int) and sum(not isinstance(p, int) for p in parts) == 1
    ]


def totals(shown: Shown) -> list:
    return [*shown.column_totals, shown.total]


def test_a_girl_counted_alone_cannot_be_worked_out_from_the_boys_and_the_total():
    # 9 boys and 3 girls with suitable accommodation, 3 boys without: girls = 12 - 9.
    cohort = [(0, 2, "yes")] * 9 + [(0, 2, "no")] * 3 + [(1, 2, "yes")] * 3
    headline, by = _measure(rule(), cohort, groups(cohort))
    sex = by["sex"]
    assert sex.cells[1][0] == HIDDEN  # the three girls
    assert not isinstance(sex.cells[0][0], int) or not isinstance(headline.cells[0][0], int)
    for table in (headline, *by.values()):
        assert not recoverable(table), table


def test_one_child_answering_no_hides_the_yes_count_it_would_be_subtracted_from():
    cohort = [(0, 1, "yes")] * 11 + [(0, 1, "no")]
    headline, _ = _measure(rule(), cohort, groups(cohort))
    assert headline.cells[0][1] == HIDDEN
    assert headline.cells[0][0] == WITHHELD and headline.total == 12


def test_every_breakdown_shows_the_totals_the_measure_line_shows_or_is_withheld_whole():
    chance = random.Random(2015)
    for _ in range(400):
        size = chance.randint(0, 24)
        cohort = [
            (chance.choice([0, 0, 0, 1, 2]), chance.randrange(4), chance.choice(["yes", "no"]))
            for _ in range(size)
        ]
        cohort += [(0, 0, "not_known")] * chance.choice([0, 0, 1, 6])
        headline, by = _measure(rule(), cohort, groups(cohort))
        assert not recoverable(headline), cohort
        for table in by.values():
            assert not recoverable(table), (cohort, table)
            shared = [t if isinstance(t, int) else None for t in totals(table)]
            own = [t if isinstance(t, int) else None for t in totals(headline)]
            withheld_whole = all(t is None for t in shared)
            assert withheld_whole or shared == own, (cohort, table, headline)
