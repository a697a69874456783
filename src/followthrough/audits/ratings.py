"""Ratings on the inspectorate's four-point scale, worked out from case percentages by a rules
table that is data (`RatingRules`), each step kept in words so a rating can be argued with. Pure
Python: the caller passes the bands and the percentages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .statistics import round_half_up, whole_percent

ORDER = ["outstanding", "good", "requires_improvement", "inadequate"]
LABELS = {
    "outstanding": "Outstanding",
    "good": "Good",
    "requires_improvement": "Requires improvement",
    "inadequate": "Inadequate",
    "": "Not rated",
}
# The bands commonly published for case-based key questions: at least 80 % outstanding, 65–79 %
# good, 50–64 % requires improvement, below 50 % inadequate.
DEFAULT_BANDS: list[dict[str, Any]] = [
    {"rating": "outstanding", "min": 80},
    {"rating": "good", "min": 65},
    {"rating": "requires_improvement", "min": 50},
    {"rating": "inadequate", "min": 0},
]
DEFAULT_STANDARD_RULE = "lowest"


def bands_problems(bands: list[dict[str, Any]]) -> list[str]:
    """What is wrong with a table of bands, in the words a form shows; empty when it is sound."""
    problems = []
    ratings = [str(b.get("rating", "")) for b in bands]
    if sorted(ratings, key=lambda r: ORDER.index(r) if r in ORDER else 99) != ORDER:
        problems.append("Give one lowest percentage for each of the four ratings")
        return problems
    if any(not isinstance(b.get("min"), int) or not 0 <= b["min"] <= 100 for b in bands):
        problems.append("Each lowest percentage must be a whole number from 0 to 100")
        return problems
    mins: list[int] = [b["min"] for b in bands]
    if mins != sorted(mins, reverse=True) or len(set(mins)) != len(mins):
        problems.append("Each rating must need a higher percentage than the one below it")
    elif mins[-1] != 0:
        problems.append("Inadequate must start at 0%, so every percentage gets a rating")
    return problems


def band(percent: int, bands: list[dict[str, Any]]) -> str:
    """The rating of a whole-number percentage: the first band whose lowest it reaches."""
    for row in bands:
        if percent >= row["min"]:
            return str(row["rating"])
    return "inadequate"


def band_words(bands: list[dict[str, Any]]) -> list[str]:
    """Each band in words: "Good: 65% to 79%"."""
    words = []
    upper = 100
    for row in bands:
        words.append(f"{LABELS[row['rating']]}: {row['min']}% to {upper}%")
        upper = row["min"] - 1
    return words


@dataclass
class KeyQuestionRating:
    title: str
    rating: str  # "" when not rated
    percent: int | None
    steps: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return LABELS[self.rating]


@dataclass
class CriterionFigure:
    """What a key question is rated from: one criterion's yes count and n."""

    code: str
    text: str
    yes: int
    n: int
    is_key: bool = False


def rate_key_question(
    title: str, figures: list[CriterionFigure], bands: list[dict[str, Any]]
) -> KeyQuestionRating:
    """A key question's rating: from its key criterion where it has one with cases; otherwise
    from the mean of its yes / no criteria that have cases; not rated when none has."""
    answered = [f for f in figures if f.n > 0]
    key = next((f for f in answered if f.is_key), None)
    if key is not None:
        percent = whole_percent(key.yes, key.n)
        assert percent is not None
        steps = [f"Key criterion {key.code}: {key.yes} of {key.n} cases, {percent}%."]
    elif answered:
        exact = sum(f.yes * 100 / f.n for f in answered) / len(answered)
        percent = round_half_up(exact)
        steps = [
            "No key criterion with cases, so the mean of its criteria: "
            + ", ".join(f"{f.code} {f.yes}/{f.n}" for f in answered)
            + f" averages {exact:.1f}%, printed {percent}%."
        ]
    else:
        return KeyQuestionRating(title, "", None, ["No case was answered yes or no: not rated."])
    rating = band(percent, bands)
    row = next(b for b in bands if b["rating"] == rating)
    steps.append(f"{percent}% is at least {row['min']}%: {LABELS[rating]}.")
    return KeyQuestionRating(title, rating, percent, steps)


@dataclass
class StandardRating:
    rating: str
    steps: list[str]

    @property
    def label(self) -> str:
        return LABELS[self.rating]


def rate_standard(
    key_questions: list[KeyQuestionRating], rule: str = DEFAULT_STANDARD_RULE
) -> StandardRating:
    """The standard takes its lowest rated key question (the only rule in use); not rated when
    none of its key questions is."""
    rated = [k for k in key_questions if k.rating]
    if not rated:
        return StandardRating("", ["None of its key questions has cases: not rated."])
    if rule != "lowest":
        raise ValueError(f"unknown standard rule {rule!r}")
    lowest = max(rated, key=lambda k: ORDER.index(k.rating))
    tied = [k.title for k in rated if k.rating == lowest.rating]
    steps = [
        f"{k.title}: {k.label}" + (f" ({k.percent}%)" if k.percent is not None else "")
        for k in rated
    ]
    steps.append(
        f"The standard takes its lowest key question: {LABELS[lowest.rating]}"
        + (f" ({', '.join(tied)})." if len(tied) > 1 else f" ({lowest.title}).")
    )
    return StandardRating(lowest.rating, steps)
