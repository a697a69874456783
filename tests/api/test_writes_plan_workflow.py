"""A plan's whole life through the API: started for one of the caller's organisations, answered,
submitted once every response meets the decision rules, then published — under the pages'
rules, with the pages' words when something is refused."""

from __future__ import annotations

from followthrough.actionplans.models import ActionPlan
from followthrough.core.models import DomainEvent
from tests.api.writing import ADDED, DECIDED, send, token_for


def start(token: str, report_id: int, organisation_id: int):  # type: ignore[no-untyped-def]
    url = f"/api/reports/{report_id}/action-plans/"
    return send("POST", url, token, {"organisation": organisation_id})


def test_a_plan_is_started_answered_submitted_and_published(
    sample_plan, body_approver, known_bodies
):
    token, yjb = token_for(body_approver), known_bodies["YJB"]
    started = start(token, sample_plan.report_id, yjb.pk)
    assert started.status_code == 201, started.content
    body = started.json()
    assert body["status"] == "draft" and body["coordinating_organisation"] == yjb.pk
    assert body["responses"], "a response to each recommendation addressed to the YJB"
    again = start(token, sample_plan.report_id, yjb.pk)
    assert again.status_code == 200 and again.json()["id"] == body["id"]

    url = f"/api/action-plans/{body['id']}/"
    refused = send("POST", url + "submit/", token)
    assert refused.status_code == 400
    problems = refused.json()["errors"]["non_field_errors"]
    assert any(p.endswith("select a decision") for p in problems), problems
    assert send("POST", url + "publish/", token).json()["errors"] == {
        "non_field_errors": ["Only a submitted plan can be published"]
    }

    for response in body["responses"]:
        record = f"/api/responses/{response['id']}/record/"
        recorded = send("PUT", record, token, DECIDED, if_match=f'"{response["version"]}"')
        assert recorded.status_code == 200, recorded.content
        added = send("POST", f"/api/responses/{response['id']}/actions/", token, ADDED)
        assert added.status_code == 201, added.content

    submitted = send("POST", url + "submit/", token)
    assert submitted.status_code == 200, submitted.content
    assert submitted.json()["status"] == "submitted" and submitted.json()["submitted"]
    assert send("POST", url + "submit/", token).status_code == 400  # once only
    published = send("POST", url + "publish/", token)
    assert published.status_code == 200 and published.json()["status"] == "published"

    plan = ActionPlan.objects.get(pk=body["id"])
    assert plan.versions.count() == 1
    assert {h.history_change_reason for h in plan.history.all()} == {"Through the API"}
    codes = DomainEvent.objects.filter(object_id=plan.pk).values_list("code", flat=True)
    assert {"actionplans.action_plan.submitted", "actionplans.action_plan.published"} <= set(codes)


def test_only_the_plans_approvers_move_it(
    sample_plan,
    body_approver,
    body_contributor,
    other_body_contributor,
    known_bodies,
):
    answer = start(token_for(body_approver), sample_plan.report_id, known_bodies["YJB"].pk)
    submit = f"/api/action-plans/{answer.json()['id']}/submit/"
    # A contributor sees the draft but may not submit it; another organisation does not see it;
    # the approver's read-only token may not either.
    assert send("POST", submit, token_for(body_contributor)).status_code == 403
    assert send("POST", submit, token_for(other_body_contributor)).status_code == 404
    assert send("POST", submit, token_for(body_approver, "read")).status_code == 403
    assert ActionPlan.objects.get(pk=answer.json()["id"]).status == "draft"


def test_a_plan_is_started_only_for_the_callers_own_organisation(
    sample_plan, body_contributor, body_viewer, known_bodies
):
    refused = start(token_for(body_contributor), sample_plan.report_id, known_bodies["MoJ"].pk)
    assert refused.status_code == 400
    assert refused.json()["errors"] == {"organisation": ["Select the organisation the plan is for"]}
    # Someone who sees the report but writes for no organisation may not start one.
    viewer = start(token_for(body_viewer), sample_plan.report_id, known_bodies["YJB"].pk)
    assert viewer.status_code == 403
    assert not ActionPlan.objects.filter(status="draft").exists()
