"""Factories for plans, responses, actions and what happens to them; and the sample plan, the
same records ingesting `ingest.sample.sample_action_plan` makes, built here without the extractor
so that an extraction bug fails the extraction tests, not the workflow ones."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

import factory

from followthrough.actionplans.models import (
    Action,
    ActionPlan,
    Decision,
    Escalation,
    ProgressUpdate,
    Response,
    Review,
    TargetRevision,
    Tracked,
)
from followthrough.core.targets import parse_target
from followthrough.ingest.extract.text import share_of
from followthrough.ingest.sample import ADDRESSEES, DECISIONS, OBJECTS, VERBS, sample_action_plan
from followthrough.inspections.models import Report
from tests.core.factories import SourceDocumentFactory
from tests.inspections.factories import RecommendationFactory, ReportFactory
from tests.organisations.factories import OrganisationFactory, known_body

_STATUS_OF_TARGET = {"completed": Tracked.Status.COMPLETED, "ongoing": Tracked.Status.ONGOING}


class TrackedFactory(factory.django.DjangoModelFactory):
    """A tracked commitment whose target is read the way a published one is."""

    class Meta:
        abstract = True

    class Params:
        target = factory.LazyAttribute(lambda tracked: parse_target(tracked.target_text))

    order = factory.Sequence(lambda n: n)
    description = factory.Sequence(lambda n: f"Publish synthetic guidance number {n}")
    owner_text = "Head of Synthetic Practice"
    target_text = "March 2027"
    target_kind = factory.LazyAttribute(lambda tracked: tracked.target.kind)
    target_value = factory.LazyAttribute(lambda tracked: tracked.target.value or "")
    due_date = factory.LazyAttribute(
        lambda tracked: date.fromisoformat(tracked.target.due) if tracked.target.due else None
    )
    status = factory.LazyAttribute(
        lambda tracked: _STATUS_OF_TARGET.get(tracked.target_kind, Tracked.Status.PLANNED)
    )


class ActionPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionPlan

    report = factory.SubFactory(ReportFactory)
    title = factory.LazyAttribute(lambda plan: f"Action plan: {plan.report.title}")
    status = ActionPlan.Status.PUBLISHED


class ResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Response

    action_plan = factory.SubFactory(ActionPlanFactory)
    recommendation = factory.SubFactory(
        RecommendationFactory, report=factory.SelfAttribute("..action_plan.report")
    )
    responding_organisation = factory.SubFactory(OrganisationFactory)
    decision = Decision.AGREED
    decision_text = factory.LazyAttribute(
        lambda response: Decision(response.decision).label if response.decision else ""
    )
    narrative = factory.Sequence(lambda n: f"Synthetic response {n}: we will report each quarter.")


class ActionFactory(TrackedFactory):
    class Meta:
        model = Action

    response = factory.SubFactory(ResponseFactory)
    owner_organisation = factory.LazyAttribute(
        lambda action: action.response.responding_organisation
    )


class ProgressUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressUpdate

    action = factory.SubFactory(ActionFactory)
    date = factory.LazyFunction(date.today)
    text = factory.Sequence(lambda n: f"Synthetic progress {n}")


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Review

    recommendation = factory.SubFactory(RecommendationFactory)
    date = factory.LazyFunction(date.today)
    judgement = Review.Judgement.ACHIEVED


class TargetRevisionFactory(factory.django.DjangoModelFactory):
    """A proposal to move an action's target, read as the ledger reads it."""

    class Meta:
        model = TargetRevision

    class Params:
        target = factory.LazyAttribute(lambda revision: parse_target(revision.new_text))

    action = factory.SubFactory(ActionFactory)
    previous_text = factory.LazyAttribute(lambda revision: revision.action.target_text)
    previous_due = factory.LazyAttribute(lambda revision: revision.action.due_date)
    new_text = "June 2031"
    new_kind = factory.LazyAttribute(lambda revision: revision.target.kind)
    new_value = factory.LazyAttribute(lambda revision: revision.target.value or "")
    new_due = factory.LazyAttribute(
        lambda revision: date.fromisoformat(revision.target.due) if revision.target.due else None
    )
    reason = "Synthetic reason: the funding moved"
    proposed_on = factory.LazyFunction(date.today)


class EscalationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Escalation

    action = factory.SubFactory(ActionFactory)
    step = Escalation.Step.OWNER
    cause = Escalation.Cause.OVERDUE
    days = 30
    raised_on = factory.LazyFunction(date.today)


