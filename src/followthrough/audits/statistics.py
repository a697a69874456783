"""The arithmetic of a case audit, as the inspectorate does it: % yes of the cases answered yes
or no (not applicable left out), whole numbers rounded half up; a 95 % Wilson interval; the
agreement of two markers as a percentage and as Cohen's kappa. Pure Python."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

Z_95 = 1.959963984540054
# Below this many cases a percentage moves by more than 10 points with one case: say so.
SMALL_N = 10
KAPPA_WORDS = ((0.20, "Slight"), (0.40, "Fair"), (0.60, "Moderate"), (0.80, "Substantial"))


def whole_percent(part: int, whole: int) -> int | None:
    """A share as the inspectorate prints it: a whole number, halves rounded up."""
    if whole <= 0:
        return None
    value = Decimal(part * 100) / Decimal(whole)
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def round_half_up(value: float) -> int:
    """A worked-out percentage as printed; nine places first, so 64.4999999 from float sums
    reads as the 64.5 it is."""
    return int(Decimal(str(round(value, 9))).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def wilson(successes: int, n: int, z: float = Z_95) -> tuple[float, float] | None:
    """The Wilson score interval for a proportion, in percent; None with no cases. Unlike the
    textbook interval it stays inside 0–100 and is honest at 0 % or 100 % of a few cases."""
    if n <= 0:
        return None
    p = successes / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return max(0.0, (centre - half) * 100), min(100.0, (centre + half) * 100)


@dataclass
class YesNo:
    """The answers to one yes / no criterion across the cases."""

    yes: int = 0
    no: int = 0
    not_applicable: int = 0
    not_asked: int = 0

    @property
    def n(self) -> int:
        return self.yes + self.no

    @property
    def percent(self) -> int | None:
        return whole_percent(self.yes, self.n)

    @property
    def exact(self) -> float | None:
        return self.yes * 100 / self.n if self.n else None

    @property
    def interval(self) -> tuple[float, float] | None:
        return wilson(self.yes, self.n)

    @property
    def small(self) -> bool:
        return 0 < self.n < SMALL_N


def tally_yes_no(values: Iterable[str | None]) -> YesNo:
    """`values` are one answer per case: "yes", "no", "na", or None where the criterion was not
    asked (its condition not met) or not answered."""
    tally = YesNo()
    for value in values:
        if value == "yes":
            tally.yes += 1
        elif value == "no":
            tally.no += 1
        elif value == "na":
            tally.not_applicable += 1
        else:
            tally.not_asked += 1
    return tally


@dataclass
class Distribution:
    """The answers to a categorical criterion: a count and a whole-number share per category,
    of the cases answered (not applicable left out)."""

    categories: list[tuple[str, str]]
    counts: dict[str, int] = field(default_factory=dict)
    not_applicable: int = 0

    @property
    def n(self) -> int:
        return sum(self.counts.values())

    def percent(self, code: str) -> int | None:
        return whole_percent(self.counts.get(code, 0), self.n)

    @property
    def small(self) -> bool:
        return 0 < self.n < SMALL_N


def tally_categories(
    categories: list[tuple[str, str]], values: Iterable[str | None]
) -> Distribution:
    known = {code for code, _ in categories}
    dist = Distribution(categories=categories, counts={code: 0 for code, _ in categories})
    for value in values:
        if value in known:
            dist.counts[str(value)] += 1
        elif value == "na":
            dist.not_applicable += 1
    return dist


@dataclass(frozen=True)
class Agreement:
    """How far two markers agreed on the same cases."""

    pairs: int
    agreed: int
    kappa: float | None  # None where chance agreement is certain and kappa is undefined

    @property
    def percent(self) -> int | None:
        return whole_percent(self.agreed, self.pairs)

    @property
    def strength(self) -> str:
        """Landis and Koch's words for a kappa, the ones audit reports use."""
        if self.kappa is None:
            return "Cannot be worked out"
        k = self.kappa
        if k < 0:
            return "Poor (less than chance)"
        for upper, words in (
            (0.20, "Slight"),
            (0.40, "Fair"),
            (0.60, "Moderate"),
            (0.80, "Substantial"),
        ):
            if k <= upper:
                return words
        return "Almost perfect"


def agreement(pairs: Iterable[tuple[str, str]]) -> Agreement:
    """Percentage agreement and Cohen's kappa over pairs of answers (first, second). Pairs
    where either marker left the criterion unanswered are the caller's to leave out."""
    pairs = list(pairs)
    total = len(pairs)
    agreed = sum(1 for a, b in pairs if a == b)
    if not total:
        return Agreement(0, 0, None)
    first = Counter(a for a, _ in pairs)
    second = Counter(b for _, b in pairs)
    observed = agreed / total
    chance = sum(first[c] * second[c] for c in first) / (total * total)
    if chance >= 1:
        return Agreement(total, agreed, None)
    return Agreement(total, agreed, (observed - chance) / (1 - chance))
