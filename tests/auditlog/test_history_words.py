"""The audit log and history pages in words: labelled values, events as sentences, records by
name and no 64-character hashes."""

from __future__ import annotations

import re

from django.db import transaction
from django.urls import reverse

from followthrough.actionplans.models import Action, Response
from followthrough.core.events import record_event
from followthrough.ingest.services import document_ingest

REPORT = "\n".join(
    [
        "# A thematic inspection of made-up bakeries",
        "",
        "#### Recommendations",
        "",
        "#### The Department for Bread should:",
        "",
        "1. publish a plan for sourdough starters. (Paragraph 2.1)",
        "",
    ]
)


def test_an_event_reads_as_a_sentence_with_labelled_values(client, inspectorate_admin, sample_plan):
    response = Response.objects.first()
    record_event(
        response,
        "actionplans.response.recorded",
        actor=inspectorate_admin,
        data={
            "before": {"decision": "agreed", "reasons": []},
            "decision": "partly_agreed",
            "reasons": ["resources"],
        },
    )
    client.force_login(inspectorate_admin)
    html = client.get(reverse("auditlog:log"), {"record": "events"}).content.decode()
    assert "Response recorded" in html
    assert "<strong>Decision</strong>: Agreed → Partly agreed" in html
    assert "<strong>Reasons</strong>: none → Resources" in html
    assert "{&#x27;" not in html and "actionplans.response" not in html


def test_an_import_names_its_source_and_shortens_its_hash(client, inspectorate_admin, db):
    with transaction.atomic():
        document_ingest(file_name="bakeries.txt", content=REPORT.encode(), actor=inspectorate_admin)
    client.force_login(inspectorate_admin)
    html = client.get(reverse("auditlog:log")).content.decode()
    assert "from an imported document" in html
    shown = re.sub(r"<[^>]+>", " ", html)  # what a person reads, not the form's option values
    assert "ingest." not in shown
    assert not re.search(r"[0-9a-f]{64}", html)
    assert "<strong>Source</strong>: bakeries.txt" in html
    assert "<strong>source</strong>" not in html


def test_a_history_page_labels_fields(client, inspectorate_admin, sample_plan):
    action = Action.objects.filter(target_text__gt="").first()
    action.target_text = "December 2031"
    action._history_user = inspectorate_admin
    action.save()
    client.force_login(inspectorate_admin)
    url = reverse("auditlog:object-history", args=["action", action.pk])
    html = client.get(url).content.decode()
    assert "<strong>Target text</strong>:" in html and "December 2031" in html
