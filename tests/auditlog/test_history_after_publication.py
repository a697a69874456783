"""A published plan's history starts at publication for outsiders: the drafting organisation and
the inspectorate keep every draft word; another organisation's reader sees the plan from its
first publication on (issue 12, item 1)."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from followthrough.actionplans.models import ActionPlan, Decision
from followthrough.actionplans.services import (
    action_plan_publish,
    action_plan_submit,
    action_save,
    response_record,
)
from tests.actionplans.factories import ResponseFactory

DRAFT = "Synthetic draft: we will not fund this"
FINAL = "Synthetic final wording: funded from April"
DRAFT_ACTION = "Synthetic draft action nobody outside should read"


@pytest.fixture
def published(known_bodies, body_approver, body_contributor):
    from datetime import date

    yjb = known_bodies["YJB"]
    response = ResponseFactory(
        action_plan__status=ActionPlan.Status.DRAFT,
        action_plan__coordinating_organisation=yjb,
        responding_organisation=yjb,
        decision="",
        narrative="",
    )
    plan = response.action_plan
    with transaction.atomic():
        response = response_record(
            response=response,
            decision=Decision.NOT_AGREED,
            reason_categories=["affordability"],
            agreed_part="",
            narrative=DRAFT,
            version=response.version,
            actor=body_contributor,
        )
        response = response_record(
            response=response,
            decision=Decision.AGREED,
            reason_categories=[],
            agreed_part="",
            narrative=FINAL,
            version=response.version,
            actor=body_contributor,
        )
        action = action_save(
            response=response,
            action=None,
            description=DRAFT_ACTION,
            owner_text="Synthetic lead",
            owner_organisation=yjb,
            target_text="March 2030",
            measure="",
            version=None,
            actor=body_contributor,
        )
        action = action_save(
            response=response,
            action=action,
            description="Synthetic published action",
            owner_text="Synthetic lead",
            owner_organisation=yjb,
            target_text="March 2030",
            measure="",
            version=action.version,
            actor=body_contributor,
        )
        action_plan_submit(plan=plan, actor=body_approver, today=date.today())
        action_plan_publish(plan=plan, actor=body_approver)
    return response, action


def _history(user, kind: str, pk: int) -> str:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    page = client.get(reverse("auditlog:object-history", args=[kind, pk]))
    assert page.status_code == 200
    return page.content.decode()


def test_another_organisation_reads_the_response_from_publication_on(published, viewer):
    response, _ = published
    html = _history(viewer, "response", response.pk)
    assert DRAFT not in html and "not_agreed" not in html and "affordability" not in html
    assert FINAL in html


def test_another_organisation_reads_the_action_from_publication_on(published, viewer):
    _, action = published
    html = _history(viewer, "action", action.pk)
    assert DRAFT_ACTION not in html
    assert "Synthetic published action" in html


@pytest.mark.parametrize("who", ["body_viewer", "inspector"])
def test_the_drafting_organisation_and_the_inspectorate_keep_every_word(published, who, request):
    response, action = published
    user = request.getfixturevalue(who)
    assert DRAFT in _history(user, "response", response.pk)
    assert DRAFT_ACTION in _history(user, "action", action.pk)
