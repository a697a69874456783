"""Exports of an action plan: the published layout in Word and PDF, one row per action in Excel
and CSV, all agreeing with the page."""

from __future__ import annotations

import csv
import io
import re
from datetime import date

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from followthrough.actionplans.models import Action, ActionPlan
from followthrough.reporting.exports import plan_csv, plan_docx, plan_pdf, plan_xlsx
from tests.actionplans.factories import ReviewFactory


@pytest.fixture
def plan(sample_plan):
    return ActionPlan.objects.get()


def test_csv_has_one_row_per_action_with_status_as_of_today(plan):
    today = date.today()
    rows = list(csv.reader(io.StringIO(plan_csv(plan, today=today).decode("utf-8-sig"))))
    assert rows[0][2] == "Rec No" and rows[0][-1].startswith("Status at")
    assert len(rows) - 1 == Action.objects.count()
    overdue = Action.objects.overdue(today=today).count()
    assert sum(1 for r in rows[1:] if r[-1] == "Overdue") == overdue


def test_excel_has_filters_a_frozen_header_and_real_dates(plan):
    book = load_workbook(io.BytesIO(plan_xlsx(plan, today=date.today())))
    sheet = book["Actions"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref.startswith("A1:")
    assert sheet.max_row - 1 == Action.objects.count()
    header = [c.value for c in sheet[1]]
    due = header.index("Due date")
    dues = [row[due] for row in sheet.iter_rows(min_row=2, values_only=True) if row[due]]
    assert dues and all(hasattr(d, "year") for d in dues)
    # Each row says what the action commits to, not only who and when.
    promised = header.index("What will be done")
    done = {row[promised] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert done >= set(Action.objects.exclude(description="").values_list("description", flat=True))
    assert len(done - {None, ""}) > 0


def test_word_is_the_published_layout_landscape_with_a_repeated_header(plan):
    document = Document(io.BytesIO(plan_docx(plan, today=date.today())))
    section = document.sections[0]
    assert section.page_width > section.page_height
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == [
        "Rec No",
        "Recommendation",
        "Agreed / Partly / Not",
        "Response",
        "Responsible owner",
        "Target date",
    ]
    assert table.rows[0]._tr.xpath("./w:trPr/w:tblHeader")
    text = "\n".join(c.text for row in table.rows for c in row.cells)
    assert "The Ministry of Justice should:" in text
    overdue = Action.objects.overdue(today=date.today()).count()
    assert text.count("(overdue)") == overdue
    footer = section.footer.paragraphs[0]._p.xml
    assert "PAGE" in footer and "NUMPAGES" in footer


def test_pdf_is_a4_landscape_with_page_numbers(plan):
    reader = PdfReader(io.BytesIO(plan_pdf(plan, today=date.today())))
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - 841.89) < 1 and abs(height - 595.28) < 1
    first = reader.pages[0].extract_text()
    assert f"Page 1 of {len(reader.pages)}" in first
    assert "Responsible owner" in first and "Target date" in first


def test_export_view_names_the_file_and_refuses_unknown_formats(client, viewer, plan):
    client.force_login(viewer)
    for fmt, kind in (
        ("csv", "text/csv"),
        ("xlsx", "spreadsheetml"),
        ("docx", "wordprocessingml"),
        ("pdf", "application/pdf"),
    ):
        response = client.get(reverse("reporting:action-plan-export", args=[plan.report_id, fmt]))
        assert response.status_code == 200 and kind in response["Content-Type"]
        assert re.search(
            rf'attachment; filename="action-plan-[a-z0-9-]+-\d{{4}}-\d\d-\d\d\.{fmt}"',
            response["Content-Disposition"],
        )
    bad = client.get(reverse("reporting:action-plan-export", args=[plan.report_id, "exe"]))
    assert bad.status_code == 404


def test_formula_like_text_stays_text_in_spreadsheets(plan):
    Action.objects.filter(pk=Action.objects.first().pk).update(owner_text="=cmd|' /C calc'!A0")
    rows = plan_csv(plan, today=date.today()).decode("utf-8-sig")
    assert "'=cmd" in rows
    book = load_workbook(io.BytesIO(plan_xlsx(plan, today=date.today())))
    cells = [c.value for row in book["Actions"].iter_rows() for c in row]
    assert "'=cmd|' /C calc'!A0" in cells


def test_my_organisation_lists_what_is_overdue_and_due_soon(client, body_viewer, plan):
    client.force_login(body_viewer)
    html = client.get(reverse("reporting:my-organisation")).content.decode()
    overdue = (
        Action.objects.overdue(today=date.today())
        .filter(owner_organisation__short_name="YJB")
        .count()
    )
    assert "Youth Justice Board" in html
    assert f"Overdue ({overdue})" in html
    assert "No progress reported for 90 days" in html
    assert "No update yet" in html and ">None<" not in html


def test_the_inspectorate_sees_every_open_recommendation_and_filters_them(client, inspector, plan):
    client.force_login(inspector)
    url = reverse("reporting:inspectorate")
    all_open = client.get(url).content.decode()
    total = plan.report.recommendations.count()
    assert f"{total} open recommendations" in all_open
    rec = plan.responses.first().recommendation
    ReviewFactory(recommendation=rec, date=date.today(), judgement="achieved", commentary="Done.")
    assert f"{total - 1} open recommendations" in client.get(url).content.decode()
    not_agreed = client.get(url, {"decision": "not_agreed"}).content.decode()
    count = plan.responses.filter(decision="not_agreed").exclude(recommendation=rec).count()
    assert f"{count} open recommendation" in not_agreed


def test_pdf_keeps_headings_with_what_follows(plan):
    import pdfplumber

    from followthrough.actionplans.models import Response

    for n, response in enumerate(Response.objects.order_by("pk")):
        # The first row too long for what is left of page 1, yet shorter than a page.
        response.narrative = " ".join(f"word{i}" for i in range(345 if n == 0 else 30))
        response.save()
    headings = {"Recommendations", "Additional recommendations", "Notes", "Rec No"}
    with pdfplumber.open(io.BytesIO(plan_pdf(plan, today=date.today()))) as pdf:
        pages = [page.extract_text().splitlines()[:-1] for page in pdf.pages]  # less the footer
    assert "word0" in " ".join(pages[0])
    for lines in pages:
        last = lines[-1]
        assert not (
            last.startswith(("Action plan:", "Report published:", "Rec No"))
            or last in headings
            or last.endswith("should:")
        ), lines[-3:]


def test_printed_exports_flag_a_passed_target_with_no_progress_apart_from_overdue(plan):
    today = date.today()
    states = dict(Action.objects.with_state(today=today).values_list("pk", "state"))
    waiting = [pk for pk, state in states.items() if state == "no_update"]
    overdue = [pk for pk, state in states.items() if state == "overdue"]
    if not waiting:
        silent = Action.objects.filter(updates__isnull=True, status="planned").first()
        assert silent is not None
        Action.objects.filter(pk=silent.pk).update(due_date=date(2020, 1, 31))
        waiting = [silent.pk]
    document = Document(io.BytesIO(plan_docx(plan, today=today)))
    text = "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert text.count("(target passed, no progress recorded)") == len(waiting)
    assert text.count("(overdue)") == len(overdue)
    pdf = "\n".join(
        p.extract_text() for p in PdfReader(io.BytesIO(plan_pdf(plan, today=today))).pages
    )
    assert "target passed, no progress" in " ".join(pdf.split())
