"""The read side of a self-assessment: the page grouped by thematic, the heat map, evidence
coverage, the open improvement plan and the comparison with the year before.

Every function here issues a fixed number of queries, however many recommendations, lines of
enquiry and evidence sources the assessment holds."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Prefetch

from followthrough.actionplans.querysets import STATES
from followthrough.actionplans.smart import Advice, tracked_advice

from ..models import (
    AssessedRecommendation,
    EnquiryAnswer,
    ImprovementAction,
    Rating,
    SelfAssessment,
)

RANK: dict[str, int] = {
    Rating.OUTSTANDING: 4,
    Rating.GOOD: 3,
    Rating.REQUIRES_IMPROVEMENT: 2,
    Rating.INADEQUATE: 1,
}
OPEN_STATES = ("overdue", "no_update", "due_soon", "later", "no_date", "ongoing")


@dataclass
class Line:
    index: int
    question: str
    answer: Any = None  # EnquiryAnswer or None


@dataclass
class Source:
    index: int
    prompt: str
    entry: Any = None  # EvidenceHeld or None


@dataclass
class ItemView:
    item: AssessedRecommendation
    lines: list[Line]
    sources: list[Source]
    improvements: list[ImprovementAction]

    @property
    def rec(self) -> Any:
        return self.item.recommendation

    @property
    def answered(self) -> int:
        return sum(1 for line in self.lines if line.answer is not None and line.answer.answer)

    @property
    def held(self) -> int:
        return sum(1 for s in self.sources if s.entry is not None and s.entry.held)

    @property
    def gaps(self) -> list[Line]:
        return [
            line
            for line in self.lines
            if line.answer is not None and line.answer.answer in ("partly", "no")
        ]

    @property
    def needs_improvement(self) -> bool:
        """A gap found (a partly or no answer, or a rating below good) with no action on it."""
        weak = self.item.rating in (Rating.REQUIRES_IMPROVEMENT, Rating.INADEQUATE)
        return (weak or bool(self.gaps)) and not self.improvements

    @property
    def complete(self) -> bool:
        return bool(self.item.rating) and self.answered == len(self.lines)


@dataclass
class Thematic:
    report: Any
    items: list[ItemView] = field(default_factory=list)

    def count(self, rating: str) -> int:
        return sum(1 for i in self.items if i.item.rating == rating)

    @property
    def counts(self) -> list[int]:
        return [self.count(r) for r in [*Rating.values, ""]]

    @property
    def sources(self) -> int:
        return sum(len(i.sources) for i in self.items)

    @property
    def held(self) -> int:
        return sum(i.held for i in self.items)


def item_view(item: AssessedRecommendation, *, today: date) -> ItemView:
    """One recommendation's view, read with the same queries as a whole assessment's."""
    return item_views(AssessedRecommendation.objects.filter(pk=item.pk), today=today)[0]


def item_views(items: Any, *, today: date) -> list[ItemView]:
    """Items with their answers, evidence and improvement actions: four queries in all."""
    items = items.select_related("recommendation__report").prefetch_related(
        "answers",
        "evidence",
        Prefetch(
            "improvements",
            queryset=ImprovementAction.objects.with_state(today=today).order_by("order", "id"),
        ),
    )
    views = []
    for item in items:
        answers = {a.index: a for a in item.answers.all()}
        held = {e.index: e for e in item.evidence.all()}
        rec = item.recommendation
        views.append(
            ItemView(
                item=item,
                lines=[Line(i, q, answers.get(i)) for i, q in enumerate(rec.lines_of_enquiry)],
                sources=[Source(i, p, held.get(i)) for i, p in enumerate(rec.evidence_prompts)],
                improvements=list(item.improvements.all()),
            )
        )
    return views


def thematics(assessment: SelfAssessment, *, today: date) -> list[Thematic]:
    """The assessment grouped by the report its recommendations come from, in scope order."""
    groups: dict[int, Thematic] = {}
    for view in item_views(assessment.items.all(), today=today):
        report = view.rec.report
        groups.setdefault(report.pk, Thematic(report)).items.append(view)
    return list(groups.values())


# The assessment page's filter: every recommendation, those still to do (not rated, or a line of
# enquiry unanswered) and those done.
ITEM_FILTERS = {"all": "All", "todo": "Still to do", "done": "Done"}


def filtered(groups: list[Thematic], show: str) -> list[Thematic]:
    """The thematics holding only the recommendations `show` asks for; empty ones dropped."""
    if show not in ("todo", "done"):
        return groups
    want = show == "done"
    kept = [Thematic(g.report, [v for v in g.items if v.complete == want]) for g in groups]
    return [g for g in kept if g.items]


def filter_counts(groups: list[Thematic]) -> dict[str, int]:
    """How many recommendations each choice of the filter shows."""
    views = [v for g in groups for v in g.items]
    done = sum(1 for v in views if v.complete)
    return {"all": len(views), "todo": len(views) - done, "done": done}


@dataclass
class Progress:
    recommendations: int
    rated: int
    lines: int
    answered: int
    sources: int
    held: int
    unplanned: int = 0  # recommendations with a gap and no improvement action

    @staticmethod
    def percent(part: int, whole: int) -> int | None:
        return round(100 * part / whole) if whole else None

    @property
    def coverage(self) -> int | None:
        return self.percent(self.held, self.sources)

    @property
    def answered_percent(self) -> int | None:
        return self.percent(self.answered, self.lines)


def progress(groups: list[Thematic]) -> Progress:
    views = [v for g in groups for v in g.items]
    return Progress(
        recommendations=len(views),
        rated=sum(1 for v in views if v.item.rating),
        lines=sum(len(v.lines) for v in views),
        answered=sum(v.answered for v in views),
        sources=sum(len(v.sources) for v in views),
        held=sum(v.held for v in views),
        unplanned=sum(1 for v in views if v.needs_improvement),
    )


@dataclass
class Change:
    view: ItemView
    before: str
    after: str

    @property
    def before_label(self) -> str:
        return Rating(self.before).label if self.before else "Not rated"

    @property
    def after_label(self) -> str:
        return Rating(self.after).label if self.after else "Not rated"


@dataclass
class Comparison:
    previous: SelfAssessment | None
    improved: list[Change] = field(default_factory=list)
    slipped: list[Change] = field(default_factory=list)
    unchanged: int = 0
    new: int = 0


def comparison(assessment: SelfAssessment, groups: list[Thematic]) -> Comparison:
    """What improved and what slipped since the service's latest earlier assessment."""
    previous = (
        SelfAssessment.objects.filter(
            organisation_id=assessment.organisation_id, year__lt=assessment.year
        )
        .order_by("-year")
        .first()
    )
    result = Comparison(previous)
    if previous is None:
        return result
    before = dict(previous.items.values_list("recommendation_id", "rating"))
    for view in (v for g in groups for v in g.items):
        rec_id = view.item.recommendation_id
        if rec_id not in before:
            result.new += 1
            continue
        old, new = RANK.get(before[rec_id], 0), RANK.get(view.item.rating, 0)
        change = Change(view, before[rec_id], view.item.rating)
        if not old or not new or old == new:
            result.unchanged += 1
        elif new > old:
            result.improved.append(change)
        else:
            result.slipped.append(change)
    return result


