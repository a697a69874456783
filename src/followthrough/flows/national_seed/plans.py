"""The national dataset's inspections and plans: reports with their recommendations, each
report's action plan and a response to every recommendation, built in bulk the way the ingest
loaders and `response_record` build them; then every published plan's versions through the
plans' own services."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from simple_history.utils import bulk_create_with_history

from followthrough.actionplans.models import ActionPlan, Decision, Response
from followthrough.actionplans.services import action_save
from followthrough.actionplans.services.versions import version_record
from followthrough.ingest.sample import ADDRESSEES, OBJECTS, VERBS
from followthrough.inspections.models import Recommendation, Report
from followthrough.inspections.themes import themes_for
from followthrough.organisations.aliases import bodies_named_in

from .people import INSPECTORATE, People
from .sizes import RECOMMENDATIONS_PER_REPORT, Sizes

TOPICS = [
    "resettlement of children from custody",
    "education, training and employment",
    "accommodation on release",
    "health and wellbeing in the community",
    "out-of-court disposals",
    "work with victims",
    "serious youth violence",
    "children on remand",
]
LINES_OF_ENQUIRY = [
    "Has the management board agreed how this will be done locally?",
    "Do case records show it happening for most children?",
    "Does the board receive figures on it each quarter?",
]
EVIDENCE_PROMPTS = ["Board minutes", "A sample of case records"]
REASONS = ["operational", "affordability", "policy", "commissioning"]


@dataclass
class Plan:
    """One report's plan with its responses, in recommendation order."""

    plan: ActionPlan
    report: Report
    responses: list[Response]


def plan_status(number: int) -> str:
    """Most plans are published; one in ten waits for publication, one in forty is a draft."""
    if number % 40 == 39:
        return ActionPlan.Status.DRAFT
    if number % 10 == 8:
        return ActionPlan.Status.SUBMITTED
    return ActionPlan.Status.PUBLISHED


def _reports(people: People, sizes: Sizes, rng: random.Random, today: date) -> list[Report]:
    reports = []
    for n in range(1, sizes.reports + 1):
        published = today - timedelta(days=rng.randint(150, 1800))
        topic = TOPICS[(n - 1) % len(TOPICS)]
        reports.append(
            Report(
                title=f"Synthetic inspection {n:03d}: {topic}",
                kind=rng.choice([Report.Kind.THEMATIC] * 3 + [Report.Kind.JOINT_THEMATIC]),
                published=published,
            )
        )
    actor = people.user("inspectorate-admin")
    bulk_create_with_history(
        reports,
        Report,
        batch_size=500,
        default_user=actor,
        custom_historical_attrs=people.stamp(actor),
    )
    inspectorate = people.bodies[INSPECTORATE]
    Report.inspectorates.through.objects.bulk_create(
        Report.inspectorates.through(report=r, organisation=inspectorate) for r in reports
    )
    return reports


def _recommendations(
    people: People, reports: list[Report], rng: random.Random
) -> list[Recommendation]:
    recs, addressed = [], []
    themes: dict[str, list[str]] = {}
    for report in reports:
        for n in range(1, RECOMMENDATIONS_PER_REPORT + 1):
            who, _ = ADDRESSEES[(n - 1) % len(ADDRESSEES)]
            text = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}."
            if text not in themes:
                themes[text] = themes_for(text)
            for_services = who.startswith("Youth offending")
            rec = Recommendation(
                report=report,
                label=str(n),
                order=n,
                addressee_text=who,
                text=text,
                themes=themes[text],
                lines_of_enquiry=LINES_OF_ENQUIRY if for_services else [],
                evidence_prompts=EVIDENCE_PROMPTS if for_services else [],
            )
            recs.append(rec)
            addressed.append([people.bodies[b.name] for b in bodies_named_in(who)])
    actor = people.user("inspectorate-admin")
    bulk_create_with_history(
        recs,
        Recommendation,
        batch_size=500,
        default_user=actor,
        custom_historical_attrs=people.stamp(actor),
    )
    through = Recommendation.addressees.through
    through.objects.bulk_create(
        (
            through(recommendation=rec, organisation=org)
            for rec, orgs in zip(recs, addressed, strict=True)
            for org in orgs
        ),
        batch_size=2000,
    )
    return recs


