"""The inspectorate's progress views: theme and status filters, exports of the filtered list,
burn-up and slippage, flagged actions, and each report's annual progress report."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, timedelta
from itertools import pairwise

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from followthrough.actionplans.models import Action, ActionPlan
from followthrough.inspections.models import Recommendation
from followthrough.inspections.themes import themes_for
from followthrough.reporting.selectors import burn_up, slippage
from tests.actionplans.factories import EscalationFactory, ReviewFactory, TargetRevisionFactory

URL = "/inspectorate/"


@pytest.fixture
def plan(sample_plan):
    return ActionPlan.objects.get()


def test_themes_are_read_from_the_words_of_a_recommendation():
    assert themes_for("Improve education and training for children leaving custody") == [
        "resettlement",
        "education",
    ]
    assert themes_for("Publish the annual figures") == []


def test_ingest_gives_recommendations_their_themes(plan):
    recs = list(Recommendation.objects.all())
    assert any(r.themes for r in recs)
    for rec in recs:
        assert rec.themes == themes_for(rec.text, [i["text"] for i in rec.items])


def test_theme_and_status_filters_narrow_the_list(client, inspector, plan):
    client.force_login(inspector)
    rec = Recommendation.objects.exclude(themes=[]).first()
    theme = rec.themes[0]
    expected = sum(theme in r.themes for r in Recommendation.objects.all())
    html = client.get(URL, {"theme": theme}).content.decode()
    assert f"{expected} open recommendation" in html
    no_actions = sum(
        not Action.objects.filter(response__recommendation=r).exists()
        for r in Recommendation.objects.all()
    )
    html = client.get(URL, {"status": "no_actions"}).content.decode()
    assert f"{no_actions} open recommendation" in html
    ReviewFactory(recommendation=rec, date=date.today(), judgement="not_achieved")
    assert "1 open recommendation<" in client.get(URL, {"status": "not_met"}).content.decode()
    # an unknown filter value is ignored, not an error
    assert client.get(URL, {"theme": "nonsense", "status": "x"}).status_code == 200


def test_filtered_list_exports_match_the_page(client, inspector, plan):
    client.force_login(inspector)
    params = {"decision": "agreed"}
    expected = len({r.recommendation_id for r in plan.responses.filter(decision="agreed")})
    rows = list(
        csv.reader(
            io.StringIO(client.get("/inspectorate/export.csv", params).content.decode("utf-8-sig"))
        )
    )
    assert rows[0][0] == "Report" and len(rows) - 1 == expected
    book = load_workbook(io.BytesIO(client.get("/inspectorate/export.xlsx", params).content))
    sheet = book.active
    assert sheet.freeze_panes == "A2" and sheet.max_row - 1 == expected
    document = Document(io.BytesIO(client.get("/inspectorate/export.docx", params).content))
    assert "(agreed)" in document.paragraphs[0].text
    assert len(document.tables[0].rows) - 1 == expected
    pdf = PdfReader(io.BytesIO(client.get("/inspectorate/export.pdf", params).content))
    assert "Open recommendations (agreed)" in pdf.pages[0].extract_text()
    assert client.get("/inspectorate/export.txt").status_code == 404


def test_burn_up_counts_promised_and_completed_actions(inspector, plan):
    today = date.today()
    rows = burn_up(user=inspector, today=today)
    promised = Action.objects.exclude(status="withdrawn").count()
    completed = Action.objects.with_state(today=today).filter(state="completed").count()
    assert rows[-1][1:] == (promised, completed)
    assert all(a[1] <= b[1] and a[2] <= b[2] for a, b in pairwise(rows))


def test_burn_up_is_counted_by_month_in_the_database(inspector, plan):
    """At national scale the chart once walked every action for every period in Python: the
    database now returns one row per (month started, month done), however many actions."""
    with CaptureQueriesContext(connection) as ctx:
        burn_up(user=inspector, today=date.today())
    counted = [q["sql"] for q in ctx.captured_queries if '"actionplans_action"' in q["sql"]]
    assert len(counted) == 1 and "GROUP BY" in counted[0].upper()


def test_slippage_measures_from_the_first_target_to_the_current_one(inspector, plan):
    action = Action.objects.exclude(due_date=None).first()
    first = action.due_date
    for n, days in enumerate((60, 150)):
        TargetRevisionFactory(
            action=action,
            previous_text="",
            previous_due=first + timedelta(days=[0, 60][n]),
            new_text="later",
            new_kind="date",
            new_value="",
            new_due=first + timedelta(days=days),
            reason=f"reason {n}",
            proposed_on=date.today(),
            status="approved",
            decided_on=date.today(),
        )
    bands, slips = slippage(user=inspector)
    assert dict(bands)["3 to 6 months"] == 1 and sum(n for _, n in bands) == 1
    assert slips[0].days == 150 and slips[0].moves == 2


def test_dashboard_shows_charts_with_tables_and_flagged_actions(client, inspector, plan):
    action = Action.objects.first()
    EscalationFactory(action=action, step=3, cause="overdue", days=200, raised_on=date.today())
    client.force_login(inspector)
    html = client.get(URL).content.decode()
    assert "1 action flagged by the escalation ladder" in html
    assert html.count('src="data:image/svg+xml;base64,') == 1
    assert "Actions promised and completed over time</caption>" in html
    assert "How far moved targets have slipped" not in html
    assert "No target has moved." in html


def test_count_axes_read_in_whole_numbers():
    from followthrough.reporting.charts import bar_chart_svg, line_chart

    bars = bar_chart_svg("Actions", (("Planned", 17), ("Completed", 3)))
    lines = line_chart("Over time", ("Jan", "Feb", "Mar"), (("Promised", (3, 9, 17)),))
    for svg in (bars, lines.decode()):
        ticks = re.findall(r">\s*([0-9][0-9.]*)\s*</text>", svg)
        assert ticks and all("." not in tick for tick in ticks), ticks


def test_progress_report_pdf_keeps_each_charts_shape(client, viewer, plan):
    import pdfplumber

    client.force_login(viewer)
    content = client.get(f"/reports/{plan.report_id}/progress-report.pdf").content
    with pdfplumber.open(io.BytesIO(content)) as pdf:
        images = [image for page in pdf.pages for image in page.images]
    assert images
    for image in images:
        shown = image["width"] / image["height"]
        drawn = image["srcsize"][0] / image["srcsize"][1]
        assert abs(shown - drawn) / drawn < 0.02, (shown, drawn)


def test_annual_report_page_and_downloads_agree(client, viewer, plan):
    rec = plan.responses.first().recommendation
    ReviewFactory(
        recommendation=rec,
        date=date.today(),
        judgement="achieved",
        commentary="Seen in the files.",
        evidence_grade="document_verified",
    )
    client.force_login(viewer)
    url = reverse("reporting:annual-report", args=[plan.report_id])
    html = client.get(url).content.decode()
    recs = plan.report.recommendations.count()
    assert f"{recs} recommendation" in html and "Seen in the files." in html
    assert html.count('src="data:image/svg+xml;base64,') == 3
    document = Document(
        io.BytesIO(client.get(f"/reports/{plan.report_id}/progress-report.docx").content)
    )
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 3"]
    assert len(headings) == recs
    assert len(document.inline_shapes) == 3
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Inspectorate's judgement: Achieved" in text and "Seen in the files." in text
    pdf_bytes = client.get(f"/reports/{plan.report_id}/progress-report.pdf").content
    pdf = PdfReader(io.BytesIO(pdf_bytes))
    pdf_text = "\n".join(page.extract_text() for page in pdf.pages)
    assert "Progress report" in pdf_text and "Seen in the files." in pdf_text
    assert client.get(f"/reports/{plan.report_id}/progress-report.csv").status_code == 404


def test_list_exports_keep_a_recommendations_lettered_and_bulleted_items(client, inspector, plan):
    import pdfplumber

    rec = Recommendation.objects.first()
    rec.text = "Local authorities should:"
    rec.items = [
        {"label": "a", "text": "agree a shared plan for each child"},
        {"label": None, "text": "review it every quarter"},
    ]
    rec.save()
    client.force_login(inspector)

    def get(fmt):
        return client.get(f"/inspectorate/export.{fmt}", {"report": rec.report_id}).content

    expected = "Local authorities should:\na. agree a shared plan for each child\n"
    rows = list(csv.reader(io.StringIO(get("csv").decode("utf-8-sig"))))
    assert any(cell.startswith(expected) for row in rows for cell in row)
    sheet = load_workbook(io.BytesIO(get("xlsx"))).active
    assert any(str(c.value).startswith(expected) for row in sheet.iter_rows() for c in row)
    document = Document(io.BytesIO(get("docx")))
    assert document.core_properties.author == "Followthrough"
    assert document.core_properties.created.year == date.today().year
    cells = [c.text for row in document.tables[0].rows for c in row.cells]
    assert any("should:\na. agree a shared plan" in c and "• review it" in c for c in cells)
    with pdfplumber.open(io.BytesIO(get("pdf"))) as pdf:
        text = "\n".join(page.extract_text() for page in pdf.pages)
    assert "a. agree a shared plan for each child" in text and "• review it every quarter" in text


def test_the_progress_report_page_is_read_once_per_change_and_a_change_shows_at_once(
    client, viewer, plan
):
    """At national scale a report's 150 actions cost most of the page: its rendering is kept
    under a version of every table it reads, the day and the reader's view."""
    client.force_login(viewer)
    url = reverse("reporting:annual-report", args=[plan.report_id])
    first = client.get(url).content.decode()
    with CaptureQueriesContext(connection) as ctx:
        again = client.get(url).content.decode()
    main = lambda html: html[html.index("<main") : html.index("</main>")]  # noqa: E731
    assert main(again) == main(first) and "Actions" in main(first)
    read = [q["sql"] for q in ctx.captured_queries]
    assert not [sql for sql in read if "actionplans_action" in sql and "history" not in sql]
    assert not [sql for sql in read if "actionplans_progressupdate" in sql and "history" not in sql]
    rec = plan.responses.first().recommendation
    ReviewFactory(recommendation=rec, date=date.today(), commentary="Checked on a visit.")
    assert "Checked on a visit." in client.get(url).content.decode()