@dataclass(frozen=True)
class OpenImprovement:
    """An improvement action not yet done, the recommendation it answers and its SMART advice."""

    action: ImprovementAction
    view: ItemView
    advice: list[Advice]


def open_improvements(groups: list[Thematic], *, plan_date: date | None) -> list[OpenImprovement]:
    """Improvement actions not yet done, most pressing first, each with its SMART advice."""
    order = {state: n for n, state in enumerate(OPEN_STATES)}
    found = [
        OpenImprovement(action, view, improvement_advice(action, plan_date=plan_date))
        for view in (v for g in groups for v in g.items)
        for action in view.improvements
        if action.state in order
    ]
    return sorted(found, key=lambda o: (order[o.action.state], o.action.due_date or date.max))


def improvement_state_counts(groups: list[Thematic]) -> dict[str, int]:
    counts = dict.fromkeys(STATES, 0)
    for view in (v for g in groups for v in g.items):
        for action in view.improvements:
            counts[action.state] += 1
    return counts


ANSWER_LABELS = dict(EnquiryAnswer.Answer.choices)


def improvement_advice(action: ImprovementAction, *, plan_date: date | None) -> list[Advice]:
    """The SMART check, exactly as an action-plan action gets it."""
    return tracked_advice(action, plan_date=plan_date)


def improvement_state(action: ImprovementAction, *, today: date) -> str:
    """The action's state as of today (overdue, due soon…), read as every list reads it."""
    state: str = ImprovementAction.objects.with_state(today=today).get(pk=action.pk).state
    return state
