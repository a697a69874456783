"""Case audits through the API: the service's members read an audit with its findings as the CSV
download holds them; the inspectorate only once shared, with small numbers hidden as in every
file; anyone else 404; and the list in as many queries with ten times the audits."""

from __future__ import annotations

import csv
import io

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from followthrough.audits.models import Audit
from tests.audits.conftest import audit, criteria_set, released_cases, second_case_manager
from tests.audits.marking import case_answers, mark

__all__ = ["audit", "criteria_set", "released_cases", "second_case_manager"]


def csv_rows(client, audit) -> list[list[str]]:
    response = client.get(reverse("audits:audit-findings-csv", args=[audit.pk]))
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def as_printed(rows: list[list]) -> list[list[str]]:
    return [["" if v is None else str(v) for v in row] for row in rows]


def marked(audit, case_manager, cases: int = 3):
    for i, row in enumerate(audit.cases.order_by("order")[:cases]):
        mark(row, 1, case_manager, case_answers(i))
    return audit


def test_a_member_reads_the_findings_as_the_csv_download_holds_them(
    client, audit, case_manager, board_member
):
    marked(audit, case_manager, cases=12)
    client.force_login(board_member)
    [listed] = client.get("/api/audits/").json()["results"]
    assert listed["id"] == audit.pk and "findings" not in listed
    body = client.get(f"/api/audits/{audit.pk}/").json()
    header, *rows = csv_rows(client, audit)
    assert body["findings"]["headers"] == header
    assert as_printed(body["findings"]["rows"]) == rows
    assert body["findings"]["ratings"][-1]["of"] == "The standard"
    assert body["version"] == Audit.objects.get(pk=audit.pk).version


def test_the_inspectorate_reads_a_shared_audit_with_small_numbers_hidden(
    client, audit, case_manager, inspector, outsider
):
    marked(audit, case_manager)
    for user in (inspector, outsider):
        client.force_login(user)
        assert client.get("/api/audits/").json()["results"] == []
        response = client.get(f"/api/audits/{audit.pk}/")
        assert response.status_code == 404
        assert response["Content-Type"] == "application/problem+json"
    Audit.objects.filter(pk=audit.pk).update(shared_with_inspectorate=True)
    client.force_login(inspector)
    findings = client.get(f"/api/audits/{audit.pk}/").json()["findings"]
    one = next(dict(zip(findings["headers"], r)) for r in findings["rows"] if r[1] == "1.1")
    assert one["Percent"] == "fewer than 5 cases" and one["n"] is None
    assert as_printed(findings["rows"]) == csv_rows(client, audit)[1:]
    assert "3 of 3" not in str(findings["ratings"])


def test_the_audit_list_takes_as_many_queries_with_more_audits(
    client, audit, board_member, service_manager
):
    client.force_login(board_member)
    client.get("/api/audits/")

    def counted() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/api/audits/").status_code == 200
        return len(ctx.captured_queries)

    few = counted()
    for n in range(10):
        Audit.objects.create(
            organisation=audit.organisation,
            criteria_set=audit.criteria_set,
            title=f"Synthetic audit {n}",
            period_start=audit.period_start,
            period_end=audit.period_end,
        )
    assert counted() == few
