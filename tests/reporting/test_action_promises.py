"""What each action commits to is read wherever the action appears: the plan table and its
printed copy, the recommendation page, the progress page, My organisation and the progress
report, on the page and in its Word document and PDF."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from followthrough.actionplans.models import Action, ActionPlan
from followthrough.reporting.exports.document import plan_docx
from followthrough.reporting.exports.printed import plan_pdf
from tests.actionplans.factories import ActionFactory

PROMISE = "Run a synthetic workshop for every resettlement panel chair"


@pytest.fixture
def promised(sample_plan):
    """An open action owned by the YJB and due in ten days, whose promise is written out."""
    action = Action.objects.filter(owner_organisation__short_name="YJB").first()
    Action.objects.filter(pk=action.pk).update(
        description=PROMISE,
        status=Action.Status.PLANNED,
        completed_on=None,
        due_date=date.today() + timedelta(days=10),
    )
    return Action.objects.get(pk=action.pk)


def _docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_the_plan_table_shows_what_each_action_will_do(client, body_viewer, promised):
    client.force_login(body_viewer)
    report = promised.response.action_plan.report_id
    html = client.get(reverse("actionplans:report-action-plan", args=[report])).content.decode()
    assert PROMISE in html


def test_the_plan_word_document_and_pdf_show_what_each_action_will_do(promised):
    plan = ActionPlan.objects.get()
    assert PROMISE in _docx_text(plan_docx(plan, today=date.today()))
    pdf = PdfReader(io.BytesIO(plan_pdf(plan, today=date.today())))
    assert PROMISE in " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)


def test_the_recommendation_page_shows_what_each_action_will_do(client, body_viewer, promised):
    client.force_login(body_viewer)
    rec = promised.response.recommendation_id
    html = client.get(reverse("reporting:recommendation-detail", args=[rec])).content.decode()
    assert "What will be done" in html and PROMISE in html


def test_the_progress_page_shows_what_the_action_will_do(client, body_contributor, promised):
    client.force_login(body_contributor)
    url = reverse("actionplans:action-progress", args=[promised.pk])
    html = client.get(url).content.decode()
    assert "What will be done" in html and PROMISE in html


def test_my_organisation_shows_what_each_action_will_do(client, body_viewer, promised):
    client.force_login(body_viewer)
    html = client.get(reverse("reporting:my-organisation")).content.decode()
    assert "What will be done" in html and PROMISE in html


def test_the_progress_report_shows_what_each_action_will_do(client, inspector, promised):
    client.force_login(inspector)
    report = promised.response.action_plan.report_id
    html = client.get(reverse("reporting:annual-report", args=[report])).content.decode()
    assert PROMISE in html
    docx = client.get(f"/reports/{report}/progress-report.docx").content
    assert PROMISE in _docx_text(docx)
    pdf = PdfReader(io.BytesIO(client.get(f"/reports/{report}/progress-report.pdf").content))
    text = " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)
    assert PROMISE in text


def test_an_action_with_no_promise_says_so(client, body_viewer, sample_plan):
    action = ActionFactory(response=sample_plan.responses.first(), description="")
    client.force_login(body_viewer)
    url = reverse("reporting:recommendation-detail", args=[action.response.recommendation_id])
    assert "Not stated" in client.get(url).content.decode()
