"""Who may do what with a case's records beyond reading them: the questions the support page
asks, who may own a task, who sees a service's own tasks, and a closed case's tasks."""

from __future__ import annotations

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
