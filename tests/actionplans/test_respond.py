"""Responding: a body starts a draft plan and records each response under the decision rules,
and two people editing the same response cannot overwrite each other silently."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from followthrough.actionplans.models import ActionPlan, Response
from followthrough.core.models import DomainEvent
from followthrough.organisations.models import Organisation


@pytest.fixture
def draft(client, body_contributor, sample_plan):
    """A YJB contributor starts YJB's own plan for the sample report."""
    report = ActionPlan.objects.get().report
    client.force_login(body_contributor)
    response = client.post(
        reverse("actionplans:action-plan-new", args=[report.pk]),
        {"organisation": Organisation.objects.get(short_name="YJB").pk},
    )
    assert response.status_code == 302
    return ActionPlan.objects.get(status="draft")


def edit(client, response, **data):
    values = {
        "decision": "",
        "reason_categories": [],
        "agreed_part": "",
        "narrative": "",
        "version": response.version,
    }
    values.update(data)
    return client.post(reverse("actionplans:response-edit", args=[response.pk]), values)


def test_starting_a_plan_responds_to_the_recommendations_addressed_to_you(draft):
    yjb = Organisation.objects.get(short_name="YJB")
    addressed = draft.report.recommendations.filter(addressees=yjb).count()
    assert addressed and draft.responses.count() == addressed
    assert draft.coordinating_organisation == yjb
    assert DomainEvent.objects.filter(code="actionplans.action_plan.started").exists()


def test_the_draft_is_visible_to_its_organisation_only(client, draft, other_body_viewer):
    page = client.get(
        reverse("actionplans:report-action-plan", args=[draft.report_id]), {"plan": draft.pk}
    )
    assert b"Edit" in page.content
    assert b"Not yet submitted" in page.content and b"Not known" not in page.content
    client.force_login(other_body_viewer)
    other = client.get(
        reverse("actionplans:report-action-plan", args=[draft.report_id]), {"plan": draft.pk}
    )
    assert other.status_code == 404


def test_partly_agreed_needs_reasons_and_the_part_agreed(client, draft):
    response = draft.responses.first()
    html = edit(client, response, decision="partly_agreed").content.decode()
    assert "There is a problem" in html
    assert "Select at least one reason: commissioning, policy, operational or affordability" in html
    assert "Say which part of the recommendation will be implemented" in html
    assert "Explain why the recommendation is not agreed in full" in html
    response.refresh_from_db()
    assert response.decision == "" and response.version == 1


def test_a_complete_response_is_saved_with_history_and_an_event(client, draft, body_contributor):
    response = draft.responses.first()
    saved = edit(
        client,
        response,
        decision="partly_agreed",
        reason_categories=["affordability", "policy"],
        agreed_part="The training part.",
        narrative="We cannot fund the rest.",
    )
    assert saved.status_code == 302
    response.refresh_from_db()
    assert response.decision == "partly_agreed"
    assert response.reason_categories == ["affordability", "policy"]
    assert response.version == 2
    assert response.history.first().history_user.username == body_contributor.username
    assert DomainEvent.objects.filter(code="actionplans.response.recorded").count() == 1


def test_no_decision_is_explained(client, draft):
    html = edit(client, draft.responses.first()).content.decode()
    assert "Select whether the recommendation is agreed, partly agreed or not agreed" in html


def test_an_edit_to_an_older_version_is_refused_and_shows_the_other_change(client, draft):
    response = draft.responses.first()
    first = edit(client, response, decision="agreed", narrative="Their words.")
    assert first.status_code == 302
    stale = edit(
        client, response, decision="not_agreed", reason_categories=["policy"], narrative="My words."
    )  # still carries version 1
    html = stale.content.decode()
    assert "Someone else saved this response after you opened it" in html
    assert "Their words." in html
    response.refresh_from_db()
    assert response.narrative == "Their words." and response.decision == "agreed"
    assert 'name="version" value="2"' in html


def test_the_rules_hold_outside_forms_too(draft):
    response = draft.responses.first()
    response.decision = "not_agreed"
    with pytest.raises(ValidationError) as caught:
        response.full_clean()
    assert set(caught.value.message_dict) == {"reason_categories", "narrative"}


def test_published_responses_are_not_edited_in_place(client, draft):
    published = Response.objects.filter(action_plan__status="published").first()
    assert edit(client, published, decision="agreed").status_code == 404


def test_a_refused_edit_keeps_the_users_words(client, draft):
    """Issue 12, item 8: the stale form shows exactly what was typed, not a Python list."""
    response = draft.responses.first()
    assert edit(client, response, decision="agreed", narrative="Their words.").status_code == 302
    stale = edit(
        client, response, decision="not_agreed", reason_categories=["policy"], narrative="My words."
    )
    html = stale.content.decode()
    assert "My words." in html
    assert "[&#x27;" not in html and "['" not in html
    assert "Select a decision" not in html
