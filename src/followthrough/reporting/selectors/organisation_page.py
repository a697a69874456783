"""One body's page: what it owns summed up by state, then its actions and the recommendations
addressed to it a page at a time. The summary and each page are read once per change of the
data (core/freshness.py), so a national body's page costs the same as a local one's."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from followthrough.actionplans.models import Action
from followthrough.actionplans.querysets import STATES
from followthrough.core.freshness import remembered, view_of
from followthrough.organisations.access import standing_of
from followthrough.organisations.models import Organisation

from .overview import COUNTED
from .trends import RememberedPages


@dataclass(frozen=True)
class OrganisationSummary:
    """What the page says before any list: the actions the body owns by state, the actions in
    its own responses (the overview's count) and the recommendations addressed to it."""

    counts: list[tuple[str, str, int]]  # (state, label, count) for each state it has actions in
    in_responses: int
    recommendations: int

    @property
    def owned(self) -> int:
        return sum(row[2] for row in self.counts)

    def count_in(self, state: str | None) -> int:
        return next((row[2] for row in self.counts if row[0] == state), self.owned)


def _scope(organisation: Organisation, user: Any, today: date) -> list[Any]:
    return [today.isoformat(), *view_of(standing_of(user)), organisation.pk]


def organisation_summary(
    organisation: Organisation, *, user: Any, today: date
) -> OrganisationSummary:
    """The page's summary, counting only what the user may see, in three queries once per
    change of the data, then read from the cache."""

    def count() -> OrganisationSummary:
        visible = Action.objects.visible_to(user)
        counts = visible.filter(owner_organisation=organisation).state_counts(today=today)
        return OrganisationSummary(
            counts=[(s, label, counts[s]) for s, label in STATES.items() if counts[s]],
            in_responses=visible.filter(response__responding_organisation=organisation).count(),
            recommendations=organisation.recommendations.count(),
        )

    return remembered(
        "organisation-summary",
        tracked=COUNTED,
        scope=_scope(organisation, user, today),
        compute=count,
    )


def organisation_actions(
    organisation: Organisation,
    *,
    user: Any,
    today: date,
    summary: OrganisationSummary,
    state: str | None = None,
) -> RememberedPages:
    """The actions one body owns in the plans the user may read (those in `state`, if given),
    with their state, by report, for a paginator: the summary gives the count, and each page is
    read once per change of the data."""
    rows = Action.objects.visible_to(user).filter(owner_organisation=organisation)
    rows = rows.with_state(today=today)
    if state in STATES:
        rows = rows.filter(state=state)
    rows = rows.select_related("response__recommendation__report").order_by(
        "response__recommendation__report__title", "response__recommendation__order", "order", "pk"
    )
    return RememberedPages(
        total=summary.count_in(state),
        scope=[*_scope(organisation, user, today), f"state={state or ''}"],
        read=lambda start, stop: list(rows[start:stop]),
        name="organisation-actions",
        tracked=COUNTED,
    )


def organisation_recommendations(
    organisation: Organisation, *, user: Any, today: date, summary: OrganisationSummary
) -> RememberedPages:
    """The recommendations addressed to one body, by report, for a paginator, each page read
    once per change of the data."""
    rows = organisation.recommendations.select_related("report").order_by(
        "report__title", "order", "pk"
    )
    return RememberedPages(
        total=summary.recommendations,
        scope=_scope(organisation, user, today),
        read=lambda start, stop: list(rows[start:stop]),
        name="organisation-recommendations",
        tracked=COUNTED,
    )
