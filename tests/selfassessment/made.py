"""Self-assessments made for tests, in our own words: a service, two thematics' worth of
recommendations for services and their boards, each with lines of enquiry and evidence
sources."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from followthrough.inspections.models import Recommendation, Report
from followthrough.organisations.models import Organisation
from followthrough.selfassessment.models import SelfAssessment
from followthrough.selfassessment.services import assessment_start
from tests.inspections.factories import RecommendationFactory, ReportFactory
from tests.organisations.factories import YouthJusticeServiceFactory


def make_thematics(*, reports: int = 2, per_report: int = 3, lines: int = 3) -> list[Report]:
    made = []
    for r in range(reports):
        report = ReportFactory(
            title=f"A thematic inspection of made-up practice {r + 1}", published=date(2024, 1, 1)
        )
        Recommendation.objects.bulk_create(
            RecommendationFactory.build(
                report=report,
                label=str(n + 1),
                order=n,
                addressee_text="YOT Management Boards" if n % 2 == 0 else "YOT managers",
                text=f"Make sure practice area {n + 1} of thematic {r + 1} is reviewed yearly.",
                lines_of_enquiry=[
                    f"Is part {q + 1} of area {n + 1} in place?" for q in range(lines)
                ],
                evidence_prompts=[f"Minutes showing part {q + 1}" for q in range(2)],
            )
            for n in range(per_report)
        )
        made.append(report)
    return made


def make_service(name: str = "Riverside Youth Justice Service") -> Organisation:
    return YouthJusticeServiceFactory(name=name)


def make_assessment(service: Organisation, year: int, actor) -> SelfAssessment:  # type: ignore[no-untyped-def]
    with transaction.atomic():
        return assessment_start(organisation=service, year=year, actor=actor)
