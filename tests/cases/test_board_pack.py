"""The board pack page and its Word and PDF downloads, and the national view: the measures at
release and after it, their breakdowns, the 2015 national figures beside them, small numbers
hidden in the files too, no case reference anywhere, and a fixed number of queries."""

from __future__ import annotations

import html
import io
from datetime import date, timedelta

import pdfplumber
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from docx import Document

from followthrough.cases.board import board_pack, kpi_definition
from followthrough.cases.models import CasePathway, Outcome, Pathway
from followthrough.inspections.models import Finding, Report
from tests.cases.factories import CaseFactory
from tests.conftest import needs_corpus


def released_case(service, n: int, *, sex="male", suitable="yes", months_ago=8, **outcome):
    """A child released months ago with its accommodation judged at release, screened for
    mental-health needs, and, if asked, an outcome at three months."""
    today = timezone.localdate()
    released = today - timedelta(days=31 * months_ago)
    case = CaseFactory(
        service=service,
        reference=f"NB-{n:04d}",
        sex=sex,
        sentence_date=released - timedelta(days=180),
        earliest_release=released,
        release_date=released,
    )
    for code, values in (
        ("accommodation", {"suitable_at_release": suitable}),
        ("health", {"need": "yes", "screened": "yes", "offered": "yes", "attending": "no"}),
    ):
        CasePathway.objects.create(case=case, pathway=Pathway.objects.get(code=code), **values)
    if outcome:
        Outcome.objects.create(
            case=case, months=3, recorded_on=released + timedelta(days=92), **outcome
        )
    return case


def designed_cohort(service, start: int = 1, boys: int = 12, girls: int = 3) -> None:
    """Nine boys suitably housed and three not, three girls housed: the girls' count is the
    total less the boys' if suppression failed."""
    for i in range(boys):
        released_case(
            service, start + i, suitable="yes" if i < 9 else "no", arrested="no", charged="no"
        )
    for i in range(girls):
        released_case(service, start + boys + i, sex="female", arrested="yes")


def the_2015_findings() -> None:
    """Two rows of a 2015 findings table, in our own words, that the pack matches by keywords."""
    report = Report.objects.create(
        title="A synthetic joint inspection of resettlement", published=date(2015, 3, 1)
    )
    Finding.objects.create(
        report=report,
        order=1,
        section="Release and the community",
        lead_in="Accommodation on the day:",
        statement="judged suitable",
        values={"Yes": 52, "No": 48},
    )
    Finding.objects.create(
        report=report,
        order=2,
        section="Outcomes",
        lead_in="Since release the child had:",
        statement="arrests",
        values={"Yes": 40, "No": 60},
    )


def test_the_pack_shows_each_measure_with_its_share_definition_and_2015_figure(
    client, youth_justice_service, board_member, settings
):
    settings.CASES_KPI_DEFINITION_VERSION = "synthetic edition, March 2099"
    designed_cohort(youth_justice_service)
    the_2015_findings()
    client.force_login(board_member)
    page = html.unescape(client.get(reverse("cases:board")).content.decode())
    assert "Suitable accommodation at release" in page
    assert "2015 national: 52% of 29 cases" in page and "2015 national: 40% of 29 cases" in page
    assert "no 2015 figure" in page  # suitable ETE: the 2015 tables do not ask it
    assert "synthetic edition, March 2099" in page and kpi_definition() in page
    assert "Lost to follow-up" in page and "Not yet due" in page
    assert "Mental-health needs screened" in page and "Mental-health support offered" in page
    assert "NB-0" not in page
    pack = board_pack(youth_justice_service, today=timezone.localdate())
    at_release = pack.sections[0].measures[0]
    assert at_release.headline.total == 15 and at_release.cells[1] == "fewer than 5"
    assert at_release.cells[0] == "withheld" and at_release.share == ""  # 12 less the 3 not
    girls = at_release.by["sex"].cells[1]
    assert girls[0] == "fewer than 5"


def test_a_share_is_given_only_on_a_base_of_five_or_more_shown():
    from followthrough.cases.board import percent

    assert percent(4, 5) == "80%"
    assert percent(3, 4) == ""
    assert percent("fewer than 5", 12) == "" and percent(6, "withheld") == ""


def test_the_breakdown_is_chosen_on_the_page_and_every_one_is_in_the_downloads(
    client, youth_justice_service, board_member
):
    designed_cohort(youth_justice_service)
    client.force_login(board_member)
    by_sex = client.get(reverse("cases:board")).content.decode()
    assert "At release, by sex" in by_sex and "At release, by ethnicity" not in by_sex
    by_age = client.get(reverse("cases:board"), {"by": "age"}).content.decode()
    assert "At release, by age at sentence" in by_age and "Cases by phase and age" in by_age
    document = Document(io.BytesIO(client.get(reverse("cases:board-docx")).content))
    captions = [p.text for p in document.paragraphs]
    for label in ("sex", "ethnicity", "care status", "age at sentence"):
        assert f"At release, by {label}: the first answer's count of each group" in captions


def word_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def pdf_text(content: bytes) -> str:
    """The pages' text and every table cell, a cell's wrapped lines joined again."""
    with pdfplumber.open(io.BytesIO(content)) as pdf:
        texts = [page.extract_text() or "" for page in pdf.pages]
        for page in pdf.pages:
            for table in page.extract_tables():
                texts += [" ".join((cell or "").split()) for row in table for cell in row]
    return "\n".join(texts)


