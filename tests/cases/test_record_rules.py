"""Who may do what with a case's records beyond reading them: the questions the support page
asks, who may own a task, who sees a service's own tasks, and a closed case's tasks."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse

from followthrough.cases.models import Case, Task
from tests.cases.conftest import TODAY


def _post(client, name, case, data, *args):
    return client.post(reverse(f"cases:{name}", args=[case.pk, *args]), data)


def test_the_support_page_asks_every_question_and_keeps_the_answers(signed_in, case):
    from followthrough.cases.models import FIVE_CS, PERSONAL_SUPPORT

    case.personal_support = {"strengths": "Good with engines"}
    case.save()
    page = signed_in.get(reverse("cases:support", args=[case.pk])).content.decode()
    for code in PERSONAL_SUPPORT:
        assert f'name="q_{code}"' in page
    for code in FIVE_CS:
        assert f'name="c_{code}"' in page
    assert "Good with engines" in page


def test_a_task_goes_only_to_the_service_or_a_partner_agency(signed_in, case, outsider, inspector):
    page = signed_in.get(reverse("cases:task-new", args=[case.pk])).content.decode()
    hillside = outsider.memberships.get().organisation
    assert case.service.name in page and hillside.name not in page
    assert inspector.memberships.get().organisation.name not in page
    response = _post(
        signed_in,
        "task-new",
        case,
        {
            "description": "Share the plan",
            "owner": hillside.pk,
            "due_anchor": "release",
            "due_days": "1",
        },
    )
    assert "Select a valid choice" in response.content.decode()
    assert not Task.objects.filter(case=case).exists()


def test_only_the_services_case_workers_see_the_tasks_it_owns(
    client, case, board_member, practitioner
):
    task = Task.objects.create(case=case, description="Visit", owner=case.service, due_date=TODAY)
    for user in (board_member, practitioner):
        client.force_login(user)
        assert "NB-0500" not in client.get(reverse("cases:task-list")).content.decode()
        assert client.get(reverse("cases:task-update", args=[task.pk])).status_code == 404


def test_a_closed_cases_tasks_are_read_only(signed_in, case, client, health_partner):
    trust = health_partner.memberships.get().organisation
    task = Task.objects.create(case=case, description="Visit", owner=trust, due_date=TODAY)
    Case.objects.filter(pk=case.pk).update(closed_on=TODAY)
    client.force_login(health_partner)
    response = client.post(
        reverse("cases:task-update", args=[task.pk]), {"status": "done", "version": 1}
    )
    assert response.status_code == 404
    task.refresh_from_db()
    assert task.status == "open"


def test_a_mistyped_year_is_an_error_not_a_broken_caseload(signed_in, case):
    data = {
        "age_at_sentence": "16",
        "sex": "male",
        "ethnicity": "white",
        "care_status": "none",
        "cin_cp_history": "no",
        "send": "none",
        "sentence_type": "dto",
        "sentence_date": case.sentence_date.isoformat(),
        "earliest_release": "9999-11-01",
        "distance": "not_known",
        "version": case.version,
    }
    page = _post(signed_in, "case-edit", case, data).content.decode()
    assert "Earliest release date must be between 1990 and 2099" in page
    assert signed_in.get(reverse("cases:case-list")).status_code == 200


def test_a_form_without_its_version_says_to_open_the_page_again(signed_in, case):
    page = _post(signed_in, "case-close", case, {"closed_on": TODAY.isoformat(), "reason": "x"})
    assert "This page was out of date: open it again and make your change" in page.content.decode()


def test_redating_keeps_a_partners_update(case, case_manager, health_partner):
    from followthrough.cases.services import tasks_redate

    trust = health_partner.memberships.get().organisation
    task = Task.objects.create(
        case=case, description="Visit", owner=trust, due_anchor="sentence", due_offset_days=5
    )
    Task.objects.filter(pk=task.pk).update(status="done", note="Seen", version=2)
    assert tasks_redate(case=case, actor=case_manager) == 1
    task.refresh_from_db()
    assert (task.status, task.note, task.version) == ("done", "Seen", 2)
    assert task.due_date == case.sentence_date + timedelta(days=5)
