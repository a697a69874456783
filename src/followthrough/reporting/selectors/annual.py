"""The annual progress report on one inspection report: each recommendation with the bodies'
decisions, their actions and status, the latest update, the inspectorate's judgement, and
summary figures. One builder feeds the page, the PDF and the Word document, so they agree."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from followthrough.actionplans.models import (
    Action,
    ActionPlan,
    Decision,
    ProgressUpdate,
    Response,
    Review,
)
from followthrough.actionplans.querysets import STATES
from followthrough.actionplans.selectors import (
    actions_by_recommendation,
    responses_by_recommendation,
)
from followthrough.core.freshness import freshness_key, view_of
from followthrough.inspections.models import Recommendation, Report
from followthrough.organisations.access import standing_of
from followthrough.organisations.models import Organisation

from .trends import burn_up

JUDGEMENTS = dict(Review.Judgement.choices)


@dataclass(frozen=True)
class ActionProgress:
    """An action with the latest progress reported on it."""

    action: Action
    latest_update: ProgressUpdate | None


@dataclass
class Entry:
    recommendation: Any
    responses: list[Any]
    actions: list[ActionProgress]
    review: Any | None

    @property
    def judgement(self) -> str:
        return JUDGEMENTS[self.review.judgement] if self.review else "Not yet judged"


@dataclass
class AnnualReport:
    report: Report
    as_at: date
    entries: list[Entry]
    by_decision: list[tuple[str, int]] = field(default_factory=list)
    by_state: list[tuple[str, int]] = field(default_factory=list)
    by_judgement: list[tuple[str, int]] = field(default_factory=list)
    burn_up: list[tuple[str, int, int]] = field(default_factory=list)

    @property
    def action_count(self) -> int:
        return sum(n for _, n in self.by_state)


def annual_report(report: Report, *, user: Any, today: date) -> AnnualReport:
    """Everything the progress report shows, in a fixed number of queries."""
    recs = list(report.recommendations.all())
    ids = [r.pk for r in recs]
    responses = responses_by_recommendation(ids, user=user)
    actions = actions_by_recommendation(ids, today=today, user=user)
    action_ids = [a.pk for group in actions.values() for a in group]
    latest: dict[int, Any] = {}
    for update in ProgressUpdate.objects.filter(action_id__in=action_ids).order_by("-date", "-id"):
        latest.setdefault(update.action_id, update)
    reviews: dict[int, Any] = {}
    for review in Review.objects.filter(recommendation_id__in=ids).order_by("-date", "-id"):
        reviews.setdefault(review.recommendation_id, review)
    entries = [
        Entry(
            rec,
            responses.get(rec.pk, []),
            [ActionProgress(a, latest.get(a.pk)) for a in actions.get(rec.pk, [])],
            reviews.get(rec.pk),
        )
        for rec in recs
    ]
    decisions = Counter(r.decision for e in entries for r in e.responses)
    states = Counter(a.action.state for e in entries for a in e.actions)
    judgements = Counter(e.judgement for e in entries)
    return AnnualReport(
        report=report,
        as_at=today,
        entries=entries,
        by_decision=[(label, decisions.get(value, 0)) for value, label in Decision.choices]
        + [("Not recorded", decisions.get("", 0))],
        by_state=[(label, states.get(state, 0)) for state, label in STATES.items()],
        by_judgement=[(label, judgements.get(label, 0)) for label in JUDGEMENTS.values()]
        + [("Not yet judged", judgements.get("Not yet judged", 0))],
        burn_up=burn_up(user=user, today=today, report_id=report.pk),
    )


# Every table the progress report reads: its rendering is kept until one of them changes.
SHOWN = (Report, Recommendation, ActionPlan, Response, Action, ProgressUpdate, Review, Organisation)


def annual_report_version(report: Report, *, user: Any, today: date) -> str:
    """Changes whenever the page would: the page keeps its rendering under it, so a visit reads
    and renders the report's 150 actions only once per change, day and view of the data."""
    scope = [report.pk, today.isoformat(), *view_of(standing_of(user))]
    return freshness_key("progress-report-page", tracked=SHOWN, scope=scope)