def _response(plan: ActionPlan, rec: Recommendation, n: int, people: People) -> Response:
    """Agreed, agreed, partly agreed, agreed, not agreed: the rules `Response.clean` checks."""
    decision = [Decision.AGREED, Decision.AGREED, Decision.PARTLY_AGREED, Decision.AGREED][n % 4]
    if n % 10 == 9:
        decision = Decision.NOT_AGREED
    addressees = bodies_named_in(rec.addressee_text)
    responding = people.bodies[addressees[0].name] if addressees else people.bodies["YJB"]
    response = Response(
        action_plan=plan,
        recommendation=rec,
        responding_organisation=responding,
        decision=decision,
        decision_text=Decision(decision).label,
    )
    if decision != Decision.AGREED:
        response.reason_categories = [REASONS[n % len(REASONS)]]
        response.narrative = "Synthetic narrative: what will be done instead, and why."
    if decision == Decision.PARTLY_AGREED:
        response.agreed_part = "Synthetic: the first part will be done; the second is not funded."
    response.clean()
    return response


def plans_build(
    people: People, sizes: Sizes, rng: random.Random, today: date, advance: Any
) -> list[Plan]:
    """Reports, recommendations, one plan per report and a response to each recommendation."""
    reports = _reports(people, sizes, rng, today)
    recs = _recommendations(people, reports, rng)
    advance(len(reports) + len(recs))
    plans = []
    for n, report in enumerate(reports):
        status = plan_status(n)
        assert report.published is not None
        submitted = min(today, report.published + timedelta(days=rng.randint(60, 120)))
        plans.append(
            ActionPlan(
                report=report,
                title=f"Action plan: {report.title}",
                coordinating_organisation=people.bodies["YJB"],
                submitted=None if status == ActionPlan.Status.DRAFT else submitted,
                status=status,
            )
        )
    actor = people.user("contributor")
    stamp = people.stamp(actor)
    bulk_create_with_history(plans, ActionPlan, default_user=actor, custom_historical_attrs=stamp)
    by_report: dict[int, list[Response]] = {}
    responses = []
    for n, rec in enumerate(recs):
        response = _response(plans[n // RECOMMENDATIONS_PER_REPORT], rec, n, people)
        responses.append(response)
        by_report.setdefault(rec.report_id, []).append(response)
    bulk_create_with_history(
        responses, Response, batch_size=1000, default_user=actor, custom_historical_attrs=stamp
    )
    advance(len(responses))
    return [Plan(plan, plan.report, by_report[plan.report_id]) for plan in plans]


def versions_build(people: People, plans: list[Plan], today: date, advance: Any) -> int:
    """Version 1 of every published plan, through the versions service; one plan in five then
    amended once (an action's measure made clearer) through `action_save`, its version 2."""
    made = 0
    for n, plan in enumerate(p for p in plans if p.plan.status == ActionPlan.Status.PUBLISHED):
        approver = people.user("approver", n)
        version_record(plan.plan, actor=approver, note="Published")
        made += 1
        if n % 5 == 4:
            action = plan.responses[0].actions.order_by("order").first()
            if action is not None:
                action_save(
                    response=plan.responses[0],
                    action=action,
                    description=action.description,
                    owner_text=action.owner_text,
                    owner_organisation=action.owner_organisation,
                    target_text=action.target_text,
                    measure=f"{action.measure} Figures go to the oversight board each quarter.",
                    version=action.version,
                    actor=approver,
                    change_reason="The measure now says who sees the figures.",
                )
                made += 1
        advance(1)
    return made
