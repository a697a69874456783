"""A published plan is amended, never overwritten: every change is a new version with a reason."""

from __future__ import annotations

from django.urls import reverse

from followthrough.actionplans.models import ActionPlan, PlanVersion
from followthrough.actionplans.services import plan_snapshot, snapshot_changes


def published_response(writer, client):
    """The sample plan, coordinated by the writer's organisation, and a response with actions."""
    plan = ActionPlan.objects.get()
    plan.coordinating_organisation = writer.memberships.get().organisation
    plan.save()
    client.force_login(writer)
    return plan, plan.responses.filter(actions__isnull=False).first()


def response_form(response, **changes):
    data = {
        "decision": response.decision or "agreed",
        "reason_categories": response.reason_categories,
        "agreed_part": response.agreed_part,
        "narrative": response.narrative,
        "version": response.version,
        "change_reason": "",
    }
    data.update(changes)
    return data


def test_changing_a_published_response_needs_a_reason(client, body_contributor, sample_plan):
    _, response = published_response(body_contributor, client)
    url = reverse("actionplans:response-edit", args=[response.pk])
    page = client.get(url).content.decode()
    assert "This plan is published" in page and "Why is the published plan changing?" in page
    html = client.post(url, response_form(response, narrative="Reworded")).content.decode()
    assert "Say why the published plan is changing" in html
    response.refresh_from_db()
    assert response.narrative != "Reworded" and not PlanVersion.objects.exists()


def test_each_amendment_is_a_new_version_and_the_first_is_kept(
    client, body_contributor, sample_plan
):
    plan, response = published_response(body_contributor, client)
    before = plan_snapshot(plan)
    url = reverse("actionplans:response-edit", args=[response.pk])
    form = response_form(response, narrative="Reworded", change_reason="Ministerial sign-off")
    assert client.post(url, form).status_code == 302
    first, second = PlanVersion.objects.order_by("number")
    assert (first.number, second.number) == (1, 2)
    assert first.snapshot == before  # the plan as first published, untouched
    assert second.note == "Ministerial sign-off" and second.author == body_contributor
    assert second.changes == [f"{response.recommendation.display_label}: response reworded"]
    page = client.get(reverse("actionplans:plan-version", args=[plan.pk, 1])).content.decode()
    assert "Owner:" in page and "Nothing: this is the plan as published" in page
    assert "Reworded" not in page
    plan_page = client.get(
        reverse("actionplans:report-action-plan", args=[plan.report_id]), {"plan": plan.pk}
    ).content.decode()
    assert "Version 2" in plan_page and "Ministerial sign-off" in plan_page


def test_a_published_target_moves_only_through_the_ledger(client, body_contributor, sample_plan):
    _, response = published_response(body_contributor, client)
    action = response.actions.first()
    url = reverse("actionplans:action-edit", args=[action.pk])
    data = {
        "description": action.description or "Do it",
        "owner_text": action.owner_text or "Head of service",
        "owner_organisation": "",
        "target_text": "March 2040",
        "measure": "Published",
        "version": action.version,
        "change_reason": "Clearer measure",
    }
    html = client.post(url, data).content.decode()
    assert "A published target moves only through the target ledger" in html
    data["target_text"] = action.target_text
    assert client.post(url, data).status_code == 302
    action.refresh_from_db()
    assert action.measure == "Published"
    latest = PlanVersion.objects.order_by("-number").first()
    assert any("measure of done changed" in c for c in latest.changes)


def test_snapshot_changes_name_added_actions_and_new_decisions():
    before = {
        "responses": [
            {
                "id": 1,
                "label": "R1",
                "decision": "agreed",
                "reasons": [],
                "agreed_part": "",
                "narrative": "",
                "actions": [],
            }
        ]
    }
    after = {
        "responses": [
            {
                "id": 1,
                "label": "R1",
                "decision": "not_agreed",
                "reasons": ["policy"],
                "agreed_part": "",
                "narrative": "",
                "actions": [
                    {
                        "id": 9,
                        "description": "A new thing",
                        "owner": "",
                        "target": "",
                        "measure": "",
                    }
                ],
            }
        ]
    }
    assert snapshot_changes(before, after) == [
        "R1: decision Agreed → Not agreed",
        "R1: reasons changed",
        "R1: action added – A new thing",
    ]


def test_publishing_records_version_one(client, body_approver, sample_plan):
    from tests.actionplans.test_workflow import complete, start

    plan = start(client, body_approver)
    complete(plan)
    client.post(reverse("actionplans:plan-submit", args=[plan.pk]))
    client.post(reverse("actionplans:plan-publish", args=[plan.pk]))
    version = plan.versions.get()
    assert version.number == 1 and version.note == "Published"
    assert len(version.snapshot["responses"]) == plan.responses.count()
