"""Cases and their tasks through the API by the service's own reference: the case import's rows
and services, the case's version as its ETag, 404 for anyone who does not work the service's
cases, a partner updating only its own tasks, and every read or write in the case's access log."""

from __future__ import annotations

import pytest

from followthrough.cases.models import Case, CaseView, Task
from followthrough.core.models import DomainEvent
from tests.api.writing import send, token_for

CASE = {
    "age_at_sentence": 16,
    "sex": "male",
    "ethnicity": "white",
    "care_status": "looked_after",
    "sentence_type": "dto",
    "sentence_date": "2026-09-01",
    "release_date": "2027-01-15",
}
TASK = {"description": "Register with a GP", "owner": "Riverside NHS", "due_date": "2027-01-08"}


def url(reference: str) -> str:
    return f"/api/cases/by-reference/{reference}/"


@pytest.fixture
def opened(youth_justice_service, case_manager, health_partner) -> Case:
    answer = send("PUT", url("NB-0700"), token_for(case_manager), {**CASE, "tasks": [TASK]})
    assert answer.status_code == 201, answer.content
    return Case.objects.get(reference="NB-0700")


def test_a_case_and_its_tasks_are_opened_then_updated_by_reference(opened, case_manager):
    token = token_for(case_manager)
    assert opened.tasks.get().owner.short_name == "Riverside NHS"
    read = send("GET", url("NB-0700"), token)
    assert read.status_code == 200 and read["ETag"] == '"1"'
    assert read.json()["sex"] == "male" and read.json()["tasks"][0]["status"] == "open"
    body = {"release_date": "2027-01-22", "tasks": [{**TASK, "status": "done"}]}
    updated = send("PUT", url("NB-0700"), token, body, if_match=read["ETag"])
    assert updated.status_code == 200, updated.content
    assert updated["ETag"] == '"2"' and updated.json()["release_date"] == "2027-01-22"
    task = opened.tasks.get()  # matched by description and owner, not added again
    assert task.status == "done"
    pages = list(CaseView.objects.filter(case=opened).values_list("page", "user"))
    assert pages.count(("api:case-upsert", case_manager.pk)) == 3  # opened, read, updated


def test_the_imports_wording_names_the_wrong_field(youth_justice_service, case_manager):
    body = {**CASE, "sex": "x", "tasks": [{**TASK, "owner": "Nobody"}], "name": "A child"}
    refused = send("PUT", url("NB-0701"), token_for(case_manager), body)
    assert refused.status_code == 400
    assert "not a case field" in refused.json()["errors"]["name"][0]
    del body["name"]
    refused = send("PUT", url("NB-0701"), token_for(case_manager), body)
    assert refused.json()["errors"]["sex"][0].startswith("use one of")
    refused = send("PUT", url("NB-0701"), token_for(case_manager), {**body, "sex": "male"})
    assert refused.json()["errors"] == {
        "tasks[0]": ["column owner: no organisation is called 'Nobody'"]
    }
    assert not Case.objects.filter(reference="NB-0701").exists()


def test_a_stale_or_missing_if_match_is_refused(opened, case_manager):
    token = token_for(case_manager)
    assert send("PUT", url("NB-0700"), token, {"sex": "female"}).status_code == 428
    assert send("PUT", url("NB-0700"), token, {"sex": "female"}, if_match='"1"').status_code == 200
    late = send("PUT", url("NB-0700"), token, {"sex": "male"}, if_match='"1"')
    assert late.status_code == 412 and late.json()["version"] == 2 and late["ETag"] == '"2"'
    opened.refresh_from_db()
    assert opened.sex == "female"


def test_the_same_idempotency_key_opens_once(youth_justice_service, case_manager):
    token = token_for(case_manager)
    first = send("PUT", url("NB-0702"), token, CASE, key="cms-0702")
    second = send("PUT", url("NB-0702"), token, CASE, key="cms-0702")
    assert first.status_code == second.status_code == 201
    assert second["Idempotent-Replayed"] == "true" and second.json() == first.json()
    assert Case.objects.filter(reference="NB-0702").count() == 1
    # Without the key, sending it again is an update, which needs the ETag.
    assert send("PUT", url("NB-0702"), token, CASE).status_code == 428


def test_outsiders_get_404_and_a_read_only_token_403(
    opened, case_manager, health_partner, outsider, inspector, body_contributor
):
    for stranger in (health_partner, outsider, inspector, body_contributor):
        assert send("GET", url("NB-0700"), token_for(stranger)).status_code == 404
    for stranger in (health_partner, inspector, body_contributor):
        answer = send("PUT", url("NB-0700"), token_for(stranger), CASE, if_match='"1"')
        assert answer.status_code == 404
    read_only = token_for(case_manager, scope="read")
    assert send("PUT", url("NB-0700"), read_only, CASE, if_match='"1"').status_code == 403
    assert send("GET", url("NB-0700"), read_only).status_code == 200


def test_the_write_is_in_the_history_as_made_through_the_api(opened, case_manager):
    row = Case.history.filter(id=opened.pk).latest("history_date")
    assert row.history_user == case_manager and row.history_change_reason == "Through the API"
    event = DomainEvent.objects.filter(code="cases.case.opened").latest("at")
    assert event.actor == case_manager and event.data["via"] == "api"


def test_a_partner_updates_only_its_own_tasks(opened, case_manager, health_partner):
    own = opened.tasks.get()
    theirs = Task.objects.create(
        case=opened, description="Find a college place", owner=opened.service, due_date=None
    )
    token = token_for(health_partner)
    done = {"status": "done", "note": "Registered"}
    assert send("PATCH", f"/api/tasks/{own.pk}/update/", token, done).status_code == 428
    answer = send("PATCH", f"/api/tasks/{own.pk}/update/", token, done, if_match='"1"')
    assert answer.status_code == 200, answer.content
    own.refresh_from_db()
    assert own.status == "done" and own.note == "Registered" and answer["ETag"] == '"2"'
    stale = send("PATCH", f"/api/tasks/{own.pk}/update/", token, done, if_match='"1"')
    assert stale.status_code == 412
    assert (
        send("PATCH", f"/api/tasks/{theirs.pk}/update/", token, done, if_match='"1"').status_code
        == 404
    )
    unclear = send(
        "PATCH", f"/api/tasks/{own.pk}/update/", token, {"status": "maybe"}, if_match='"2"'
    )
    assert unclear.json()["errors"]["status"] == [
        "Select whether the task is open, done or no longer needed"
    ]
    assert CaseView.objects.filter(user=health_partner, page="api:task-update").count() == 1
