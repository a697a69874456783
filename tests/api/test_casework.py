"""Cases and tasks through the API: a service's case workers read its cases, each case handed
over is in the access log, a partner agency reads only the tasks it owns, and anyone else gets
404 or an empty list."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from followthrough.cases.models import CaseView, Task
from tests.cases.factories import CaseFactory, TaskFactory


def world(service, partner_org, cases: int = 2):
    made = CaseFactory.create_batch(cases, service=service)
    for case in made:
        TaskFactory(case=case, owner=service)
        TaskFactory(case=case, owner=partner_org)
    return made


def test_a_case_worker_reads_the_services_cases_and_each_read_is_logged(
    client, case_manager, youth_justice_service, health_partner
):
    made = world(youth_justice_service, health_partner.memberships.get().organisation)
    client.force_login(case_manager)
    body = client.get("/api/cases/?ordering=reference").json()
    assert [c["reference"] for c in body["results"]] == sorted(c.reference for c in made)
    assert CaseView.objects.filter(page="api:case-list", user=case_manager).count() == 2
    one = client.get(f"/api/cases/{made[0].pk}/").json()
    assert one["reference"] == made[0].reference
    assert one["version"] == made[0].version
    assert {"name", "date_of_birth", "address"}.isdisjoint(one)
    assert CaseView.objects.filter(page="api:case-detail", user=case_manager, case=made[0]).exists()
    tasks = client.get(f"/api/tasks/?case={made[0].pk}").json()["results"]
    assert len(tasks) == 2 and {t["case_reference"] for t in tasks} == {made[0].reference}


def test_a_partner_reads_only_its_own_tasks_and_none_of_the_cases(
    client, youth_justice_service, health_partner
):
    trust = health_partner.memberships.get().organisation
    made = world(youth_justice_service, trust)
    client.force_login(health_partner)
    assert client.get("/api/cases/").json()["results"] == []
    response = client.get(f"/api/cases/{made[0].pk}/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    tasks = client.get("/api/tasks/").json()["results"]
    assert sorted(t["id"] for t in tasks) == sorted(
        Task.objects.filter(owner=trust).values_list("pk", flat=True)
    )
    own = Task.objects.filter(owner=trust).first()
    assert client.get(f"/api/tasks/{own.pk}/").json()["case_reference"] == own.case.reference
    assert CaseView.objects.filter(page="api:task-detail", user=health_partner).count() == 1
    service_task = Task.objects.filter(owner=youth_justice_service).first()
    assert client.get(f"/api/tasks/{service_task.pk}/").status_code == 404


def test_an_outsider_and_a_superuser_see_no_case_and_no_task(
    client, outsider, superuser, youth_justice_service, health_partner
):
    made = world(youth_justice_service, health_partner.memberships.get().organisation)
    task = Task.objects.first()
    for user in (outsider, superuser):
        client.force_login(user)
        assert client.get("/api/cases/").json()["results"] == []
        assert client.get("/api/tasks/").json()["results"] == []
        assert client.get(f"/api/cases/{made[0].pk}/").status_code == 404
        assert client.get(f"/api/tasks/{task.pk}/").status_code == 404
    assert not CaseView.objects.exists()


def test_tasks_filter_by_status_and_cases_by_closed(
    client, case_manager, youth_justice_service, health_partner
):
    made = world(youth_justice_service, health_partner.memberships.get().organisation)
    Task.objects.filter(pk=Task.objects.first().pk).update(status="done")
    type(made[0]).objects.filter(pk=made[0].pk).update(closed_on="2026-10-01")
    client.force_login(case_manager)
    done = client.get("/api/tasks/?status=done").json()["results"]
    assert [t["status"] for t in done] == ["done"]
    closed = client.get("/api/cases/?closed=true").json()["results"]
    assert [c["id"] for c in closed] == [made[0].pk]
    still_open = client.get("/api/cases/?closed=false").json()["results"]
    assert [c["id"] for c in still_open] == [made[1].pk]


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200, url
    return len(ctx.captured_queries)


def test_case_and_task_lists_take_as_many_queries_with_ten_times_the_cases(
    client, case_manager, youth_justice_service, health_partner
):
    trust = health_partner.memberships.get().organisation
    client.force_login(case_manager)
    world(youth_justice_service, trust, cases=3)
    urls = ["/api/cases/", "/api/tasks/", f"/api/tasks/?owner={trust.pk}"]
    small = [queries(client, url) for url in urls]
    world(youth_justice_service, trust, cases=30)
    assert [queries(client, url) for url in urls] == small
    client.force_login(health_partner)
    assert queries(client, "/api/tasks/") <= max(small)
