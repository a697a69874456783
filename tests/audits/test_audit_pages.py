"""The audit pages as their users reach them: setting up, drawing, assigning, marking blind,
settling, finishing; who gets 404; every page that shows a case is logged; flat query counts."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from followthrough.audits.models import Answer, Audit, AuditCase
from followthrough.cases.models import CaseView, Meeting, ReleaseDay


def _mark_url(audit, row, marker=1):
    return reverse("audits:audit-mark", args=[audit.pk, row.pk, marker])


def test_a_manager_sets_up_and_draws_an_audit(
    client, service_manager, criteria_set, released_cases
):
    client.force_login(service_manager)
    page = client.get(reverse("audits:audit-new"))
    assert page.status_code == 200
    bad = client.post(
        reverse("audits:audit-new"),
        {
            "title": "",
            "period_start": "2026-06-30",
            "period_end": "2026-01-01",
            "population": "released",
            "sampling_rule": "share",
            "double_mark_percent": "20",
        },
    )
    text = bad.content.decode()
    assert "There is a problem" in text
    assert "Enter a name for the audit" in text
    assert "Select the criteria set to audit against" in text
    assert "Enter the share of cases to audit, from 1% to 100%" in text
    made = client.post(
        reverse("audits:audit-new"),
        {
            "title": "Half-year audit",
            "criteria_set": criteria_set.pk,
            "period_start": "2026-01-01",
            "period_end": "2026-06-30",
            "population": "released",
            "sampling_rule": "share",
            "sample_percent": "50",
            "sample_minimum": "4",
            "stratify_by_sex": "on",
            "double_mark_percent": "20",
        },
    )
    audit = Audit.objects.get(title="Half-year audit")
    assert made.status_code == 302
    detail = client.get(reverse("audits:audit-detail", args=[audit.pk]))
    assert "12 cases in the period can be drawn" in detail.content.decode()
    drawn = client.post(
        reverse("audits:audit-draw", args=[audit.pk]), {"version": audit.version}, follow=True
    )
    audit.refresh_from_db()
    assert audit.cases.count() == 6 and audit.seed is not None
    assert f"6 cases drawn (seed {audit.seed})" in drawn.content.decode()
    assert sorted(audit.cases.values_list("stratum", flat=True)) == ["female"] * 2 + ["male"] * 4
    again = client.post(
        reverse("audits:audit-draw", args=[audit.pk]), {"version": audit.version}, follow=True
    )
    assert "already been drawn" in again.content.decode()


def test_assigning_markers_refuses_the_same_person_twice(
    client, audit, service_manager, case_manager
):
    client.force_login(service_manager)
    twice = audit.cases.filter(double_marked=True).first()
    url = reverse("audits:audit-assign", args=[audit.pk])
    assert client.get(url).status_code == 200
    data = {}
    for row in audit.cases.all():
        data[f"first_{row.pk}"] = str(case_manager.pk)
        data[f"version_{row.pk}"] = str(row.version)
        if row.double_marked:
            data[f"second_{row.pk}"] = str(
                case_manager.pk if row == twice else row.second_marker_id
            )
    page = client.post(url, data)
    assert "The second marker must be someone other than the first" in page.content.decode()
    twice.refresh_from_db()
    assert twice.second_marker_id != case_manager.pk


def test_the_marker_marks_with_the_case_record_offered_and_the_view_logged(
    client, audit, case_manager, second_case_manager
):
    row = audit.cases.order_by("order").first()
    case = row.case
    Meeting.objects.create(
        case=case, kind="initial", held_on=case.sentence_date + timedelta(days=7)
    )
    client.force_login(case_manager)
    page = client.get(_mark_url(audit, row))
    text = page.content.decode()
    assert "From the case record: <strong>Yes</strong>" in text
    assert "7 days after sentence" in text
    assert CaseView.objects.filter(case=case, user=case_manager, page="audits:audit-mark").exists()
    codes = {c.code: c.pk for c in audit.criteria_set.criteria.all()}
    answers = {
        f"c{codes['1.1']}": "no",
        f"c{codes['1.2']}": "yes",
        "version": row.first_version,
        "finish": "1",
    }
    refused = client.post(_mark_url(audit, row), answers)
    assert "Say why your answer to 1.1 differs from the case record" in refused.content.decode()
    answers[f"c{codes['1.1']}-reason"] = "Held by video link; not a planning meeting"
    partial = client.post(_mark_url(audit, row), answers)
    assert "Answer every criterion before finishing: 3 still to answer" in partial.content.decode()
    assert not Answer.objects.filter(audit_case=row).exists()  # one transaction: nothing kept
    answers.pop("finish")
    saved = client.post(_mark_url(audit, row), answers)
    assert saved.status_code == 302
    answer = Answer.objects.get(audit_case=row, criterion_id=codes["1.1"])
    assert (answer.value, answer.offered_value) == ("no", "yes")
    assert answer.offered_from.startswith("Initial planning meeting")


def test_markers_never_reach_each_others_sheets(client, audit, case_manager, second_case_manager):
    twice = audit.cases.filter(double_marked=True).first()
    client.force_login(second_case_manager)
    assert client.get(_mark_url(audit, twice, 1)).status_code == 404
    assert client.get(_mark_url(audit, twice, 2)).status_code == 200
    client.force_login(case_manager)
    assert client.get(_mark_url(audit, twice, 2)).status_code == 404
    single = audit.cases.filter(double_marked=False).first()
    assert client.get(_mark_url(audit, single, 2)).status_code == 404


@pytest.mark.parametrize(
    "who", ["outsider", "health_partner", "board_member", "inspector", "superuser"]
)
def test_nobody_outside_the_case_workers_sees_the_sampled_cases(client, audit, request, who):
    client.force_login(request.getfixturevalue(who))
    row = audit.cases.first()
    assert client.get(reverse("audits:audit-detail", args=[audit.pk])).status_code == 404
    assert client.get(_mark_url(audit, row)).status_code == 404
    assert client.get(reverse("audits:audit-moderation", args=[audit.pk])).status_code == 404


def test_the_list_shows_an_audit_to_its_service_only(client, audit, board_member, outsider):
    client.force_login(board_member)
    assert audit.title in client.get(reverse("audits:audit-list")).content.decode()
    client.force_login(outsider)
    assert audit.title not in client.get(reverse("audits:audit-list")).content.decode()


def _bulk_answers(audit, marker=1):
    rows = list(audit.cases.all())
    criteria = list(audit.criteria_set.criteria.all())
    Answer.objects.bulk_create(
        Answer(audit_case=r, criterion=c, marker=marker, value=c.choices[0][0])
        for r in rows
        for c in criteria
    )


def test_pages_query_counts_do_not_grow_with_the_audit(
    client, audit, case_manager, service_manager, youth_justice_service, criteria_set
):
    from followthrough.audits.services import audit_case_assign, audit_create, audit_draw
    from tests.cases.factories import CaseFactory

    def counts(target):
        client.force_login(case_manager)
        row = target.cases.order_by("order").first()
        out = []
        for url in (reverse("audits:audit-detail", args=[target.pk]), _mark_url(target, row)):
            with CaptureQueriesContext(connection) as ctx:
                assert client.get(url).status_code == 200
            out.append(len(ctx))
        client.force_login(service_manager)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("audits:audit-assign", args=[target.pk])).status_code == 200
        out.append(len(ctx))
        return out

    small = counts(audit)
    for i in range(30):
        released = audit.period_start + timedelta(days=i)
        case = CaseFactory(
            service=youth_justice_service,
            reference=f"SYN-B{i:03d}",
            sentence_date=released - timedelta(days=90),
            release_date=released,
        )
        ReleaseDay.objects.create(
            case=case, released_at=f"{released}T10:00Z", accommodation_confirmed=True
        )
    big = audit_create(
        organisation=youth_justice_service,
        criteria_set=criteria_set,
        title="Bigger",
        period_start=audit.period_start,
        period_end=audit.period_end,
        actor=service_manager,
        double_mark_percent=50,
    )
    big = audit_draw(audit=big, version=big.version, actor=service_manager, seed=1)
    for row in big.cases.all():
        audit_case_assign(
            audit_case=row,
            version=row.version,
            actor=service_manager,
            first_marker=case_manager,
            second_marker=service_manager if row.double_marked else None,
        )
    _bulk_answers(big)
    assert AuditCase.objects.filter(audit=big).count() > 3 * audit.cases.count()
    assert counts(big) == small
