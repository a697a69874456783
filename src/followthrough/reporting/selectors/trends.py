"""Change over time for the inspectorate: completion (burn-up), slippage of targets, and the
actions the escalation ladder has flagged. Read side of the service layer; each function is a
fixed number of queries whatever the volume."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Case, Count, DateField, Exists, Model, OuterRef, Q, When
from django.db.models.functions import Coalesce, Greatest, TruncDate, TruncMonth

from followthrough.actionplans.models import (
    Action,
    ActionPlan,
    Escalation,
    ProgressUpdate,
    Response,
    Review,
    TargetRevision,
)
from followthrough.core.freshness import remembered, view_of
from followthrough.inspections.models import Recommendation, Report
from followthrough.organisations.access import standing_of

from .recommendations import open_recommendation_rows, status_counts

MONTHS_BEFORE_QUARTERS = 36
# The dashboard lists the worst slips; the rest are in the bands.
SLIPS_LISTED = 20


def _month_starts(first: date, last: date) -> list[date]:
    months = []
    day = first.replace(day=1)
    while day <= last:
        months.append(day)
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    if len(months) > MONTHS_BEFORE_QUARTERS:
        months = [m for m in months if m.month in (1, 4, 7, 10)] or months[:1]
    return months


def _published_actions(user: Any, report_id: int | None, recommendations: Any = None) -> Any:
    """Published plans' actions, for one report or for the recommendations a filtered list
    holds (a queryset), so charts count what the list shows."""
    actions = Action.objects.visible_to(user).filter(response__action_plan__status="published")
    if report_id:
        actions = actions.filter(response__recommendation__report_id=report_id)
    if recommendations is not None:
        actions = actions.filter(response__recommendation__in=recommendations.values("pk"))
    return actions


def burn_up(
    *, user: Any, today: date, report_id: int | None = None, recommendations: Any = None
) -> list[tuple[str, int, int]]:
    """(period, actions promised by then, actions completed by then), from the first plan to
    today. An action counts from its plan's date (or when it was added); withdrawn ones drop
    out of both lines; one completed before tracking began counts from the plan's date.

    The database counts actions by (month started, month done), so the work per request grows
    with the months, not the actions: every period starts on the first of a month, so an action
    is in a period's line exactly when its month is."""
    start = Coalesce("response__action_plan__submitted", TruncDate("created_at"))
    finished = Q(status=Action.Status.COMPLETED) | Q(target_kind=Action.TargetKind.COMPLETED)
    done = Case(
        When(finished, then=Greatest(Coalesce("completed_on", start), start)),
        default=None,
        output_field=DateField(),
    )
    cells = list(
        _published_actions(user, report_id, recommendations)
        .exclude(status=Action.Status.WITHDRAWN)
        .annotate(started=TruncMonth(start, output_field=DateField()))
        .annotate(finished=TruncMonth(done, output_field=DateField()))
        .order_by()
        .values_list("started", "finished")
        .annotate(n=Count("pk"))
    )
    if not cells:
        return []
    periods = _month_starts(min(started for started, _, _ in cells), today)
    rows = []
    for i, period in enumerate(periods):
        end = periods[i + 1] if i + 1 < len(periods) else date.max
        scope = sum(n for started, _, n in cells if started < end)
        completed = sum(n for _, finished, n in cells if finished is not None and finished < end)
        rows.append((period.strftime("%b %Y"), scope, completed))
    return rows


SLIP_BANDS = (
    ("Brought forward", -(10**6), -1),
    ("Up to 3 months", 0, 91),
    ("3 to 6 months", 92, 182),
    ("6 to 12 months", 183, 365),
    ("Over a year", 366, 10**6),
)


@dataclass
class Slip:
    action: Action
    first_due: date | None
    current_due: date | None
    moves: int
    reasons: list[str]

    @property
    def days(self) -> int | None:
        if self.first_due and self.current_due:
            return (self.current_due - self.first_due).days
        return None


def slippage(
    *, user: Any, report_id: int | None = None, recommendations: Any = None
) -> tuple[list[tuple[str, int]], list[Slip]]:
    """Actions whose target moved with approval: how far from the first target to the current
    one, banded for a chart and listed worst first."""
    revisions = (
        TargetRevision.objects.filter(
            status=TargetRevision.Status.APPROVED,
            action__in=_published_actions(user, report_id, recommendations).values("pk"),
        )
        .select_related("action__response__recommendation__report", "action__owner_organisation")
        .order_by("action_id", "decided_on", "id")
    )
    slips: dict[int, Slip] = {}
    for revision in revisions:
        slip = slips.get(revision.action_id)
        if slip is None:
            slip = slips[revision.action_id] = Slip(
                revision.action, revision.previous_due, revision.new_due, 0, []
            )
        slip.current_due = revision.new_due
        slip.moves += 1
        slip.reasons.append(revision.reason)
    bands = [
        (label, sum(s.days is not None and low <= s.days <= high for s in slips.values()))
        for label, low, high in SLIP_BANDS
    ]
    bands.append(("Dates unknown", sum(s.days is None for s in slips.values())))
    worst = sorted(slips.values(), key=lambda s: (s.days is None, -(s.days or 0)))
    return bands, worst


