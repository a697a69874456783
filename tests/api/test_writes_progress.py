"""Progress and targets through the API on a published plan: the pages' services and wording,
the action owner's and the approver's rules, and Idempotency-Key on the creating POSTs."""

from __future__ import annotations

from datetime import date

from followthrough.actionplans.models import Action, ProgressUpdate, TargetRevision
from tests.api.writing import send, token_for

TODAY = date.today().isoformat()


def owned_action(known_bodies) -> Action:
    return Action.objects.filter(
        owner_organisation=known_bodies["YJB"],
        response__responding_organisation=known_bodies["YJB"],
    ).first()


def test_progress_is_reported_with_evidence(sample_plan, body_contributor, known_bodies):
    action = owned_action(known_bodies)
    url = f"/api/actions/{action.pk}/progress/"
    token = token_for(body_contributor)
    refused = send("POST", url, token, {"on": TODAY, "text": "Done", "new_status": "completed"})
    assert refused.status_code == 400
    assert refused.json()["errors"]["evidence"] == [
        "Give the evidence that shows the action is done"
    ]
    body = {
        "on": TODAY,
        "text": "Guidance published",
        "new_status": "completed",
        "evidence": "https://example.invalid/guidance",
    }
    made = send("POST", url, token, body)
    assert made.status_code == 201, made.content
    action.refresh_from_db()
    assert action.status == "completed" and action.evidence == body["evidence"]
    assert made.json()["author"] == body_contributor.pk


def test_the_same_idempotency_key_twice_creates_once_and_answers_the_first_again(
    sample_plan, body_contributor, known_bodies
):
    action = owned_action(known_bodies)
    url = f"/api/actions/{action.pk}/progress/"
    token = token_for(body_contributor)
    body = {"on": TODAY, "text": "Met the board"}
    first = send("POST", url, token, body, key="tracker-update-1")
    second = send("POST", url, token, body, key="tracker-update-1")
    assert first.status_code == second.status_code == 201
    assert second.json() == first.json() and second["Idempotent-Replayed"] == "true"
    assert ProgressUpdate.objects.filter(action=action, text="Met the board").count() == 1
    other = send("POST", url, token, {**body, "text": "Something else"}, key="tracker-update-1")
    assert other.status_code == 422
    assert "different request" in other.json()["detail"]
    assert send("POST", url, token, body, key="tracker-update-2").status_code == 201
    assert ProgressUpdate.objects.filter(action=action, text="Met the board").count() == 2


def test_a_refused_request_does_not_spend_its_key(sample_plan, body_contributor, known_bodies):
    action = owned_action(known_bodies)
    url = f"/api/actions/{action.pk}/progress/"
    token = token_for(body_contributor)
    assert send("POST", url, token, {"on": TODAY}, key="k").status_code == 400
    assert send("POST", url, token, {"on": TODAY, "text": "Fixed"}, key="k").status_code == 201


def test_a_new_target_is_proposed_and_approved_by_someone_else(
    sample_plan, body_contributor, body_approver, body_viewer, known_bodies
):
    action = owned_action(known_bodies)
    url = f"/api/actions/{action.pk}/target-revisions/"
    proposed = send(
        "POST", url, token_for(body_contributor), {"new_text": "June 2031", "reason": "Funding"}
    )
    assert proposed.status_code == 201, proposed.content
    revision = TargetRevision.objects.get(pk=proposed.json()["id"])
    decide = f"/api/target-revisions/{revision.pk}/decision/"
    assert send("POST", decide, token_for(body_viewer), {"decision": "approve"}).status_code == 403
    unclear = send("POST", decide, token_for(body_approver), {"decision": "maybe"})
    assert unclear.json()["errors"]["decision"] == ["Select approve or reject"]
    approved = send("POST", decide, token_for(body_approver), {"decision": "approve"})
    assert approved.status_code == 200, approved.content
    action.refresh_from_db()
    assert action.target_text == "June 2031"
    again = send("POST", decide, token_for(body_approver), {"decision": "reject"})
    assert again.status_code == 400
    assert again.json()["errors"]["non_field_errors"] == [
        "This new target has already been decided"
    ]


def test_progress_on_another_organisations_action_is_refused(
    sample_plan, other_body_contributor, body_contributor, known_bodies
):
    action = owned_action(known_bodies)
    url = f"/api/actions/{action.pk}/progress/"
    # The plan is published, so the other body sees the action but may not report on it.
    answer = send("POST", url, token_for(other_body_contributor), {"on": TODAY, "text": "x"})
    assert answer.status_code == 403
    missing = send("POST", "/api/actions/999999/progress/", token_for(body_contributor), {})
    assert missing.status_code == 404


def test_a_form_encoded_body_is_read_and_a_list_where_one_value_belongs_is_a_400(
    sample_plan, body_contributor, known_bodies
):
    """Found by tests/web/test_escaping.py posting a form to every address: a form-encoded body
    once reached the page's form as lists and failed."""
    from django.test import Client

    action = owned_action(known_bodies)
    url = f"/api/actions/{action.pk}/progress/"
    token = token_for(body_contributor)
    form_encoded = Client().post(
        url, {"on": TODAY, "text": "Done"}, HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    assert form_encoded.status_code == 201, form_encoded.content  # read as the JSON body would be
    listed = send("POST", url, token, {"on": TODAY, "text": ["Done", "twice"]})
    assert listed.status_code == 400
    assert listed.json()["errors"]["text"] == ["Enter one value here, not a list"]


def test_an_evidence_file_is_sent_as_multipart_checked_and_kept_once(
    sample_plan, body_contributor, known_bodies, settings, tmp_path, other_body_viewer
):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    settings.UPLOAD_ROOT = tmp_path
    action = owned_action(known_bodies)
    url = f"/api/actions/{action.pk}/progress/"
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token_for(body_contributor)}"}
    values = {"on": TODAY, "text": "Minutes agreed", "new_status": "completed", "evidence": ""}

    fake = SimpleUploadedFile("minutes.pdf", b"\x00\x01 not a pdf at all")
    refused = Client().post(url, values | {"evidence_file": fake}, **headers)
    assert refused.status_code == 400
    assert refused.json()["errors"]["evidence_file"][0].startswith("The selected file must be")
    assert not ProgressUpdate.objects.filter(action=action).exists()
    assert not list(tmp_path.iterdir())

    def sent(key: str, content: bytes):  # type: ignore[no-untyped-def]
        pdf = SimpleUploadedFile("Board minutes.pdf", content)
        return Client().post(
            url, values | {"evidence_file": pdf}, HTTP_IDEMPOTENCY_KEY=key, **headers
        )

    made = sent("minutes-1", b"%PDF-1.7 minutes of the board")
    assert made.status_code == 201, made.content
    assert made.json()["evidence_file_name"] == "Board minutes.pdf"
    again = sent("minutes-1", b"%PDF-1.7 minutes of the board")
    assert again.status_code == 201 and again["Idempotent-Replayed"] == "true"
    other = sent("minutes-1", b"%PDF-1.7 other minutes entirely")
    assert other.status_code == 422  # the same key with another file is another request
    update = ProgressUpdate.objects.get(action=action)
    action.refresh_from_db()
    assert action.status == "completed" and action.evidence == "File: Board minutes.pdf"

    # Read back as the page serves it, to anyone who may read the plan.
    reader = Client()
    reader.force_login(other_body_viewer)
    download = reader.get(f"/progress-updates/{update.pk}/evidence/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"%PDF-1.7 minutes of the board"
