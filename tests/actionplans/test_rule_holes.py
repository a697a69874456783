"""Rules with holes found by probing (issue 12, item 10): a quarter that does not exist is not a
date, a date in year 1 is not a date of an update or a judgement, and a new target needs a second
person to approve it."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from followthrough.actionplans.models import Action, TargetRevision
from followthrough.actionplans.services import progress_update_add, review_record
from followthrough.core.targets import parse_target
from tests.actionplans.factories import ActionFactory, ResponseFactory
from tests.inspections.factories import RecommendationFactory


@pytest.mark.parametrize("text", ["Q5 2027", "Q0 2027", "Q12 2027"])
def test_a_quarter_that_does_not_exist_is_not_read_as_a_year(text):
    assert parse_target(text).kind == "unknown"


def test_a_real_quarter_still_reads():
    assert parse_target("Q4 2027").due == "2027-12-31"


def test_an_update_dated_in_year_one_is_refused(db, body_contributor):
    action = ActionFactory(response=ResponseFactory())
    with pytest.raises(ValidationError) as refused:
        progress_update_add(
            action=action,
            on=date(1, 1, 1),
            text="Synthetic",
            new_status="",
            evidence="",
            actor=body_contributor,
            today=date.today(),
        )
    assert "The date of the update must be in 2000 or later" in refused.value.messages


def test_a_judgement_dated_in_year_one_is_refused(db, inspector):
    with pytest.raises(ValidationError) as refused:
        review_record(
            recommendation=RecommendationFactory(),
            on=date(1, 1, 1),
            judgement="achieved",
            evidence_grade="",
            commentary="Synthetic",
            actor=inspector,
            today=date.today(),
        )
    assert "The date of the judgement must be in 2000 or later" in refused.value.messages


def test_an_approver_cannot_approve_their_own_new_target(client, sample_plan, body_approver):
    action = Action.objects.filter(owner_organisation__short_name="YJB").first()
    first = action.target_text
    client.force_login(body_approver)
    client.post(
        reverse("actionplans:target-propose", args=[action.pk]),
        {"new_text": "December 2031", "reason": "Synthetic: funding moved"},
    )
    revision = TargetRevision.objects.get()
    page = client.post(
        reverse("actionplans:target-decide", args=[revision.pk]),
        {"decision": "approve"},
        follow=True,
    )
    assert "Someone other than the person who proposed it must approve" in page.content.decode()
    action.refresh_from_db()
    revision.refresh_from_db()
    assert action.target_text == first and revision.status == "proposed"
