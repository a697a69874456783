"""The overview's figures and the organisation pages' counts: a fixed number of grouped queries,
whatever the volume of data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import Count, OuterRef, Q, Subquery

from followthrough.actionplans.models import Action, ActionPlan, Decision, ProgressUpdate, Response
from followthrough.actionplans.querysets import PAST_TARGET, STATES
from followthrough.core.freshness import freshness_key, remembered, view_of
from followthrough.inspections.models import Recommendation, Report
from followthrough.organisations.access import standing_of
from followthrough.organisations.models import Organisation
from followthrough.selfassessment.models import ImprovementAction, SelfAssessment


@dataclass
class Figure:
    slug: str
    title: str
    columns: list[str]
    rows: list[list[Any]]  # first cell the label, then one number per remaining column

    @property
    def chart_rows(self) -> tuple[tuple[str, int], ...]:
        return tuple((str(r[0]), int(r[1])) for r in self.rows)


def _by_decision(user: Any) -> Figure:
    counts = Response.objects.visible_to(user).decision_counts()
    rows = [[label, counts.get(value, 0)] for value, label in Decision.choices]
    if counts.get("none"):
        rows.append(["No decision recorded", counts["none"]])
    return Figure("decisions", "Responses by decision", ["Decision", "Responses"], rows)


def _by_state(today: date, user: Any) -> Figure:
    counts = Action.objects.visible_to(user).state_counts(today=today)
    rows = [
        [label, counts[state]]
        for state, label in STATES.items()
        if state != "withdrawn" or counts[state]
    ]
    return Figure(
        "statuses", f"Actions by status at {today:%-d %B %Y}", ["Status", "Actions"], rows
    )


def _grouped(
    user: Any,
    today: date,
    field: str,
    label_field: str,
    slug: str,
    title: str,
    headings: tuple[str, str],
) -> Figure:
    rows = (
        Action.objects.visible_to(user)
        .with_state(today=today)
        .values(field, label_field)
        .annotate(
            total=Count("id"),
            completed=Count("id", filter=Q(state="completed")),
            overdue=Count("id", filter=Q(state="overdue")),
            no_update=Count("id", filter=Q(state="no_update")),
        )
        .order_by("-total", label_field)
    )
    return Figure(
        slug,
        title,
        [*headings, "Completed", "Overdue", STATES["no_update"]],
        [
            [
                r[label_field] or "Not resolved",
                r["total"],
                r["completed"],
                r["overdue"],
                r["no_update"],
            ]
            for r in rows
        ],
    )


# What the overview counts: a change to any of these tables counts it again.
COUNTED = (Action, ActionPlan, ProgressUpdate, Response, Recommendation, Report, Organisation)


def overview_version(*, today: date, user: Any) -> str:
    """Changes whenever the user's figures would: the page keeps its rendering of them under it."""
    return freshness_key("overview-page", tracked=COUNTED, scope=_scope(today, user))


def _scope(today: date, user: Any) -> list[str]:
    return [today.isoformat(), *view_of(standing_of(user))]


def overview_figures(*, today: date, user: Any) -> list[Figure]:
    """The overview's figures, counting only what the user may see: counted once for each day,
    view of the data and state of the data (core/freshness.py), then read from the cache."""
    compute = lambda: _overview_figures(today=today, user=user)  # noqa: E731
    return remembered("overview", tracked=COUNTED, scope=_scope(today, user), compute=compute)


def _overview_figures(*, today: date, user: Any) -> list[Figure]:
    return [
        _by_decision(user),
        _by_state(today, user),
        _grouped(
            user,
            today,
            "response__responding_organisation_id",
            "response__responding_organisation__name",
            "organisations",
            "Actions in each organisation's responses",
            ("Organisation", "Actions in its responses"),
        ),
        _grouped(
            user,
            today,
            "response__recommendation__report_id",
            "response__recommendation__report__title",
            "reports",
            "Actions by report",
            ("Report", "Actions"),
        ),
    ]


def overview_figure(slug: str, *, today: date, user: Any) -> Figure | None:
    return next((f for f in overview_figures(today=today, user=user) if f.slug == slug), None)


STALE_DAYS = 90
LIST_LIMIT = 10

# My organisation's lists, in the order the page shows them; each action is in one list at most.
DASHBOARD_LISTS = {
    "overdue": "Overdue",
    "no_update": STATES["no_update"],
    "due_30": "Due in the next 30 days",
    "stale": f"Other open actions with no progress reported for {STALE_DAYS} days",
}
OPEN_STATES = ("overdue", "no_update", "due_soon", "later", "no_date", "ongoing")


def _quiet(today: date) -> Q:
    """Open, with no progress reported for STALE_DAYS days."""
    stale_before = today - timedelta(days=STALE_DAYS)
    return Q(state__in=OPEN_STATES) & (
        Q(last_update__isnull=True) | Q(last_update__lt=stale_before)
    )


