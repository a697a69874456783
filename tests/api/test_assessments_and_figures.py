"""Self-assessments with their items and answers, the casework aggregates, findings and practice
examples through the API: read by those the pages allow, suppressed as the pages suppress, 404 for
anyone else, and in as many queries with ten times the records."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from followthrough.cases.board import board_pack
from followthrough.cases.board_exports import pack_blocks
from followthrough.inspections.models import Finding, PracticeExample
from followthrough.selfassessment.models import EnquiryAnswer, SelfAssessment
from tests.cases.test_board_pack import designed_cohort
from tests.selfassessment.made import make_assessment, make_thematics


def results(client, url: str) -> list[dict]:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.json()["results"]


def test_a_services_members_read_its_self_assessment_with_items_and_answers(
    client, youth_justice_service, board_member, service_manager, inspector, outsider
):
    make_thematics(reports=1, per_report=2, lines=2)
    assessment = make_assessment(youth_justice_service, 2026, service_manager)
    item = assessment.items.first()
    EnquiryAnswer.objects.update_or_create(
        item=item, index=0, defaults={"answer": "yes", "comment": "Minutes held"}
    )
    client.force_login(board_member)
    [listed] = results(client, "/api/self-assessments/?year=2026")
    assert listed["id"] == assessment.pk and len(listed["items"]) == assessment.items.count()
    one = client.get(f"/api/self-assessments/{assessment.pk}/").json()
    served = next(i for i in one["items"] if i["id"] == item.pk)
    assert served["answers"][0] == {"index": 0, "answer": "yes", "comment": "Minutes held"}
    assert served["version"] == item.version
    for user in (inspector, outsider):
        client.force_login(user)
        assert results(client, "/api/self-assessments/") == []
        assert client.get(f"/api/self-assessments/{assessment.pk}/").status_code == 404
    SelfAssessment.objects.filter(pk=assessment.pk).update(shared_with_inspectorate=True)
    client.force_login(inspector)
    assert client.get(f"/api/self-assessments/{assessment.pk}/").status_code == 200


def test_the_board_pack_is_the_pages_tables_with_small_numbers_hidden(
    client, youth_justice_service, board_member, outsider
):
    designed_cohort(youth_justice_service)
    client.force_login(board_member)
    body = client.get(f"/api/casework/board/?service={youth_justice_service.pk}").json()
    pack = board_pack(youth_justice_service, today=timezone.localdate())
    assert body["tables"] == [vars(b) for b in pack_blocks(pack, list(pack.breakdowns))]
    cells = [cell for table in body["tables"] for row in table["rows"] for cell in row]
    assert "fewer than 5" in cells and "withheld" in cells
    assert "NB-0" not in str(body)
    client.force_login(outsider)
    response = client.get(f"/api/casework/board/?service={youth_justice_service.pk}")
    assert response.status_code == 404


def test_the_national_figures_are_for_the_yjb_and_the_inspectorates_only(
    client, youth_justice_service, inspector, board_member
):
    designed_cohort(youth_justice_service)
    client.force_login(inspector)
    body = client.get("/api/casework/national/").json()
    assert "fewer than 5" in str(body["tables"]) and "NB-0" not in str(body)
    client.force_login(board_member)
    assert client.get("/api/casework/national/").status_code == 404


def test_findings_and_practice_examples_filter_by_report_and_kind(client, body_viewer):
    [report] = make_thematics(reports=1, per_report=1, lines=1)
    Finding.objects.create(report=report, order=1, statement="judged suitable", values={"Yes": 5})
    PracticeExample.objects.create(
        report=report, order=1, title="A synthetic panel", kind="good", text="Met weekly"
    )
    PracticeExample.objects.create(
        report=report, order=2, title="A synthetic gap", kind="poor", text="Nobody met"
    )
    client.force_login(body_viewer)
    [finding] = results(client, f"/api/findings/?report={report.pk}")
    assert finding["values"] == {"Yes": 5}
    good = results(client, f"/api/practice-examples/?report={report.pk}&kind=good")
    assert [p["title"] for p in good] == ["A synthetic panel"]


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200, url
    return len(ctx.captured_queries)


def test_assessment_and_board_pack_reads_take_as_many_queries_with_ten_times_the_records(
    client, youth_justice_service, service_manager
):
    make_thematics(reports=1, per_report=2, lines=2)
    make_assessment(youth_justice_service, 2025, service_manager)
    designed_cohort(youth_justice_service, boys=2, girls=1)
    client.force_login(service_manager)
    urls = ["/api/self-assessments/", "/api/casework/board/", "/api/findings/"]
    urls.append("/api/practice-examples/")
    queries(client, urls[0])  # the session and the user's standing
    small = [queries(client, url) for url in urls]
    make_thematics(reports=2, per_report=10, lines=2)
    make_assessment(youth_justice_service, 2026, service_manager)
    designed_cohort(youth_justice_service, start=10, boys=20, girls=7)
    assert [queries(client, url) for url in urls] == small
