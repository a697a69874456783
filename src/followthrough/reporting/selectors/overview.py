"""The overview's figures and the organisation pages' counts: a fixed number of grouped queries,
whatever the volume of data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import Count, Max, Q

from followthrough.actionplans.models import Action, Decision, Response
from followthrough.actionplans.querysets import STATES
from followthrough.inspections.models import Recommendation
from followthrough.organisations.models import Organisation


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


def overview_figures(*, today: date, user: Any) -> list[Figure]:
    """The overview's figures, counting only what the user may see."""
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


def organisation_rows(*, today: date, user: Any) -> list[dict[str, Any]]:
    """Every organisation that is addressed, responds or owns actions: the actions it owns and
    how they stand, beside the actions in its responses (which the overview counts), whoever
    owns them."""
    in_responses = {
        r["response__responding_organisation_id"]: r["n"]
        for r in Action.objects.visible_to(user)
        .values("response__responding_organisation_id")
        .annotate(n=Count("id"))
    }
    owned = {
        r["owner_organisation_id"]: r
        for r in Action.objects.visible_to(user)
        .with_state(today=today)
        .values("owner_organisation_id")
        .annotate(
            total=Count("id"),
            completed=Count("id", filter=Q(state="completed")),
            overdue=Count("id", filter=Q(state="overdue")),
        )
    }
    addressed = {
        r["id"]: r["n"]
        for r in Organisation.objects.values("id").annotate(n=Count("recommendations"))
    }
    rows = []
    for organisation in Organisation.objects.order_by("name"):
        counts = owned.get(organisation.pk, {})
        responding = in_responses.get(organisation.pk, 0)
        if not counts and not addressed.get(organisation.pk) and not responding:
            continue
        rows.append(
            {
                "organisation": organisation,
                "recommendations": addressed.get(organisation.pk, 0),
                "in_responses": responding,
                "actions": counts.get("total", 0),
                "completed": counts.get("completed", 0),
                "overdue": counts.get("overdue", 0),
            }
        )
    return rows


def overview_figure(slug: str, *, today: date, user: Any) -> Figure | None:
    return next((f for f in overview_figures(today=today, user=user) if f.slug == slug), None)


STALE_DAYS = 90


def organisation_dashboard(*, organisation: Organisation, today: date, user: Any) -> dict[str, Any]:
    """What one organisation has to do: overdue, due within 30 and 90 days, and actions with
    no progress reported for 90 days, with counts by report. A fixed number of queries."""
    actions = list(
        Action.objects.visible_to(user)
        .filter(owner_organisation=organisation, response__action_plan__status="published")
        .with_state(today=today)
        .annotate(last_update=Max("updates__date"))
        .select_related("response__recommendation__report")
        .order_by("due_date", "pk")
    )
    open_states = {"overdue", "no_update", "due_soon", "later", "no_date", "ongoing"}
    stale_before = today - timedelta(days=STALE_DAYS)
    lists = {
        "overdue": [a for a in actions if a.state == "overdue"],
        "due_30": [
            a
            for a in actions
            if a.state == "due_soon" and a.due_date and a.due_date <= today + timedelta(days=30)
        ],
        "due_90": [a for a in actions if a.state == "due_soon"],
        "stale": [
            a
            for a in actions
            if a.state in open_states and (a.last_update is None or a.last_update < stale_before)
        ],
    }
    by_report: dict[str, dict[str, int]] = {}
    for action in actions:
        title = action.response.recommendation.report.title
        row = by_report.setdefault(title, dict.fromkeys(("total", "overdue", "completed"), 0))
        row["total"] += 1
        row["overdue"] += action.state == "overdue"
        row["completed"] += action.state == "completed"
    return {"lists": lists, "by_report": sorted(by_report.items()), "total": len(actions)}


def organisation_actions(organisation: Organisation, *, user: Any, today: date) -> list[Action]:
    """The actions one body owns in the plans the user may read, with their state, by report."""
    return list(
        Action.objects.visible_to(user)
        .filter(owner_organisation=organisation)
        .with_state(today=today)
        .select_related("response__recommendation__report")
        .order_by(
            "response__recommendation__report__title", "response__recommendation__order", "order"
        )
    )


def organisation_actions_in_responses(organisation: Organisation, *, user: Any) -> int:
    """How many actions the body's responses contain, whoever owns them (the overview's count)."""
    return (
        Action.objects.visible_to(user)
        .filter(response__responding_organisation=organisation)
        .count()
    )


def organisation_recommendations(organisation: Organisation) -> list[Recommendation]:
    """The recommendations addressed to one body, by report."""
    return list(
        organisation.recommendations.select_related("report").order_by("report__title", "order")
    )