@dataclass
class Flagged:
    """The actions the ladder has flagged: how many in all, counted in the database, and the
    first of them to list."""

    count: int
    shown: list[Escalation]


def flagged_actions(*, user: Any, recommendations: Any = None, limit: int = 200) -> Flagged:
    """Actions at the top of the escalation ladder (step 3, not cleared), longest first; only
    those answering `recommendations` (a queryset) when given. The count is exact; the first
    `limit` are listed."""
    actions = Action.objects.visible_to(user).filter(pk=OuterRef("action_id"))
    if recommendations is not None:
        actions = actions.filter(
            response__recommendation__in=recommendations.order_by().values("pk")
        )
    # From the few open escalations to their actions: `action__in` made the database list every
    # visible action first (0.2 s at national scale with no escalation at all).
    flagged = Escalation.objects.filter(
        Exists(actions), step=Escalation.Step.INSPECTORATE, cleared_on__isnull=True
    )
    shown = list(
        flagged.select_related(
            "action__response__recommendation__report",
            "action__owner_organisation",
        ).order_by("raised_on", "-days")[:limit]
    )
    count = len(shown) if len(shown) < limit else flagged.count()
    return Flagged(count=count, shown=shown)


@dataclass
class DashboardFigures:
    """What the inspectorate dashboard counts over every matching recommendation: the status
    counts, the completion line and the slippage bands, with the worst slips listed."""

    counts: dict[str, int]
    progress: list[tuple[str, int, int]]
    bands: list[tuple[str, int]]
    slips: list[Slip]


# The tables those figures read: a change to any of them counts them again.
DASHBOARD_COUNTED = (
    Action,
    ActionPlan,
    ProgressUpdate,
    Response,
    Recommendation,
    Report,
    Review,
    TargetRevision,
)


def dashboard_figures(
    *,
    user: Any,
    today: date,
    filters: dict[str, Any],
    recommendations: Any,
    all_statuses: Callable[[], Any],
) -> DashboardFigures:
    """The dashboard's national figures for these filters, counted once per change of the data,
    day and reader's view (core/freshness.py) rather than on every visit. `recommendations` is
    the filtered queryset; `all_statuses` builds the same without the status filter, for the
    counts (only when they are counted: building it costs more than reading the cache)."""

    def count() -> DashboardFigures:
        bands, slips = slippage(user=user, recommendations=recommendations)
        return DashboardFigures(
            status_counts(all_statuses()),
            burn_up(user=user, today=today, recommendations=recommendations),
            bands,
            slips[:SLIPS_LISTED],
        )

    filtered = [f"{key}={value}" for key, value in sorted(filters.items())]
    return remembered(
        "inspectorate",
        tracked=DASHBOARD_COUNTED,
        scope=[today, *view_of(standing_of(user)), *filtered],
        compute=count,
    )


@dataclass(frozen=True)
class DashboardRow:
    """One open recommendation as the dashboard lists it: what the row shows, already worked
    out, so a cached page holds no action records."""

    recommendation: Recommendation
    decisions: list[str]
    summary: str
    status_label: str
    latest_review: Review | None


def _dashboard_row(row: Any) -> DashboardRow:
    return DashboardRow(
        row.recommendation,
        [response.decision for response in row.responses],
        row.summary,
        row.status_label,
        row.latest_review,
    )


class RememberedPages:
    """The dashboard's open recommendations as the paginator reads them: the count already
    known from the figures, and each page built once per change of its data (core/freshness.py)
    rather than on every visit."""

    def __init__(
        self,
        *,
        total: int,
        scope: list[Any],
        read: Callable[[int, int], list[Any]],
        name: str = "inspectorate-rows",
        tracked: tuple[type[Model], ...] = DASHBOARD_COUNTED,
    ):
        self.total, self.scope, self.read = total, scope, read
        self.name, self.tracked = name, tracked

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, rows: slice) -> list[Any]:
        start, stop = rows.start or 0, rows.stop
        return remembered(
            self.name,
            tracked=self.tracked,
            scope=[*self.scope, start, stop],
            compute=lambda: self.read(start, stop),
        )


def dashboard_rows(
    *,
    user: Any,
    today: date,
    filters: dict[str, Any],
    sort: str,
    recommendations: Any,
    counts: dict[str, int],
) -> RememberedPages:
    """The filtered, sorted open recommendations (`recommendations`, a queryset) with what
    answers them, for a paginator; `counts` are the figures' status counts, so the total costs
    no query."""
    status = filters.get("status")
    total = counts.get(status, 0) if status else sum(counts.values())
    filtered = [f"{key}={value}" for key, value in sorted(filters.items())]
    return RememberedPages(
        total=total,
        scope=[today, *view_of(standing_of(user)), *filtered, f"sort={sort}"],
        read=lambda start, stop: [
            _dashboard_row(row)
            for row in open_recommendation_rows(recommendations[start:stop], user=user, today=today)
        ],
    )