# The sample plan. Who each addressee of the generated text is, who owns its actions and who
# oversees them (short names from organisations.aliases): the meaning of the sample's words,
# written down here rather than read by the extractor.
SAMPLE_BODIES = {
    "The Ministry of Justice": ("MoJ", "MoJ", None),
    "The Youth Justice Board": ("YJB", "YJB", "YJB"),  # "YJB Director of Oversight"
    "The Youth Custody Service": ("YCS", "YCS", None),
    "The Department for Education": ("DfE", "DfE", None),
    "Youth offending team management boards": ("YOT boards", "YJB", None),
}
SAMPLE_NOTE = "This plan was generated for demonstration; it is not a published plan."
FURTHER_STEP = "A further step follows the first."


@dataclass
class SampleRow:
    """One recommendation's row of the generated plan, as data."""

    number: int
    addressee: str
    owner: str
    decision_text: str
    text: str
    narrative: str
    targets: list[str]
    continued: bool  # split by a page break: a third action on a line of its own


def sample_rows(*, today: date, recommendations: int = 8, seed: int = 1) -> list[SampleRow]:
    """The rows `sample_action_plan` writes, with its random draws replayed in the same order.
    A row split by a page break carries a third action and a sentence more of response."""
    rng = random.Random(seed)
    rows = []
    for n in range(1, recommendations + 1):
        who, owner = ADDRESSEES[(n - 1) % len(ADDRESSEES)]
        decision = DECISIONS[(n - 1) % len(DECISIONS)]
        text = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}."
        past = today - timedelta(days=rng.randint(40, 300))
        soon = today + timedelta(days=rng.randint(5, 80))
        later = today + timedelta(days=rng.randint(120, 500))
        if decision == "Not Agreed":
            narrative = (
                "Not agreed: the operational reasons are set out here, with the affordability case."
            )
            targets = ["Not applicable"]
        else:
            narrative = (
                f"{decision}. We will {text[0].lower()}{text[1:-1]} and report progress to the "
                "oversight board each quarter."
            )
            targets = [f"{past:%B %Y}", "Completed" if n % 3 else f"{soon:%B %Y}"]
        continued = n % 4 == 0
        if continued:
            narrative += f"\n\n{FURTHER_STEP}"
            targets.append(f"{later:%B %Y}")
        rows.append(SampleRow(n, who, owner, decision, text, narrative, targets, continued))
    return rows


def _row_span(text: str, row: SampleRow) -> tuple[int, int]:
    """Where the row is in the generated text, its page-break continuation included."""
    start = text.index(f"\n{row.number}\t<p>{row.text}</p>\t") + 1
    end = text.index("\n", start)
    if row.continued:
        end = text.index("\n", end + 2)  # past the blank line, to the end of the continuation
    return start, end


def make_sample_plan(
    *,
    title: str,
    today: date,
    recommendations: int = 8,
    seed: int = 1,
    file_name: str = "sample_plan.txt",
    report: Report | None = None,
) -> ActionPlan:
    """A published plan to the report `title`, with overdue, due-soon and completed actions: the
    records ingesting the generated text makes, its source passages included. Given the `report`
    already stored under that title, the plan answers it as an imported one would: its
    recommendations are reused by label and the missing ones added."""
    text = sample_action_plan(title=title, today=today, recommendations=recommendations, seed=seed)
    source = SourceDocumentFactory(file_name=file_name, text=text)
    submitted = today - timedelta(days=400)
    if report is None:
        report = ReportFactory(
            title=title,
            published=submitted - timedelta(days=90),
            published_precision="day",
            created_from_action_plan=True,
        )
    known = {r.label: r for r in report.recommendations.filter(section="main")}
    plan = ActionPlanFactory(
        report=report,
        submitted=submitted,
        notes=[SAMPLE_NOTE],
        source=source,
        source_start=0,
        source_end=len(text),
    )
    rows = sample_rows(today=today, recommendations=recommendations, seed=seed)
    for index, row in enumerate(rows):
        addressed, owning, overseeing = (
            known_body(name) if name else None for name in SAMPLE_BODIES[row.addressee]
        )
        start, end = _row_span(text, row)
        provenance = {"source": source, "source_start": start, "source_end": end}
        recommendation = known.get(str(row.number)) or RecommendationFactory(
            report=report,
            label=str(row.number),
            order=index,
            addressee_text=row.addressee,
            text=row.text,
            addressees=[addressed],
            **provenance,
        )
        response = ResponseFactory(
            action_plan=plan,
            recommendation=recommendation,
            responding_organisation=owning,  # the owner column says who answered
            oversight_organisation=overseeing,
            decision=Decision(row.decision_text.lower().replace(" ", "_")),
            decision_text=row.decision_text,
            narrative=row.narrative,
            **provenance,
        )
        for order, target_text in enumerate(row.targets):
            ActionFactory(
                response=response,
                order=order,
                description=share_of(
                    row.narrative, owner=row.owner, target=target_text, of=len(row.targets)
                ),
                owner_text=row.owner,
                owner_organisation=owning,
                target_text=target_text,
                **provenance,
            )
    return plan
