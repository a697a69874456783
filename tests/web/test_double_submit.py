"""A double click creates one thing (issue 12, item 7): every form that creates carries a one-time
token, and the same token sent twice creates once; the second post is taken to where the first
went."""

from __future__ import annotations

import re
from datetime import date

from django.urls import reverse

from followthrough.actionplans.models import (
    Action,
    ActionPlan,
    ProgressUpdate,
    Review,
    TargetRevision,
)
from followthrough.selfassessment.models import ImprovementAction, ImprovementUpdate
from tests.selfassessment.made import make_assessment, make_thematics


def token_of(client, url: str, action: str | None = None) -> str:
    """The one-time token of the form on the page that posts to `action` (or to the page)."""
    html = client.get(url).content.decode()
    forms = re.findall(r"<form\b([^>]*)>(.*?)</form>", html, re.S)
    for attributes, body in forms:
        target = re.search(r'\baction="([^"]*)"', attributes)
        if (target.group(1) if target else url) == (action or url):
            found = re.search(r'name="once" value="([0-9a-f]{32})"', body)
            assert found, f"the form posting to {action or url} carries no one-time token"
            return found.group(1)
    raise AssertionError(f"no form posts to {action or url}")


def twice(client, url: str, data: dict, action: str | None = None):
    data = {**data, "once": token_of(client, url, action)}
    first = client.post(action or url, data)
    second = client.post(action or url, data)
    return first, second


def test_adding_an_action_twice_adds_one(client, body_contributor, sample_plan):
    client.force_login(body_contributor)
    report = ActionPlan.objects.get().report
    client.post(
        reverse("actionplans:action-plan-new", args=[report.pk]),
        {"organisation": body_contributor.memberships.get().organisation_id},
    )
    response = ActionPlan.objects.get(status="draft").responses.first()
    before = Action.objects.count()
    first, second = twice(
        client,
        reverse("actionplans:action-new", args=[response.pk]),
        {
            "description": "Publish synthetic guidance",
            "owner_text": "Head of Synthetic Practice",
            "target_text": "March 2099",
            "measure": "Guidance published",
        },
    )
    assert first.status_code == second.status_code == 302
    assert second["Location"] == first["Location"]
    assert Action.objects.count() == before + 1


def _owned_action(body_contributor) -> Action:
    return Action.objects.filter(
        owner_organisation=body_contributor.memberships.get().organisation
    ).first()


def test_recording_progress_twice_records_it_once(client, body_contributor, sample_plan):
    client.force_login(body_contributor)
    action = _owned_action(body_contributor)
    before = ProgressUpdate.objects.filter(action=action).count()
    url = reverse("actionplans:action-progress", args=[action.pk])
    first, second = twice(client, url, {"on": date.today().isoformat(), "text": "Synthetic"})
    assert first.status_code == second.status_code == 302
    assert ProgressUpdate.objects.filter(action=action).count() == before + 1


def test_proposing_a_target_twice_proposes_it_once(client, body_contributor, sample_plan):
    client.force_login(body_contributor)
    action = _owned_action(body_contributor)
    page = reverse("actionplans:action-progress", args=[action.pk])
    twice(
        client,
        page,
        {"new_text": "December 2031", "reason": "Synthetic: funding moved"},
        action=reverse("actionplans:target-propose", args=[action.pk]),
    )
    assert TargetRevision.objects.filter(action=action).count() == 1


def test_recording_a_judgement_twice_records_it_once(client, inspector, sample_plan):
    client.force_login(inspector)
    recommendation = ActionPlan.objects.get().responses.first().recommendation
    twice(
        client,
        reverse("actionplans:review-new", args=[recommendation.pk]),
        {
            "on": date.today().isoformat(),
            "judgement": "achieved",
            "evidence_grade": "document_verified",
            "commentary": "Synthetic",
        },
    )
    assert Review.objects.filter(recommendation=recommendation).count() == 1


def test_improvement_actions_and_their_progress_are_created_once(
    client, youth_justice_service, service_manager
):
    make_thematics()
    item = make_assessment(youth_justice_service, 2026, service_manager).items.first()
    client.force_login(service_manager)
    twice(
        client,
        reverse("selfassessment:improvement-new", args=[item.pk]),
        {
            "description": "Publish a synthetic review",
            "owner_text": "Head of Service",
            "target_text": "March 2099",
            "measure": "Review published",
        },
    )
    [action] = ImprovementAction.objects.all()
    twice(
        client,
        reverse("selfassessment:improvement-progress", args=[action.pk]),
        {"on": date.today().isoformat(), "text": "Synthetic"},
    )
    assert ImprovementUpdate.objects.filter(action=action).count() == 1


def test_a_form_refused_for_its_errors_can_be_corrected_and_sent(client, inspector, sample_plan):
    """The token is spent only by a post that saved something: a form shown again with its
    errors, re-sent as it was (the browser's back button), still saves."""
    client.force_login(inspector)
    recommendation = ActionPlan.objects.get().responses.first().recommendation
    url = reverse("actionplans:review-new", args=[recommendation.pk])
    token = token_of(client, url)
    refused = client.post(url, {"once": token, "on": "", "judgement": "achieved"})
    assert refused.status_code == 200
    saved = client.post(
        url,
        {
            "once": token,
            "on": date.today().isoformat(),
            "judgement": "achieved",
            "evidence_grade": "document_verified",
            "commentary": "Synthetic",
        },
    )
    assert saved.status_code == 302
    assert Review.objects.filter(recommendation=recommendation).count() == 1