def _list_filters(today: date) -> dict[str, Q]:
    due_30 = Q(state="due_soon", due_date__lte=today + timedelta(days=30))
    quiet = _quiet(today)
    return {
        "overdue": Q(state="overdue"),
        "no_update": Q(state="no_update"),
        "due_30": due_30,
        "stale": Q(state__in=["due_soon", "later", "no_date", "ongoing"]) & ~due_30 & quiet,
    }


@dataclass(frozen=True)
class ActionList:
    """One of My organisation's lists: how many, and the first of them (or the page asked for)."""

    slug: str
    caption: str
    count: int
    actions: list[Action]

    @property
    def more(self) -> int:
        return self.count - len(self.actions)


def _owned(organisation: Organisation, *, today: date, user: Any) -> Any:
    last = ProgressUpdate.objects.filter(action=OuterRef("pk")).order_by("-date")
    return (
        Action.objects.visible_to(user)
        .filter(owner_organisation=organisation, response__action_plan__status="published")
        .with_state(today=today)
        .annotate(last_update=Subquery(last.values("date")[:1]))
    )


def organisation_dashboard(
    *, organisation: Organisation, today: date, user: Any, limit: int = LIST_LIMIT
) -> dict[str, Any]:
    """What one organisation has to do (below), counted once for each day, reader's view and
    state of the data (core/freshness.py), then read from the cache."""
    return remembered(
        "my-organisation",
        tracked=COUNTED,
        scope=[today.isoformat(), *view_of(standing_of(user)), organisation.pk, limit],
        compute=lambda: _organisation_dashboard(
            organisation=organisation, today=today, user=user, limit=limit
        ),
    )


def _organisation_dashboard(
    *, organisation: Organisation, today: date, user: Any, limit: int
) -> dict[str, Any]:
    """What one organisation has to do, counted in the database: overdue, target passed with
    nothing recorded, due within 30 days, and other open actions quiet for 90 days, each action
    in one list only and each list its first `limit`; counts by report. A fixed number of
    queries, whatever the volume."""
    owned = _owned(organisation, today=today, user=user)
    filters = _list_filters(today)
    counts = owned.aggregate(
        total=Count("id"),
        due_90=Count("id", filter=Q(state="due_soon")),
        quiet=Count("id", filter=_quiet(today)),
        **{slug: Count("id", filter=q) for slug, q in filters.items()},
    )
    lists = [
        ActionList(
            slug, caption, counts[slug], list(organisation_action_list(owned, slug, today)[:limit])
        )
        for slug, caption in DASHBOARD_LISTS.items()
    ]
    by_report = (
        owned.order_by()
        .values("response__recommendation__report__title")
        .annotate(
            total=Count("id"),
            completed=Count("id", filter=Q(state="completed")),
            overdue=Count("id", filter=Q(state="overdue")),
        )
        .order_by("response__recommendation__report__title")
    )
    return {
        "lists": lists,
        "counts": counts,
        "by_report": [(row["response__recommendation__report__title"], row) for row in by_report],
        "total": counts["total"],
        "list_limit": limit,
    }


def organisation_action_list(owned: Any, slug: str, today: date) -> Any:
    """The actions of one of My organisation's lists, soonest target first."""
    return (
        owned.filter(_list_filters(today)[slug])
        .select_related("response__recommendation__report")
        .order_by("due_date", "pk")
    )


def organisation_action_page(
    *, organisation: Organisation, slug: str, today: date, user: Any
) -> Any:
    """Every action of one list, for its own paginated page."""
    return organisation_action_list(_owned(organisation, today=today, user=user), slug, today)


@dataclass(frozen=True)
class Improvements:
    """The improvement actions from an organisation's own self-assessments: counts by state and
    the first of those whose target has passed."""

    counts: dict[str, int]
    past_target: list[ImprovementAction]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def past_target_count(self) -> int:
        return sum(self.counts[state] for state in PAST_TARGET)

    @property
    def rows(self) -> list[tuple[str, int]]:
        return [
            (label, self.counts[state]) for state, label in STATES.items() if self.counts[state]
        ]


def organisation_improvements(
    *, organisation: Organisation, today: date, user: Any, limit: int = LIST_LIMIT
) -> Improvements:
    """The improvement actions in the self-assessments of one organisation the user may read,
    in two queries."""
    actions = ImprovementAction.objects.filter(
        item__assessment__organisation=organisation,
        item__assessment__in=SelfAssessment.objects.visible_to(user).values("pk"),
    )
    past = (
        actions.with_state(today=today)
        .filter(state__in=PAST_TARGET)
        .select_related("item__assessment", "item__recommendation__report")
        .order_by("due_date", "pk")[:limit]
    )
    return Improvements(actions.state_counts(today=today), list(past))
