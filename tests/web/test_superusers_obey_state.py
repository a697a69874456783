"""A superuser has powers over accounts, not over a record's state: a submitted plan is not edited,
a draft plan's action takes no progress, a signed-off self-assessment is read-only, for them too
(issue 12, item 12)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from followthrough.actionplans.models import ActionPlan
from followthrough.selfassessment.models import SelfAssessment
from tests.actionplans.factories import ActionFactory, ResponseFactory
from tests.selfassessment.factories import AssessedRecommendationFactory, SelfAssessmentFactory


@pytest.fixture
def root(superuser) -> Client:
    client = Client()
    client.force_login(superuser)
    return client


def _response(status: str):  # type: ignore[no-untyped-def]
    return ResponseFactory(action_plan__status=status)


def test_a_superuser_cannot_edit_a_submitted_plan(root):
    response = _response(ActionPlan.Status.SUBMITTED)
    assert root.get(reverse("actionplans:response-edit", args=[response.pk])).status_code == 404
    assert root.get(reverse("actionplans:action-new", args=[response.pk])).status_code == 404


@pytest.mark.parametrize("status", [ActionPlan.Status.DRAFT, ActionPlan.Status.PUBLISHED])
def test_a_superuser_may_still_edit_a_draft_or_amend_a_published_plan(root, status):
    response = _response(status)
    assert root.get(reverse("actionplans:response-edit", args=[response.pk])).status_code == 200


def test_a_superuser_cannot_report_progress_on_a_draft_plans_action(root):
    action = ActionFactory(response=_response(ActionPlan.Status.DRAFT))
    page = reverse("actionplans:action-progress", args=[action.pk])
    assert root.get(page).status_code == 404
    posted = root.post(page, {"on": "2026-01-01", "text": "Synthetic", "new_status": ""})
    assert posted.status_code == 404
    assert not action.updates.exists()


def test_a_superuser_may_report_progress_on_a_published_plans_action(root):
    action = ActionFactory(response=_response(ActionPlan.Status.PUBLISHED))
    assert root.get(reverse("actionplans:action-progress", args=[action.pk])).status_code == 200


def test_a_superuser_cannot_change_a_signed_off_self_assessment(root):
    assessment = SelfAssessmentFactory(status=SelfAssessment.Status.SIGNED_OFF)
    item = AssessedRecommendationFactory(assessment=assessment)
    page = reverse("selfassessment:item-edit", args=[item.pk])
    assert root.get(page).status_code == 404
    assert root.post(page, {"rating": "good", "version": item.version}).status_code == 404
    item.refresh_from_db()
    assert item.rating == ""
