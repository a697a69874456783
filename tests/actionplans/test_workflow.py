"""A plan moves draft → submitted → published, by its organisation's approvers only."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from followthrough.actionplans.models import ActionPlan
from followthrough.actionplans.services import (
    action_plan_publish,
    action_plan_submit,
    action_save,
    response_record,
)
from followthrough.core.models import DomainEvent
from followthrough.organisations.models import Organisation
from tests.actionplans.factories import ActionFactory


def start(client, approver):
    """The approver starts the YJB's own draft plan for the sample report."""
    report = ActionPlan.objects.get().report
    client.force_login(approver)
    client.post(
        reverse("actionplans:action-plan-new", args=[report.pk]),
        {"organisation": Organisation.objects.get(short_name="YJB").pk},
    )
    return ActionPlan.objects.get(status="draft")


def complete(plan):
    """Every response agreed, in words, with one action that has a target still to come."""
    for response in plan.responses.all():
        response.decision = "agreed"
        response.narrative = "We will."
        response.save()
        ActionFactory(response=response, target_text="March 2099")


def test_a_plan_is_submitted_only_when_every_response_meets_the_rules(
    client, body_approver, sample_plan
):
    plan = start(client, body_approver)
    page = client.post(reverse("actionplans:plan-submit", args=[plan.pk]), follow=True)
    assert b"select a decision" in page.content
    plan.refresh_from_db()
    assert plan.status == "draft"
    complete(plan)
    client.post(reverse("actionplans:plan-submit", args=[plan.pk]))
    plan.refresh_from_db()
    assert plan.status == "submitted" and plan.submitted is not None
    response = plan.responses.first()
    edit = client.get(reverse("actionplans:response-edit", args=[response.pk]))
    assert edit.status_code == 404  # a submitted plan is no longer edited in place
    client.post(reverse("actionplans:plan-publish", args=[plan.pk]))
    plan.refresh_from_db()
    assert plan.status == "published"
    codes = set(DomainEvent.objects.values_list("code", flat=True))
    assert {"actionplans.action_plan.submitted", "actionplans.action_plan.published"} <= codes


def test_contributors_cannot_submit(client, body_approver, body_contributor, sample_plan):
    plan = start(client, body_approver)
    client.force_login(body_contributor)
    assert client.post(reverse("actionplans:plan-submit", args=[plan.pk])).status_code == 404


def test_two_approvers_pressing_at_once_move_the_plan_once(client, body_approver, sample_plan):
    """Each request holds its own copy of the plan, as two browsers would: the second copy still
    says draft (or submitted), but the plan as saved has moved on."""
    plan = start(client, body_approver)
    complete(plan)
    first, second = ActionPlan.objects.get(pk=plan.pk), ActionPlan.objects.get(pk=plan.pk)
    with transaction.atomic():
        action_plan_submit(plan=first, actor=body_approver, today=date.today())
    with pytest.raises(ValidationError, match="Only a draft plan"), transaction.atomic():
        action_plan_submit(plan=second, actor=body_approver, today=date.today())
    assert second.status == "submitted"  # the refused request now knows where the plan stands
    with transaction.atomic():
        action_plan_publish(plan=first, actor=body_approver)
    with pytest.raises(ValidationError, match="Only a submitted plan"), transaction.atomic():
        action_plan_publish(plan=second, actor=body_approver)
    moves = DomainEvent.objects.filter(
        object_id=plan.pk, code__startswith="actionplans.action_plan."
    )
    assert sorted(moves.values_list("code", flat=True)) == [
        "actionplans.action_plan.published",
        "actionplans.action_plan.started",
        "actionplans.action_plan.submitted",
        "actionplans.action_plan.versioned",
    ]
    assert plan.versions.count() == 1


def test_a_submitted_plan_is_not_changed_even_by_an_edit_begun_before(
    client, body_approver, sample_plan, superuser
):
    """The page refuses the edit; the services refuse it too, for an edit whose form was opened
    (and permission checked) while the plan was still a draft, superusers included."""
    plan = start(client, body_approver)
    complete(plan)
    response = plan.responses.first()
    action = response.actions.first()
    with transaction.atomic():
        action_plan_submit(plan=plan, actor=body_approver, today=date.today())
    with pytest.raises(ValidationError, match="has been submitted"), transaction.atomic():
        response_record(
            response=response,
            decision="not_agreed",
            reason_categories=["resources"],
            agreed_part="",
            narrative="Changed after submission",
            version=response.version,
            actor=superuser,
        )
    with pytest.raises(ValidationError, match="has been submitted"), transaction.atomic():
        action_save(
            response=response,
            action=action,
            description="Changed after submission",
            owner_text=action.owner_text,
            owner_organisation=None,
            target_text=action.target_text,
            measure=action.measure,
            version=action.version,
            actor=superuser,
        )
    response.refresh_from_db()
    action.refresh_from_db()
    assert response.narrative == "We will." and action.description != "Changed after submission"
