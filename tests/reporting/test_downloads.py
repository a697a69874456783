"""Long downloads are prepared by the worker: the person sees a page saying so, with a link to
check again, then gets the file; asking again for unchanged data hands over the same file."""

from __future__ import annotations

import io
import re

import pytest
from django.db import connection
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from followthrough.actionplans.models import ActionPlan
from followthrough.core.tasks import run_queued_tasks
from followthrough.reporting.models import Download
from tests.actionplans.factories import ReviewFactory


@pytest.fixture
def plan(sample_plan):
    return ActionPlan.objects.get()


def _download_link(page: str) -> str:
    match = re.search(r'href="(/downloads/[0-9a-f-]+/)">Check if your download is ready', page)
    assert match, "the page links to where the download will be"
    return match.group(1)


def test_progress_report_pdf_is_prepared_by_the_worker_then_served_and_kept(
    client, inspector, plan
):
    client.force_login(inspector)
    page = client.get(reverse("reporting:annual-report", args=[plan.report_id])).content.decode()
    asked = reverse("reporting:annual-report-download", args=[plan.report_id, "pdf"])
    assert asked in page

    preparing = client.get(asked)
    text = preparing.content.decode()
    assert preparing.status_code == 200
    assert "Preparing your download" in text
    assert 'http-equiv="refresh"' not in text  # nothing moves on by itself (WCAG 2.2.1)
    link = _download_link(text)
    assert "Preparing your download" in client.get(link).content.decode()

    assert run_queued_tasks() == 1

    ready = client.get(link)
    assert ready["Content-Type"] == "application/pdf"
    assert "attachment" in ready["Content-Disposition"]
    pdf = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(ready.content)).pages)
    assert plan.report.title[:30] in pdf.replace("\n", " ")

    # Unchanged data: the same file at once, nothing queued.
    again = client.get(asked)
    assert again["Content-Type"] == "application/pdf"
    assert again.content == ready.content
    assert Download.objects.count() == 1
    assert run_queued_tasks() == 0


def test_a_change_to_the_report_prepares_a_new_file(client, inspector, plan):
    client.force_login(inspector)
    asked = reverse("reporting:annual-report-download", args=[plan.report_id, "docx"])
    client.get(asked)
    run_queued_tasks()
    assert client.get(asked)["Content-Type"].startswith("application/vnd.openxml")

    ReviewFactory(recommendation=plan.responses.first().recommendation)

    assert "Preparing your download" in client.get(asked).content.decode()
    assert Download.objects.count() == 2


def test_the_inspectorate_list_is_prepared_with_its_filters(client, inspector, plan):
    client.force_login(inspector)
    page = client.get(reverse("reporting:inspectorate")).content.decode()
    asked = reverse("reporting:inspectorate-download", args=["xlsx"])
    assert asked in page
    link = _download_link(client.get(asked).content.decode())
    run_queued_tasks()
    book = load_workbook(io.BytesIO(client.get(link).content))
    sheet = book.worksheets[0]
    assert sheet.max_row > 1


def test_only_the_person_who_asked_can_fetch_the_download(
    client, inspector, inspectorate_admin, outsider, plan
):
    client.force_login(inspector)
    asked = reverse("reporting:annual-report-download", args=[plan.report_id, "pdf"])
    link = _download_link(client.get(asked).content.decode())
    run_queued_tasks()
    for other in (inspectorate_admin, outsider):
        client.force_login(other)
        assert client.get(link).status_code == 404
    client.logout()
    assert client.get(link).status_code == 302


def test_outsiders_cannot_ask_for_the_inspectorate_list(client, body_contributor, plan):
    client.force_login(body_contributor)
    assert client.get(reverse("reporting:inspectorate-download", args=["pdf"])).status_code == 404
    assert not Download.objects.exists()


def test_a_download_that_cannot_be_prepared_says_so(client, inspector, plan, monkeypatch):
    def broken(download):
        raise RuntimeError("the PDF library fell over")

    monkeypatch.setattr("followthrough.reporting.exports.prepared.build_download", broken)
    client.force_login(inspector)
    asked = reverse("reporting:annual-report-download", args=[plan.report_id, "pdf"])
    link = _download_link(client.get(asked).content.decode())
    run_queued_tasks()

    failed = client.get(link)
    assert failed.status_code == 200
    assert "Sorry, we could not prepare your download" in failed.content.decode()
    # Asking again tries again rather than handing back the failure.
    assert "Preparing your download" in client.get(asked).content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_download_is_built_with_no_transaction_open(client, inspector, plan, monkeypatch):
    """On the embedded SQLite a transaction holds the only writer's lock from its start, and the
    inspectorate's whole list as a PDF takes minutes at national scale: while it is built, other
    people's saves go on."""
    from followthrough.reporting.exports import prepared

    building = prepared.build_download
    in_transaction = []

    def watched(download):
        in_transaction.append(connection.in_atomic_block)
        return building(download)

    monkeypatch.setattr("followthrough.reporting.exports.prepared.build_download", watched)
    client.force_login(inspector)
    asked = reverse("reporting:annual-report-download", args=[plan.report_id, "pdf"])
    link = _download_link(client.get(asked).content.decode())
    assert run_queued_tasks() == 1

    assert in_transaction == [False]
    assert client.get(link)["Content-Type"] == "application/pdf"
