"""The audit's arithmetic on hand-computed examples."""

from __future__ import annotations

import pytest

from followthrough.audits.statistics import (
    agreement,
    round_half_up,
    tally_categories,
    tally_yes_no,
    whole_percent,
    wilson,
)


def test_percent_leaves_not_applicable_and_not_asked_out():
    tally = tally_yes_no(["yes", "yes", "no", "na", None, "yes"])
    assert (tally.yes, tally.no, tally.not_applicable, tally.not_asked) == (3, 1, 1, 1)
    assert tally.n == 4
    assert tally.percent == 75  # 3 of 4, not 3 of 6


def test_whole_numbers_round_half_up_as_printed():
    assert whole_percent(1, 8) == 13  # 12.5 -> 13, where Python's round() gives 12
    assert whole_percent(5, 8) == 63  # 62.5 -> 63
    assert whole_percent(2, 3) == 67
    assert whole_percent(1, 3) == 33
    assert whole_percent(0, 0) is None
    assert round_half_up(64.49999999999) == 65  # a float sum of a true 64.5
    assert round_half_up(64.4) == 64


def test_wilson_interval_by_hand():
    # 8 of 10: centre (0.8 + 1.92/10)/(1.384) = 0.7168; half-width 0.2353 -> 49.0% to 94.3%
    low, high = wilson(8, 10)
    assert low == pytest.approx(49.02, abs=0.01)
    assert high == pytest.approx(94.33, abs=0.01)
    low, high = wilson(0, 5)
    assert low == 0.0 and high == pytest.approx(43.45, abs=0.01)
    low, high = wilson(5, 5)
    assert high == 100.0 and low == pytest.approx(56.55, abs=0.01)
    assert wilson(0, 0) is None


def test_small_numbers_are_flagged():
    assert tally_yes_no(["yes"] * 9).small
    assert not tally_yes_no(["yes"] * 10).small
    assert not tally_yes_no([]).small  # nothing to warn about: no figure at all


def test_categorical_distribution():
    categories = [("completely", "Completely"), ("partially", "Partially"), ("not_at_all", "Not")]
    dist = tally_categories(categories, ["completely", "partially", "partially", "na", None, "x"])
    assert dist.n == 3
    assert dist.counts == {"completely": 1, "partially": 2, "not_at_all": 0}
    assert dist.not_applicable == 1
    assert [dist.percent(c) for c, _ in categories] == [33, 67, 0]


def test_kappa_by_hand():
    # 10 pairs: both yes 4, both no 3, yes/no 2, no/yes 1. po = 0.7.
    # first: yes 6, no 4; second: yes 5, no 5. pe = (6*5 + 4*5)/100 = 0.5. kappa = 0.4.
    pairs = [("yes", "yes")] * 4 + [("no", "no")] * 3 + [("yes", "no")] * 2 + [("no", "yes")]
    result = agreement(pairs)
    assert (result.pairs, result.agreed, result.percent) == (10, 7, 70)
    assert result.kappa == pytest.approx(0.4)
    assert result.strength == "Fair"


def test_kappa_with_not_applicable_as_its_own_answer():
    pairs = [("yes", "yes"), ("na", "na"), ("no", "no"), ("na", "no")]
    # po = 3/4; first: yes1 na2 no1, second: yes1 na1 no2; pe = (1+2+2)/16 = 5/16
    result = agreement(pairs)
    assert result.kappa == pytest.approx((0.75 - 5 / 16) / (1 - 5 / 16))


def test_kappa_undefined_when_both_markers_give_one_answer_throughout():
    result = agreement([("yes", "yes")] * 5)
    assert result.percent == 100
    assert result.kappa is None
    assert result.strength == "Cannot be worked out"


def test_kappa_below_chance():
    result = agreement([("yes", "no"), ("no", "yes")])
    assert result.kappa == pytest.approx(-1.0)
    assert result.strength.startswith("Poor")


def test_no_pairs():
    result = agreement([])
    assert result.pairs == 0 and result.percent is None and result.kappa is None
