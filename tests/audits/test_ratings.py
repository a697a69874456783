"""Ratings from case percentages, on hand-worked examples: bands, ties, zero-case sections."""

from __future__ import annotations

from followthrough.audits.ratings import (
    DEFAULT_BANDS,
    CriterionFigure,
    band,
    band_words,
    bands_problems,
    rate_key_question,
    rate_standard,
)


def test_bands_at_their_edges():
    assert band(80, DEFAULT_BANDS) == "outstanding"
    assert band(79, DEFAULT_BANDS) == "good"
    assert band(65, DEFAULT_BANDS) == "good"
    assert band(64, DEFAULT_BANDS) == "requires_improvement"
    assert band(50, DEFAULT_BANDS) == "requires_improvement"
    assert band(49, DEFAULT_BANDS) == "inadequate"
    assert band(0, DEFAULT_BANDS) == "inadequate"
    assert band_words(DEFAULT_BANDS) == [
        "Outstanding: 80% to 100%",
        "Good: 65% to 79%",
        "Requires improvement: 50% to 64%",
        "Inadequate: 0% to 49%",
    ]


def test_a_key_criterion_decides_its_key_question():
    figures = [
        CriterionFigure("1.1", "a", yes=10, n=10),
        CriterionFigure("1.2", "overall", yes=13, n=20, is_key=True),  # 65%
    ]
    rating = rate_key_question("Assessment", figures, DEFAULT_BANDS)
    assert (rating.rating, rating.percent) == ("good", 65)
    assert rating.steps[0] == "Key criterion 1.2: 13 of 20 cases, 65%."
    assert rating.steps[1] == "65% is at least 65%: Good."


def test_without_a_key_criterion_the_mean_of_criteria_rounded_half_up():
    # 4/5 = 80%, 2/4 = 50%: mean 65% exactly -> good; 1/2 and 4/5: 65% too.
    figures = [CriterionFigure("2.1", "a", 4, 5), CriterionFigure("2.2", "b", 2, 4)]
    assert rate_key_question("Planning", figures, DEFAULT_BANDS).rating == "good"
    # 79.5% mean (79% and 80%) prints as 80%, and the rating follows the printed figure.
    figures = [CriterionFigure("3.1", "a", 79, 100), CriterionFigure("3.2", "b", 80, 100)]
    rating = rate_key_question("Release", figures, DEFAULT_BANDS)
    assert (rating.percent, rating.rating) == (80, "outstanding")
    assert "averages 79.5%, printed 80%" in rating.steps[0]


def test_a_key_question_with_no_cases_is_not_rated():
    figures = [CriterionFigure("4.1", "a", 0, 0), CriterionFigure("4.2", "b", 0, 0, is_key=True)]
    rating = rate_key_question("Governance", figures, DEFAULT_BANDS)
    assert rating.rating == "" and rating.percent is None and rating.label == "Not rated"
    assert rate_key_question("Empty", [], DEFAULT_BANDS).rating == ""


def test_a_key_criterion_with_no_cases_falls_back_to_the_mean():
    figures = [CriterionFigure("5.1", "a", 1, 2), CriterionFigure("5.2", "k", 0, 0, is_key=True)]
    rating = rate_key_question("Q", figures, DEFAULT_BANDS)
    assert (rating.percent, rating.rating) == (50, "requires_improvement")


def test_the_standard_takes_its_lowest_key_question_and_names_ties():
    good = rate_key_question("A", [CriterionFigure("1", "a", 7, 10)], DEFAULT_BANDS)
    ri_1 = rate_key_question("B", [CriterionFigure("2", "b", 5, 10)], DEFAULT_BANDS)
    ri_2 = rate_key_question("C", [CriterionFigure("3", "c", 6, 10)], DEFAULT_BANDS)
    unrated = rate_key_question("D", [], DEFAULT_BANDS)
    standard = rate_standard([good, ri_1, ri_2, unrated])
    assert standard.rating == "requires_improvement"
    assert standard.steps[-1] == (
        "The standard takes its lowest key question: Requires improvement (B, C)."
    )
    assert rate_standard([unrated]).rating == ""


def test_bands_that_cannot_work_are_refused_in_words():
    assert bands_problems(DEFAULT_BANDS) == []
    swapped = [dict(b) for b in DEFAULT_BANDS]
    swapped[1]["min"] = 85
    assert bands_problems(swapped) == [
        "Each rating must need a higher percentage than the one below it"
    ]
    gap = [dict(b) for b in DEFAULT_BANDS]
    gap[3]["min"] = 10
    assert bands_problems(gap) == ["Inadequate must start at 0%, so every percentage gets a rating"]
    assert bands_problems(DEFAULT_BANDS[:3]) == [
        "Give one lowest percentage for each of the four ratings"
    ]
