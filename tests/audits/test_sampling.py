"""Drawing the sample: sizes, a seed that repeats the draw, stratification by sex."""

from __future__ import annotations

from followthrough.audits.sampling import double_marked, draw, sample_size


def test_sample_size_is_a_share_rounded_up_with_a_minimum():
    assert sample_size(40, None, None) == 40
    assert sample_size(40, 25, None) == 10
    assert sample_size(41, 25, None) == 11  # 10.25 rounded up
    assert sample_size(40, 10, 8) == 8  # the minimum wins
    assert sample_size(5, 10, 8) == 5  # never more than there are


def test_the_same_seed_draws_the_same_cases_in_any_order():
    cases = [(i, "male" if i % 3 else "female") for i in range(1, 31)]
    first = draw(cases, percent=30, minimum=None, seed=1234)
    assert len(first) == 9
    assert draw(list(reversed(cases)), percent=30, minimum=None, seed=1234) == first
    assert draw(cases, percent=30, minimum=None, seed=99) != first


def test_stratified_by_sex_in_proportion():
    cases = [(i, "female") for i in range(1, 7)] + [(i, "male") for i in range(7, 31)]
    chosen = draw(cases, percent=50, minimum=None, seed=7, stratify=True)
    assert len(chosen) == 15
    assert sum(1 for i in chosen if i <= 6) == 3  # 6 of 30 are girls: 3 of 15
    # Remainders go to the largest fractions: 5 places of 3 girls and 7 boys = 1.5 / 3.5.
    small = [(1, "female"), (2, "female"), (3, "female")] + [(i, "male") for i in range(4, 11)]
    picked = draw(small, percent=50, minimum=None, seed=3, stratify=True)
    assert len(picked) == 5
    assert sum(1 for i in picked if i <= 3) in (1, 2)


def test_all_cases_when_no_share_is_set():
    cases = [(3, ""), (1, ""), (2, "")]
    assert draw(cases, percent=None, minimum=None, seed=1) == [1, 2, 3]


def test_double_marked_share_is_rounded_up_and_at_least_one():
    ids = list(range(1, 21))
    assert len(double_marked(ids, percent=25, seed=5)) == 5
    assert len(double_marked(ids, percent=1, seed=5)) == 1
    assert double_marked(ids, percent=0, seed=5) == []
    assert set(double_marked(ids, percent=25, seed=5)) <= set(ids)
    assert double_marked(ids, percent=25, seed=5) == double_marked(ids, percent=25, seed=5)
