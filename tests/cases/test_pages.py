"""The casework pages: the caseload in a fixed number of queries, the case page logging every
view, and a partner updating the one task it owns."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from followthrough.cases.models import CaseView, Meeting, Task
from tests.cases.factories import CaseFactory, TaskFactory


def make_cases(service, n: int, start: int = 0) -> None:
    today = timezone.localdate()
    for i in range(start, start + n):
        case = CaseFactory(
            service=service,
            reference=f"NB-{i + 1:04d}",
            sentence_date=today - timedelta(days=30 + i),
            earliest_release=today + timedelta(days=20 + i),
        )
        Meeting.objects.create(case=case, kind="initial", held_on=case.sentence_date)
        TaskFactory(case=case, owner=service, due_date=today - timedelta(days=1))


def test_the_caseload_shows_phase_and_what_is_late(client, youth_justice_service, case_manager):
    today = timezone.localdate()
    CaseFactory(
        service=youth_justice_service,
        reference="NB-0100",
        sentence_date=today - timedelta(days=20),
        earliest_release=today + timedelta(days=200),
    )
    client.force_login(case_manager)
    page = client.get(reverse("cases:case-list")).content.decode()
    assert "NB-0100" in page and "Sentenced" in page
    assert "Initial planning meeting held" in page  # late: ten days have passed
    filtered = client.get(reverse("cases:case-list"), {"phase": "released"}).content.decode()
    assert "NB-0100" not in filtered and "There are no cases in this phase" in filtered


def test_the_caseload_costs_the_same_queries_for_3_cases_as_for_30(
    client, youth_justice_service, case_manager
):
    client.force_login(case_manager)
    make_cases(youth_justice_service, 3)
    client.get(reverse("cases:case-list"))  # warm the session and the user's standing
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("cases:case-list"))
    make_cases(youth_justice_service, 27, start=3)
    with CaptureQueriesContext(connection) as many:
        page = client.get(reverse("cases:case-list"))
    assert "30 cases" in page.content.decode()
    assert len(many) == len(few), [q["sql"][:80] for q in many.captured_queries]


def test_the_case_page_costs_the_same_whatever_the_case_holds(
    client, youth_justice_service, case_manager
):
    client.force_login(case_manager)
    small = CaseFactory(service=youth_justice_service, reference="NB-0201")
    big = CaseFactory(service=youth_justice_service, reference="NB-0202")
    TaskFactory(case=small, owner=youth_justice_service)  # one of each: prefetches then run
    Meeting.objects.create(case=small, kind="review", held_on=date(2026, 4, 1))
    for _ in range(10):
        TaskFactory(case=big, owner=youth_justice_service)
        Meeting.objects.create(case=big, kind="review", held_on=date(2026, 4, 1))
    client.get(reverse("cases:case-detail", args=[small.pk]))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("cases:case-detail", args=[small.pk]))
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("cases:case-detail", args=[big.pk]))
    assert len(many) == len(few)


def test_every_view_of_a_case_is_logged(client, youth_justice_service, case_manager, outsider):
    case = CaseFactory(service=youth_justice_service, reference="NB-0300")
    client.force_login(case_manager)
    assert client.get(reverse("cases:case-detail", args=[case.pk])).status_code == 200
    client.force_login(outsider)
    assert client.get(reverse("cases:case-detail", args=[case.pk])).status_code == 404
    [view] = CaseView.objects.all()
    assert view.user == case_manager and view.page == "cases:case-detail"


def test_a_partner_sees_and_updates_only_its_own_task(
    client, youth_justice_service, case_manager, health_partner
):
    trust = health_partner.memberships.get().organisation
    case = CaseFactory(service=youth_justice_service, reference="NB-0400")
    theirs = TaskFactory(case=case, owner=trust, description="Register with a GP")
    TaskFactory(case=case, owner=youth_justice_service, description="Book the housing panel")
    client.force_login(health_partner)
    listing = client.get(reverse("cases:task-list")).content.decode()
    assert "Register with a GP" in listing and "NB-0400" in listing
    assert "Book the housing panel" not in listing
    assert client.get(reverse("cases:case-detail", args=[case.pk])).status_code == 404
    url = reverse("cases:task-update", args=[theirs.pk])
    refused = client.post(url, {"version": theirs.version})
    assert "Select whether the task is open, done or no longer needed" in refused.content.decode()
    done = client.post(url, {"status": "done", "note": "Registered", "version": theirs.version})
    assert done.status_code == 302
    theirs.refresh_from_db()
    assert theirs.status == Task.Status.DONE and theirs.history.first().history_user == (
        health_partner
    )


def test_the_board_pack_shows_counts_never_a_case_and_hides_small_numbers(
    client, youth_justice_service, board_member, outsider
):
    make_cases(youth_justice_service, 9)
    CaseFactory(service=youth_justice_service, reference="NB-0900", sex="female")
    client.force_login(board_member)
    page = client.get(reverse("cases:board")).content.decode()
    assert "Cases by phase and sex" in page and "fewer than 5" in page
    assert "NB-0" not in page  # no case reference anywhere
    assert ">10<" in page  # the grand total of cases
    client.force_login(outsider)
    other = client.get(reverse("cases:board"), {"service": youth_justice_service.pk})
    assert other.status_code == 404


def test_the_board_pack_costs_the_same_queries_for_3_cases_as_for_30(
    client, youth_justice_service, board_member
):
    client.force_login(board_member)
    make_cases(youth_justice_service, 3)
    client.get(reverse("cases:board"))
    cache.clear()  # the pack counted afresh each time: like is compared with like
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("cases:board"))
    make_cases(youth_justice_service, 27, start=3)
    cache.clear()
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("cases:board"))
    assert len(many) == len(few)


def test_the_national_view_is_for_the_yjb_and_the_inspectorate_and_shows_no_case(
    client, youth_justice_service, body_viewer, inspector, case_manager, outsider
):
    make_cases(youth_justice_service, 12)
    for reader in (body_viewer, inspector):
        client.force_login(reader)
        page = client.get(reverse("cases:national")).content.decode()
        assert "Cases by service and phase" in page and "Riverside Youth Justice Service" in page
        assert "NB-0" not in page
    for other in (case_manager, outsider):
        client.force_login(other)
        assert client.get(reverse("cases:national")).status_code == 404


def test_the_national_view_costs_the_same_queries_for_one_service_as_for_four(
    client, youth_justice_service, inspector
):
    from tests.organisations.factories import YouthJusticeServiceFactory

    client.force_login(inspector)
    make_cases(youth_justice_service, 3)
    client.get(reverse("cases:national"))
    cache.clear()  # the figures counted afresh each time: like is compared with like
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("cases:national"))
    for n in range(3):
        make_cases(YouthJusticeServiceFactory(name=f"Synthetic {n} Youth Justice Service"), 5)
    cache.clear()
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("cases:national"))
    assert len(many) == len(few)


def test_the_navigation_leads_each_person_to_their_casework_page(
    client, case_manager, board_member, inspector
):
    for person, shown, hidden in (
        (case_manager, "/cases/", "/cases/national/"),
        (board_member, "/cases/board/", 'href="/cases/"'),
        (inspector, "/cases/national/", "/cases/board/"),
    ):
        client.force_login(person)
        page = client.get(reverse("reporting:overview")).content.decode()
        assert f'href="{shown}"' in page, person.username
        assert hidden not in page, person.username


def test_the_service_admin_reads_who_viewed_its_cases(
    client, youth_justice_service, case_manager, service_manager, outsider
):
    from followthrough.organisations.models import Membership
    from tests.conftest import persona

    admin = persona("service-admin", youth_justice_service, Membership.Role.ADMIN)
    case = CaseFactory(service=youth_justice_service, reference="NB-0500")
    client.force_login(case_manager)
    client.get(reverse("cases:case-detail", args=[case.pk]))
    client.force_login(admin)
    page = client.get(reverse("cases:access-log")).content.decode()
    assert "case-manager" in page and "NB-0500" in page
    for other in (case_manager, service_manager):
        client.force_login(other)
        assert client.get(reverse("cases:access-log")).status_code == 404
    client.force_login(outsider)  # administers another service: sees its own log only
    assert "NB-0500" not in client.get(reverse("cases:access-log")).content.decode()


def test_a_case_manager_opens_a_case_and_is_told_what_is_wrong(
    client, youth_justice_service, case_manager, board_member
):
    client.force_login(case_manager)
    url = reverse("cases:case-new")
    refused = client.post(url, {"reference": "John Smith", "age_at_sentence": "9"}).content
    page = refused.decode()
    assert "There is a problem" in page
    assert "Enter the case reference your service issued" in page
    assert "The age at sentence must be 10 or more" in page
    assert "Select the sex" in page and "Enter the sentence date" in page
    data = {
        "reference": "NB-0600",
        "age_at_sentence": "16",
        "sex": "female",
        "ethnicity": "not_known",
        "care_status": "looked_after",
        "sentence_type": "dto",
        "sentence_date": "2026-11-02",
        "earliest_release": "2027-05-01",
    }
    opened = client.post(url, data)
    case = youth_justice_service.cases.get()
    assert opened["Location"] == reverse("cases:case-detail", args=[case.pk])
    assert case.pathways.count() == 8 and case.history.get().history_user == case_manager
    again = client.post(url, data).content.decode()
    assert "Riverside YJS already has case NB-0600" in again
    client.force_login(board_member)
    assert client.get(url).status_code == 404