def test_the_word_and_pdf_packs_hide_small_numbers_and_name_no_case(
    client, youth_justice_service, board_member, outsider
):
    designed_cohort(youth_justice_service)
    the_2015_findings()
    client.force_login(board_member)
    word = client.get(reverse("cases:board-docx"), {"service": youth_justice_service.pk})
    pdf = client.get(reverse("cases:board-pdf"), {"service": youth_justice_service.pk})
    assert word["Content-Disposition"].startswith('attachment; filename="board-pack-')
    assert pdf["Content-Type"] == "application/pdf"
    for text in (word_text(word.content), pdf_text(pdf.content)):
        assert "fewer than 5" in text and "withheld" in text
        assert "2015 national: 52% of 29 cases" in text
        assert kpi_definition() in text
        assert "NB-0" not in text
    document = Document(io.BytesIO(word.content))
    by_sex = next(
        t
        for t in document.tables
        if t.rows[0].cells[1].text == "Male"
        and t.rows[1].cells[0].text == "Suitable accommodation at release"
    )
    girls = by_sex.rows[1].cells[2].text
    assert girls == "fewer than 5", girls  # never "3 of 3"
    client.force_login(outsider)
    for name in ("cases:board-docx", "cases:board-pdf"):
        asked = client.get(reverse(name), {"service": youth_justice_service.pk})
        assert asked.status_code == 404


def test_the_pack_and_its_downloads_cost_the_same_queries_for_3_cases_as_for_30(
    client, youth_justice_service, board_member
):
    client.force_login(board_member)
    designed_cohort(youth_justice_service, boys=2, girls=1)
    counted = {}
    for name in ("cases:board", "cases:board-docx", "cases:board-pdf"):
        client.get(reverse(name))  # warm the session and the user's standing
        cache.clear()  # the pack counted afresh each time: like is compared with like
        with CaptureQueriesContext(connection) as few:
            client.get(reverse(name))
        counted[name] = len(few)
    designed_cohort(youth_justice_service, start=10, boys=20, girls=7)
    for name in ("cases:board", "cases:board-docx", "cases:board-pdf"):
        cache.clear()
        with CaptureQueriesContext(connection) as many:
            client.get(reverse(name))
        assert len(many) == counted[name], (name, [q["sql"][:80] for q in many.captured_queries])


def test_the_national_view_shows_the_measures_by_service_and_nationally(
    client, youth_justice_service, inspector, board_member
):
    from tests.organisations.factories import YouthJusticeServiceFactory

    designed_cohort(youth_justice_service)
    other = YouthJusticeServiceFactory(name="Synthetic Riverside Youth Justice Service")
    designed_cohort(other, start=100, boys=6, girls=0)
    client.force_login(inspector)
    page = client.get(reverse("cases:national")).content.decode()
    assert "At release, by service" in page and "Synthetic Riverside Youth Justice Service" in page
    assert "Cases by service and phase" in page and "fewer than 5" in page
    assert "NB-0" not in page
    by_care = client.get(reverse("cases:national"), {"by": "care"}).content.decode()
    assert "At release, by care status" in by_care
    client.force_login(board_member)
    assert client.get(reverse("cases:national")).status_code == 404


def test_the_national_view_costs_the_same_queries_for_3_cases_as_for_30(
    client, youth_justice_service, inspector
):
    client.force_login(inspector)
    designed_cohort(youth_justice_service, boys=2, girls=1)
    client.get(reverse("cases:national"))
    cache.clear()  # the figures counted afresh each time: like is compared with like
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("cases:national"))
    designed_cohort(youth_justice_service, start=10, boys=20, girls=7)
    cache.clear()
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("cases:national"))
    assert len(many) == len(few)


@needs_corpus
def test_every_2015_comparison_finds_its_finding_in_the_ingested_thematic(corpus_ingested):
    from followthrough.cases.board.measures import NATIONAL_2015, national_2015

    found = national_2015()
    assert set(found) == set(NATIONAL_2015), set(NATIONAL_2015) - set(found)
    assert all(text.startswith("2015 national: ") for text in found.values())


def test_overdue_tasks_are_counted_by_agency_and_where_they_stand_on_the_ladder(
    youth_justice_service, health_partner
):
    from followthrough.cases.models import TaskEscalation
    from tests.cases.factories import TaskFactory

    today = date(2026, 11, 30)
    trust = health_partner.memberships.get().organisation
    case = CaseFactory(service=youth_justice_service, reference="NB-0950")
    for step in (None, 1, 2, 3, 3, 3, 3, 3):
        task = TaskFactory(case=case, owner=trust, due_date=today - timedelta(days=20))
        for rung in range(1, (step or 0) + 1):
            TaskEscalation.objects.create(task=task, step=rung, days=20, raised_on=today)
    cleared = TaskFactory(case=case, owner=trust, due_date=today - timedelta(days=20))
    TaskEscalation.objects.create(
        task=cleared, step=1, days=3, raised_on=today, cleared_on=today
    )  # cleared rungs no longer count: it is back to not yet escalated
    pack = board_pack(youth_justice_service, today=today)
    figure = next(f for f in pack.figures if f.title.startswith("Overdue tasks"))
    assert figure.table.columns == [
        "Not yet escalated",
        "Agency reminded",
        "With the managers",
        "Reported to the board",
    ]
    ((label, cells, total),) = figure.table.lines
    assert label == trust.name and total == 9 and cells[3] == 5
    assert all(cell in ("fewer than 5", "withheld") for cell in cells[:3])
