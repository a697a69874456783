"""Writing to action plans through the API: the pages' forms and services, their wording, the
pages' rules (outsiders 404, a reader who may not write 403), If-Match and ETag."""

from __future__ import annotations

from followthrough.actionplans.models import Action, Response
from tests.api.writing import drafting, send, token_for

AGREED = {"decision": "agreed", "narrative": "We will publish new guidance by March"}


def test_a_response_is_recorded_with_if_match_and_answers_its_new_etag(
    sample_plan, body_contributor, known_bodies
):
    response = drafting(sample_plan, known_bodies["YJB"])
    url = f"/api/responses/{response.pk}/record/"
    answer = send("PUT", url, token_for(body_contributor), AGREED, if_match=f'"{response.version}"')
    assert answer.status_code == 200, answer.content
    response.refresh_from_db()
    assert answer["ETag"] == f'"{response.version}"'
    assert answer.json()["narrative"] == AGREED["narrative"]
    assert answer.json()["version"] == response.version
    assert response.decision == "agreed" and response.narrative == AGREED["narrative"]


def test_patch_changes_only_what_it_sends(sample_plan, body_contributor, known_bodies):
    response = drafting(sample_plan, known_bodies["YJB"])
    before = response.decision
    url = f"/api/responses/{response.pk}/record/"
    patch = {"narrative": "A narrative changed on its own"}
    answer = send(
        "PATCH", url, token_for(body_contributor), patch, if_match=f'"{response.version}"'
    )
    assert answer.status_code == 200, answer.content
    response.refresh_from_db()
    assert response.narrative == patch["narrative"] and response.decision == before


def test_a_write_without_if_match_gets_428_as_problem_details(
    sample_plan, body_contributor, known_bodies
):
    response = drafting(sample_plan, known_bodies["YJB"])
    answer = send(
        "PUT", f"/api/responses/{response.pk}/record/", token_for(body_contributor), AGREED
    )
    assert answer.status_code == 428
    assert answer["Content-Type"] == "application/problem+json"
    assert "If-Match" in answer.json()["detail"]


def test_a_stale_if_match_gets_412_with_the_current_version(
    sample_plan, body_contributor, known_bodies
):
    response = drafting(sample_plan, known_bodies["YJB"])
    Response.objects.filter(pk=response.pk).update(version=response.version + 1, narrative="Theirs")
    url = f"/api/responses/{response.pk}/record/"
    answer = send("PUT", url, token_for(body_contributor), AGREED, if_match=f'"{response.version}"')
    assert answer.status_code == 412
    assert answer.json()["version"] == response.version + 1
    assert answer.json()["etag"] == answer["ETag"] == f'"{response.version + 1}"'
    assert Response.objects.get(pk=response.pk).narrative == "Theirs"
    garbled = send("PUT", url, token_for(body_contributor), AGREED, if_match="whatever")
    assert garbled.status_code == 412


def test_refusals_use_the_forms_wording(sample_plan, body_contributor, known_bodies):
    response = drafting(sample_plan, known_bodies["YJB"])
    url = f"/api/responses/{response.pk}/record/"
    answer = send("PUT", url, token_for(body_contributor), {}, if_match=f'"{response.version}"')
    assert answer.status_code == 400
    assert answer.json()["errors"]["decision"] == [
        "Select whether the recommendation is agreed, partly agreed or not agreed"
    ]
    action_url = f"/api/responses/{response.pk}/actions/"
    answer = send("POST", action_url, token_for(body_contributor), {"description": "Do it"})
    assert answer.json()["errors"]["owner_text"] == ["Enter who owns this action"]
    body = {"description": "Do it", "owner_text": "Head of policy", "target_text": "soonish"}
    answer = send("POST", action_url, token_for(body_contributor), body)
    assert answer.status_code == 400
    assert answer.json()["errors"]["target_text"][0].startswith("Enter a target we can read")


def test_outsiders_get_404_readers_who_may_not_write_403_and_read_only_tokens_403(
    sample_plan, body_contributor, body_viewer, other_body_contributor, known_bodies
):
    response = drafting(sample_plan, known_bodies["YJB"])
    url = f"/api/responses/{response.pk}/record/"
    tag = f'"{response.version}"'
    outsider = send("PUT", url, token_for(other_body_contributor), AGREED, if_match=tag)
    assert outsider.status_code == 404
    assert send("GET", url, token_for(other_body_contributor)).status_code == 404
    assert send("PUT", url, token_for(body_viewer), AGREED, if_match=tag).status_code == 403
    read_only = send("PUT", url, token_for(body_contributor, "read"), AGREED, if_match=tag)
    assert read_only.status_code == 403
    assert "can only read" in read_only.json()["detail"]
    assert Response.objects.get(pk=response.pk).version == response.version


def test_an_action_is_added_and_edited_through_the_api(sample_plan, body_contributor, known_bodies):
    response = drafting(sample_plan, known_bodies["YJB"])
    token = token_for(body_contributor)
    body = {
        "description": "Publish guidance",
        "owner_text": "Head of policy",
        "target_text": "March 2030",
    }
    made = send("POST", f"/api/responses/{response.pk}/actions/", token, body)
    assert made.status_code == 201, made.content
    action = Action.objects.get(pk=made.json()["id"])
    assert action.target_text == "March 2030" and made["ETag"] == f'"{action.version}"'
    url = f"/api/actions/{action.pk}/edit/"
    edited = send("PATCH", url, token, {"owner_text": "Chief executive"}, if_match=made["ETag"])
    assert edited.status_code == 200, edited.content
    action.refresh_from_db()
    assert action.owner_text == "Chief executive" and action.description == "Publish guidance"
    assert edited["ETag"] == f'"{action.version}"' != made["ETag"]
    again = send("PATCH", url, token, {"owner_text": "Someone"}, if_match=made["ETag"])
    assert again.status_code == 412 and again.json()["version"] == action.version


def test_a_recommendations_get_carries_its_version_as_etag(sample_plan, body_viewer):
    rec = sample_plan.responses.first().recommendation
    answer = send("GET", f"/api/recommendations/{rec.pk}/", token_for(body_viewer, "read"))
    assert answer["ETag"] == f'"{rec.version}"'
