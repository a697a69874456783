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


def _draft_response(decision="agreed", narrative="Synthetic response."):
    from tests.actionplans.factories import ActionPlanFactory

    plan = ActionPlanFactory(status="draft", submitted=None)
    return ResponseFactory(action_plan=plan, decision=decision, narrative=narrative)


def test_a_target_before_the_plan_is_refused_on_a_new_plan(db, body_contributor):
    from followthrough.actionplans.services import action_save

    response = _draft_response()
    with pytest.raises(ValidationError) as refused:
        action_save(
            response=response,
            action=None,
            description="Publish synthetic guidance",
            owner_text="Head of Synthetic Practice",
            owner_organisation=None,
            target_text="March 2010",
            measure="Guidance published",
            version=None,
            actor=body_contributor,
        )
    assert "The target date must be after the plan's date" in " ".join(refused.value.messages)
    assert not response.actions.exists()


def test_the_smart_check_of_a_draft_counts_a_past_target_as_before_the_plan(db):
    from followthrough.actionplans.selectors import plan_table

    response = _draft_response()
    ActionFactory(response=response, target_text="March 2010")
    sections = plan_table(response.action_plan, today=date(2026, 11, 29), user=None)
    checks = {
        a.check
        for s in sections
        for _, rows in s.groups
        for r in rows
        for v in r.actions
        for a in v.advice
    }
    assert "after_plan" in checks


def _submit(plan, actor):
    from followthrough.actionplans.services import action_plan_submit

    with pytest.raises(ValidationError) as refused:
        action_plan_submit(plan=plan, actor=actor, today=date(2026, 11, 29))
    return refused.value.messages


def test_an_agreed_response_with_a_blank_response_is_not_submitted(db, body_approver):
    response = _draft_response(narrative="")
    ActionFactory(response=response)
    problems = _submit(response.action_plan, body_approver)
    assert any("enter the response" in p for p in problems)


def test_an_agreed_response_with_no_action_is_not_submitted(db, body_approver):
    response = _draft_response()
    problems = _submit(response.action_plan, body_approver)
    assert any("add at least one action" in p for p in problems)


def test_submit_names_every_problem_of_every_response(client, db, body_approver):
    from followthrough.organisations.models import Organisation

    plan = _draft_response(narrative="").action_plan
    plan.coordinating_organisation = Organisation.objects.get(short_name="YJB")
    plan.save()
    for _ in range(11):
        ResponseFactory(action_plan=plan, decision="", narrative="")
    problems = _submit(plan, body_approver)
    assert len(problems) == 13  # blank text and no action on the first; no decision on eleven
    client.force_login(body_approver)
    page = client.post(reverse("actionplans:plan-submit", args=[plan.pk]), follow=True)
    assert page.content.decode().count("select a decision") == 11
