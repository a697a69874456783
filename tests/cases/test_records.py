"""The case manager's pages: each saves through its service with history, explains a mistake
in GOV.UK wording, refuses a stale edit without losing it, and writes the view to the access
log. A closed case is read-only, for everyone."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from followthrough.cases.models import Case, CasePathway, CaseView, Contact, Meeting, Task
from tests.cases.conftest import TODAY


def _post(client, name, case, data, *args):
    return client.post(reverse(f"cases:{name}", args=[case.pk, *args]), data)


def test_changing_the_case_keeps_history_and_redates_relative_tasks(signed_in, case):
    page = signed_in.get(reverse("cases:case-edit", args=[case.pk]))
    assert page.status_code == 200 and "Change the case" in page.content.decode()
    assert CaseView.objects.filter(case=case, page="cases:case-edit").count() == 1
    signed_in.post(
        reverse("cases:task-new", args=[case.pk]),
        {
            "description": "Confirm a supported housing place",
            "owner": case.service.pk,
            "due_anchor": "earliest_release",
            "due_days": "28",
        },
    )
    task = Task.objects.get(case=case)
    assert task.due_date == case.earliest_release - timedelta(days=28)
    data = {
        "age_at_sentence": "16",
        "sex": "male",
        "ethnicity": "white",
        "care_status": "looked_after",
        "cin_cp_history": "yes",
        "send": "ehcp",
        "sentence_type": "dto",
        "sentence_months": "8",
        "sentence_date": case.sentence_date.isoformat(),
        "earliest_release": (TODAY + timedelta(days=30)).isoformat(),
        "distance": "50_100",
        "rotl_considered_on": TODAY.isoformat(),
        "rotl_applied": "yes",
        "version": case.version,
    }
    response = _post(signed_in, "case-edit", case, data)
    assert response.status_code == 302
    case.refresh_from_db()
    task.refresh_from_db()
    assert case.send == "ehcp" and case.rotl_applied == "yes" and case.version == 2
    assert task.due_date == TODAY + timedelta(days=2)  # moved with the earliest release date
    assert case.history.count() == 2 and case.history.first().history_user is not None


def test_a_stale_edit_is_refused_and_the_typing_kept(signed_in, case):
    data = {
        "age_at_sentence": "17",
        "sex": "male",
        "ethnicity": "white",
        "care_status": "none",
        "cin_cp_history": "no",
        "send": "none",
        "sentence_type": "dto",
        "sentence_date": case.sentence_date.isoformat(),
        "distance": "not_known",
        "version": case.version,
    }
    assert _post(signed_in, "case-edit", case, data).status_code == 302
    again = _post(signed_in, "case-edit", case, data | {"age_at_sentence": "15"})
    page = again.content.decode()
    assert again.status_code == 200 and "Someone else saved this case" in page
    assert 'value="15"' in page  # what was typed is kept
    case.refresh_from_db()
    assert case.age_at_sentence == 17


def test_mistakes_are_explained_in_govuk_wording(signed_in, case):
    page = _post(signed_in, "case-edit", case, {"version": case.version}).content.decode()
    assert "There is a problem" in page and "Enter the sentence date" in page
    page = _post(signed_in, "task-new", case, {"due_anchor": "date"}).content.decode()
    assert "Enter what needs doing" in page and "Enter the date the task is due" in page
    page = _post(signed_in, "meeting-new", case, {"held_on": "2026-02-30"}).content.decode()
    assert 'href="#id_kind_0">Select the kind of meeting</a>' in page
    assert "Enter the date of the meeting as a real date" in page
    early = (case.sentence_date - timedelta(days=3)).isoformat()
    page = _post(
        signed_in, "contact-new", case, {"on": early, "kind": "call", "agency": "police"}
    ).content.decode()
    assert "The contact must be on or after the sentence date" in page


def test_a_meeting_leads_to_the_tasks_it_decided(signed_in, case, health_partner):
    owner = health_partner.memberships.get().organisation
    response = _post(
        signed_in,
        "meeting-new",
        case,
        {
            "kind": "initial",
            "held_on": (TODAY - timedelta(days=55)).isoformat(),
            "attended_by": ["yjs", "custody_case_worker", "health_internal"],
            "parents_present": "yes",
            "child_participated": "yes",
        },
    )
    meeting = Meeting.objects.get(case=case)
    assert response["Location"].endswith(f"?meeting={meeting.pk}")
    assert meeting.attended_by == ["custody_case_worker", "health_internal", "yjs"]
    url = reverse("cases:task-new", args=[case.pk]) + f"?meeting={meeting.pk}"
    assert "From the initial planning meeting" in signed_in.get(url).content.decode()
    signed_in.post(
        url,
        {
            "description": "Register with a community doctor",
            "owner": owner.pk,
            "due_anchor": "release",
            "due_days": "7",
            "another": "1",
        },
    )
    task = Task.objects.get(case=case)
    assert task.meeting == meeting and task.due_date is None  # due once the release is known
    page = signed_in.get(reverse("cases:case-detail", args=[case.pk])).content.decode()
    assert "Done 6 Oct 2026" in page  # the initial meeting milestone is met


def test_another_cases_meeting_is_not_found(signed_in, case, youth_justice_service):
    other = Case.objects.create(
        service=youth_justice_service,
        reference="NB-0501",
        age_at_sentence=15,
        sex="female",
        ethnicity="mixed",
        care_status="none",
        sentence_type="remand",
        sentence_date=TODAY,
    )
    meeting = Meeting.objects.create(case=other, kind="initial", held_on=TODAY)
    url = reverse("cases:task-new", args=[case.pk]) + f"?meeting={meeting.pk}"
    assert signed_in.get(url).status_code == 404


def test_the_release_day_redates_tasks_and_warns_about_a_friday_afternoon(signed_in, case):
    signed_in.post(
        reverse("cases:task-new", args=[case.pk]),
        {
            "description": "First appointment with the substance misuse team",
            "owner": case.service.pk,
            "due_anchor": "release",
            "due_days": "3",
        },
    )
    response = _post(
        signed_in,
        "release",
        case,
        {
            "released_on": "2026-11-27",  # a Friday
            "released_time": "15:30",
            "met_by": "yjs",
            "same_day_contact": "on",
            "accommodation_confirmed": "on",
            "version": case.version,
        },
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.release_date == date(2026, 11, 27)
    assert case.release_day.same_day_contact and not case.release_day.benefit_claim_started
    assert Task.objects.get(case=case).due_date == date(2026, 11, 30)
    page = signed_in.get(reverse("cases:case-detail", args=[case.pk])).content.decode()
    assert "The release was on Friday at 15:30: release falls on a friday" in page
    assert "Seen by the service that day: yes" in page


def test_the_earliest_release_date_is_warned_about_ahead(signed_in, case):
    case.earliest_release = date(2027, 1, 8)  # a Friday
    case.save()
    page = signed_in.get(reverse("cases:release", args=[case.pk])).content.decode()
    assert "Friday 8 January 2027" in page and "bring it forward" in page
    detail = signed_in.get(reverse("cases:case-detail", args=[case.pk])).content.decode()
    assert "The earliest release date is a Friday" in detail


def test_outcome_checks_need_a_release_and_are_kept_per_checkpoint(signed_in, case):
    data = {
        "recorded_on": TODAY.isoformat(),
        "compliance": "partial",
        "recalled": "no",
        "arrested": "yes",
        "version": "0",
    }
    page = _post(signed_in, "outcome", case, data, 3).content.decode()
    assert "Record the release before the outcomes after it" in page
    Case.objects.filter(pk=case.pk).update(release_date=TODAY - timedelta(days=95))
    assert _post(signed_in, "outcome", case, data, 3).status_code == 302
    # A second person who opened the page before the first saved is shown the saved check.
    stale = _post(signed_in, "outcome", case, data | {"arrested": "no"}, 3).content.decode()
    assert "Someone else saved this check" in stale and "What they saved" in stale
    assert case.outcomes.get().arrested == "yes"
    changed = data | {"compliance": "complete", "version": "1"}
    assert _post(signed_in, "outcome", case, changed, 3).status_code == 302
    outcome = case.outcomes.get()
    assert outcome.compliance == "complete" and outcome.history.count() == 2
    future = data | {"recorded_on": "2027-01-01", "version": "2"}
    page = _post(signed_in, "outcome", case, future, 3).content.decode()
    assert "The date of the check must be today or earlier" in page
    assert signed_in.get(reverse("cases:outcome", args=[case.pk, 4])).status_code == 404
    page = signed_in.get(reverse("cases:outcome", args=[case.pk, 3])).content.decode()
    assert 'value="complete" selected' in page


def test_a_pathway_records_both_views_and_flags_a_disagreement(signed_in, case):
    row = CasePathway.objects.get(case=case, pathway__code="accommodation")
    response = _post(
        signed_in,
        "pathway-edit",
        case,
        {
            "need": "yes",
            "release_plan": "Supported lodgings near the college",
            "at_3_months": "not_yet_due",
            "at_6_months": "not_yet_due",
            "practitioner_view": "on_track",
            "child_view": "concerns",
            "child_words": "I don't know the area",
            "screened": "yes",
            "offered": "yes",
            "attending": "no",
            "version": row.version,
        },
        "accommodation",
    )
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.views_differ and row.version == 2
    assert (row.screened, row.offered, row.attending, row.learning_plan) == ("yes", "yes", "no", "")
    page = signed_in.get(reverse("cases:case-detail", args=[case.pk])).content.decode()
    assert "Views differ" in page and "Supported lodgings near the college" in page
    url = reverse("cases:pathway-edit", args=[case.pk, "no-such-pathway"])
    assert signed_in.get(url).status_code == 404


def test_constructive_resettlement_is_recorded_with_the_child(signed_in, case):
    response = _post(
        signed_in,
        "support",
        case,
        {
            "q_strengths": "Good with engines; wants to race karts",
            "c_co_created": "partly",
            "c_consistent": "met",
            "version": case.version,
        },
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.personal_support == {"strengths": "Good with engines; wants to race karts"}
    assert case.five_cs == {"co_created": "partly", "consistent": "met"}
    page = signed_in.get(reverse("cases:case-detail", args=[case.pk])).content.decode()
    assert "Good with engines" in page and "Partly met" in page


def test_a_closed_case_is_read_only_for_everyone(signed_in, case, client, django_user_model):
    response = _post(
        signed_in,
        "case-close",
        case,
        {"closed_on": TODAY.isoformat(), "reason": "Order ended", "version": case.version},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.closed_on == TODAY and case.closure_reason == "Order ended"
    page = signed_in.get(reverse("cases:case-detail", args=[case.pk])).content.decode()
    assert "Closed on 30 November 2026" in page and "Change the case" not in page
    for name, args in [("case-edit", []), ("meeting-new", []), ("outcome", [3])]:
        assert signed_in.get(reverse(f"cases:{name}", args=[case.pk, *args])).status_code == 404
    root = django_user_model.objects.create_superuser("root-records", "root@example.org", "x")
    client.force_login(root)
    assert client.get(reverse("cases:case-edit", args=[case.pk])).status_code == 404


def test_contacts_are_listed_on_the_case(signed_in, case):
    _post(
        signed_in,
        "contact-new",
        case,
        {"on": TODAY.isoformat(), "kind": "visit", "agency": "yjs", "note": "Planning visit"},
    )
    assert Contact.objects.get(case=case).history.count() == 1
    page = signed_in.get(reverse("cases:case-detail", args=[case.pk])).content.decode()
    assert "Planning visit" in page


def test_the_case_page_costs_the_same_queries_however_full_the_case(
    signed_in, case, youth_justice_service
):
    url = reverse("cases:case-detail", args=[case.pk])
    Task.objects.create(case=case, description="First", owner=youth_justice_service, due_date=TODAY)
    signed_in.get(url)
    with CaptureQueriesContext(connection) as few:
        signed_in.get(url)
    for day in range(5):
        Meeting.objects.create(case=case, kind="review", held_on=TODAY - timedelta(days=day))
        Task.objects.create(
            case=case, description=f"Step {day}", owner=youth_justice_service, due_date=TODAY
        )
        Contact.objects.create(case=case, on=TODAY, kind="call", agency="yjs")
    with CaptureQueriesContext(connection) as many:
        signed_in.get(url)
    assert len(many) == len(few), [q["sql"][:80] for q in many.captured_queries]


def test_a_partner_cannot_reach_the_case_managers_pages(client, case, health_partner):
    client.force_login(health_partner)
    for name, args in [("case-edit", []), ("task-new", []), ("release", []), ("support", [])]:
        assert client.get(reverse(f"cases:{name}", args=[case.pk, *args])).status_code == 404


def test_each_edit_page_is_logged_as_a_view(signed_in, case):
    for name, args in [("meeting-new", []), ("release", []), ("outcome", [6]), ("support", [])]:
        signed_in.get(reverse(f"cases:{name}", args=[case.pk, *args]))
    pages = set(CaseView.objects.filter(case=case).values_list("page", flat=True))
    assert {"cases:meeting-new", "cases:release", "cases:outcome", "cases:support"} <= pages


def test_a_second_press_of_the_button_records_one_meeting(signed_in, case):
    page = signed_in.get(reverse("cases:meeting-new", args=[case.pk])).content.decode()
    token = page.split('name="once" value="')[1].split('"')[0]
    data = {"kind": "review", "held_on": TODAY.isoformat(), "once": token}
    first = _post(signed_in, "meeting-new", case, data)
    second = _post(signed_in, "meeting-new", case, data)
    assert first.status_code == second.status_code == 302
    assert Meeting.objects.filter(case=case).count() == 1
