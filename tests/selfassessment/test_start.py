"""Starting a self-assessment: the default scope is what youth offending teams, their managers
and their boards were asked to do, across every ingested report."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from followthrough.inspections.models import Recommendation
from followthrough.organisations.models import Organisation
from followthrough.selfassessment.models import AssessedRecommendation, SelfAssessment
from followthrough.selfassessment.selectors import scope_recommendations
from followthrough.selfassessment.services import assessment_start
from tests.conftest import ingest_text
from tests.ingest.test_benchmarking import MADE as TOOL

# A benchmarking tool whose recommendations go to a YOT board and to a music partnership.
YOT_TOOL = TOOL.replace(
    "Music Partnership Boards should ensure", "YOT Management Boards should ensure"
)


@pytest.fixture
def service(db):
    return Organisation.objects.create(
        name="Riverside Youth Justice Service", short_name="Riverside YJS"
    )


def test_scope_is_what_services_and_their_boards_were_asked(db):
    ingest_text(YOT_TOOL, "tool.txt")
    scope = scope_recommendations()
    assert [r.addressee_text for r in scope] == ["YOT Management Boards"]
    others = Recommendation.objects.exclude(pk__in=[r.pk for r in scope])
    assert others.filter(addressee_text="Drum tutors").exists()


def test_starting_an_assessment_puts_the_scope_in_order_once_a_year(service, inspector):
    ingest_text(YOT_TOOL, "tool.txt")
    with transaction.atomic():
        assessment = assessment_start(organisation=service, year=2026, actor=inspector)
    assert assessment.status == SelfAssessment.Status.IN_PROGRESS
    items = list(AssessedRecommendation.objects.filter(assessment=assessment))
    assert [i.recommendation.addressee_text for i in items] == ["YOT Management Boards"]
    assert assessment.history.count() == 1
    with (
        pytest.raises(ValidationError, match="already has a 2026 assessment"),
        transaction.atomic(),
    ):
        assessment_start(organisation=service, year=2026, actor=inspector)
