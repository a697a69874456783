"""Drawing an audit's sample and its double-marked share: at random, with the seed recorded so
that anyone can draw the same cases again, and optionally in proportion to each sex. Pure
Python."""

from __future__ import annotations

import math
import random


def sample_size(population: int, percent: int | None, minimum: int | None) -> int:
    """A share of the cases, rounded up, but never fewer than the minimum (or than all there
    are)."""
    if percent is None:
        return population
    share = math.ceil(population * percent / 100)
    return min(population, max(share, minimum or 0))


def _allocate(strata: dict[str, list[int]], size: int) -> dict[str, int]:
    """Places per stratum in proportion to its size, the remainders to the largest fractions
    (ties to the larger stratum, then by name), so the total is exactly `size`."""
    total = sum(len(ids) for ids in strata.values())
    exact = {name: size * len(ids) / total for name, ids in strata.items()}
    places = {name: math.floor(value) for name, value in exact.items()}
    left = size - sum(places.values())
    order = sorted(strata, key=lambda n: (-(exact[n] - places[n]), -len(strata[n]), n))
    for name in order[:left]:
        places[name] += 1
    return places


def draw(
    cases: list[tuple[int, str]],
    *,
    percent: int | None,
    minimum: int | None,
    seed: int,
    stratify: bool = False,
) -> list[int]:
    """The ids drawn from `cases` (id, stratum): all of them when `percent` is None. The same
    cases and seed always give the same draw, whatever order the cases come in."""
    ordered = sorted(cases)
    size = sample_size(len(ordered), percent, minimum)
    rng = random.Random(seed)  # noqa: S311 - a reproducible draw, not a secret
    if not stratify:
        return sorted(rng.sample([i for i, _ in ordered], size))
    strata: dict[str, list[int]] = {}
    for case_id, stratum in ordered:
        strata.setdefault(stratum, []).append(case_id)
    places = _allocate(strata, size) if ordered else {}
    chosen: list[int] = []
    for name in sorted(strata):
        chosen.extend(rng.sample(strata[name], places[name]))
    return sorted(chosen)


def double_marked(case_ids: list[int], *, percent: int, seed: int) -> list[int]:
    """The share of the sampled cases a second marker reads blind: rounded up, at least one
    case whenever a share is asked for."""
    if percent <= 0 or not case_ids:
        return []
    size = min(len(case_ids), max(1, math.ceil(len(case_ids) * percent / 100)))
    rng = random.Random(seed + 1)  # noqa: S311 - a reproducible draw, not a secret
    return sorted(rng.sample(sorted(case_ids), size))
