"""What the service manager reads on the caseload: where the children are, a page at a time,
closed cases only when asked, and the overdue tasks escalated to the managers; and what a
partner reads on its task list."""

from __future__ import annotations

from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone

from followthrough.cases.models import Case, Task, TaskEscalation
from followthrough.cases.selectors import CASELOAD_PAGE, TASK_PAGE
from tests.cases.factories import CaseFactory, TaskFactory


def test_the_caseload_pages_and_counts_every_phase(client, youth_justice_service, case_manager):
    today = timezone.localdate()
    Case.objects.bulk_create(
        CaseFactory.build(
            service=youth_justice_service,
            reference=f"NB-{i:04d}",
            sentence_date=today - timedelta(days=5),
            earliest_release=today + timedelta(days=300),
        )
        for i in range(1, CASELOAD_PAGE + 3)
    )
    CaseFactory(service=youth_justice_service, reference="NB-9999", closed_on=today)
    client.force_login(case_manager)
    first = client.get(reverse("cases:case-list")).content.decode()
    assert f"{CASELOAD_PAGE + 2} cases open, page 1 of 2" in first
    assert "NB-9999" not in first and "1 case<span" in first  # counted as closed, not listed
    second = client.get(reverse("cases:case-list"), {"page": "2"}).content.decode()
    assert second.count('href="/cases/') - first.count('href="/cases/') < 0
    assert "page 2 of 2" in second and 'rel="prev"' in second
    closed = client.get(reverse("cases:case-list"), {"phase": "closed"}).content.decode()
    assert "NB-9999" in closed and "NB-0001" not in closed
    beyond = client.get(reverse("cases:case-list"), {"page": "99"}).content.decode()
    assert "page 2 of 2" in beyond


def test_tasks_escalated_to_the_managers_are_on_the_caseload(
    client, youth_justice_service, case_manager, health_partner
):
    trust = health_partner.memberships.get().organisation
    case = CaseFactory(service=youth_justice_service, reference="NB-0700")
    task = TaskFactory(case=case, owner=trust, description="Book a dentist")
    TaskEscalation.objects.create(task=task, step=1, days=2, raised_on=date(2026, 8, 3))
    client.force_login(case_manager)
    page = client.get(reverse("cases:case-list")).content.decode()
    assert "escalated to the service" not in page  # a reminder to the agency is its own
    TaskEscalation.objects.create(task=task, step=2, days=8, raised_on=date(2026, 8, 9))
    page = client.get(reverse("cases:case-list")).content.decode()
    assert "Overdue tasks escalated to the service's managers (1)" in page
    assert "Book a dentist" in page and "With the managers" in page
    detail = client.get(reverse("cases:case-detail", args=[case.pk])).content.decode()
    assert "(escalated to the service&#x27;s managers)" in detail


def test_a_partner_sees_open_tasks_first_and_the_rest_when_asked(
    client, youth_justice_service, health_partner
):
    trust = health_partner.memberships.get().organisation
    case = CaseFactory(service=youth_justice_service, reference="NB-0800")
    TaskFactory(case=case, owner=trust, description="Open step", due_date=date(2020, 1, 1))
    TaskFactory(case=case, owner=trust, description="Finished step", status=Task.Status.DONE)
    client.force_login(health_partner)
    page = client.get(reverse("cases:task-list")).content.decode()
    assert "Open step" in page and "Finished step" not in page and "Overdue" in page
    TaskFactory(case=case, owner=trust, description="Dropped step", status=Task.Status.CANCELLED)
    everything = client.get(reverse("cases:task-list"), {"show": "all"}).content.decode()
    assert "Finished step" in everything and "3 tasks" in everything
    # Open tasks come first, though "cancelled" and "done" come before "open" by letter.
    assert everything.index("Open step") < everything.index("Dropped step")
    assert everything.index("Open step") < everything.index("Finished step")


def test_a_partner_reads_its_tasks_a_page_at_a_time_in_the_same_queries(
    client, youth_justice_service, health_partner, django_assert_max_num_queries
):
    trust = health_partner.memberships.get().organisation
    case = CaseFactory(service=youth_justice_service, reference="NB-0810")
    TaskFactory(case=case, owner=trust, description="Step 000", due_date=date(2020, 1, 1))
    client.force_login(health_partner)
    client.get(reverse("cases:task-list"))
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("cases:task-list"))
    later = date(2099, 1, 1)
    Task.objects.bulk_create(
        TaskFactory.build(case=case, owner=trust, description=f"Step {i:03d}", due_date=later)
        for i in range(1, TASK_PAGE + 2)
    )
    with django_assert_max_num_queries(len(few.captured_queries)):
        first = client.get(reverse("cases:task-list")).content.decode()
    assert f"{TASK_PAGE + 2} open tasks, page 1 of 2" in first and "1 task is overdue" in first
    assert first.count("Step ") == TASK_PAGE and "Step 000" in first and 'rel="next"' in first
    second = client.get(reverse("cases:task-list"), {"page": "2"}).content.decode()
    assert second.count("Step ") == 2 and "Step 000" not in second and 'rel="prev"' in second
    everything = client.get(reverse("cases:task-list"), {"show": "all", "page": "2"})
    assert 'href="?show=all&amp;page=1"' in everything.content.decode()


def test_accommodation_not_confirmed_says_how_many_weeks_are_left(
    client, youth_justice_service, case_manager
):
    today = timezone.localdate()
    CaseFactory(
        service=youth_justice_service,
        reference="NB-0720",
        sentence_date=today - timedelta(days=120),
        earliest_release=today + timedelta(days=15),
    )
    client.force_login(case_manager)
    page = client.get(reverse("cases:case-list")).content.decode()
    assert "Accommodation not confirmed, 2 weeks to go" in page


def test_the_database_places_each_case_in_the_phase_the_milestone_rules_give(
    youth_justice_service, case_manager
):
    from followthrough.cases.models import Meeting
    from followthrough.cases.selectors import case_phase, caseload

    today = timezone.localdate()
    made = {
        "sentenced": {"earliest_release": today + timedelta(days=100)},
        "in_custody": {"earliest_release": today + timedelta(days=57)},
        "release_soon": {"earliest_release": today + timedelta(days=56)},
        "released": {"earliest_release": today, "release_date": today},
        "closed": {"closed_on": today},
        "closing": {"closed_on": today + timedelta(days=3), "release_date": today},
    }
    for n, (name, dates) in enumerate(made.items()):
        case = CaseFactory(
            service=youth_justice_service,
            reference=f"NB-{n:04d}",
            sentence_date=today - timedelta(days=40),
            **dates,
        )
        if name in ("in_custody",):
            Meeting.objects.create(case=case, kind="initial", held_on=today - timedelta(days=30))
        if name == "sentenced":
            Meeting.objects.create(case=case, kind="review", held_on=today - timedelta(days=30))
    placed = Case.objects.with_phase(today=today)
    assert {c.reference: c.phase_code for c in placed} == {
        c.reference: case_phase(c, today=today) for c in Case.objects.all()
    }
    load = caseload(case_manager, today=today)
    assert load.by_phase == {
        "sentenced": 1,
        "in_custody": 1,
        "release_soon": 1,
        "released": 1,
        "closed": 2,  # a closing date set, even ahead, takes a case off the open list
    }
    assert load.count == 4
    released = caseload(case_manager, today=today, phase_filter="released")
    assert [r.case.reference for r in released.rows] == ["NB-0003"] and released.count == 1
    closed = caseload(case_manager, today=today, phase_filter="closed")
    assert [r.case.reference for r in closed.rows] == ["NB-0004", "NB-0005"]
