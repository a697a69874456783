"""Review before commit: read, show, correct, then store in one transaction with the
corrections in each record's history; refused files store nothing."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from followthrough.actionplans.models import Action, ActionPlan, Response
from followthrough.core.models import DomainEvent, SourceDocument
from followthrough.ingest.models import ImportReview
from followthrough.inspections.models import Recommendation
from tests.ingest import made_documents as made


@pytest.fixture
def importer(client, inspector):
    client.force_login(inspector)
    return inspector


def upload(client, name: str, content: bytes):
    return client.post(
        reverse("ingest:import-list"), {"document": SimpleUploadedFile(name, content)}
    )


def test_a_word_plan_is_shown_for_review_and_nothing_is_stored_yet(client, importer):
    response = upload(client, "made.docx", made.as_docx())
    review = ImportReview.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/imports/{review.pk}/")
    assert not SourceDocument.objects.exists() and not ActionPlan.objects.exists()
    page = client.get(response["Location"]).content.decode()
    assert "Review made.docx" in page and "Action plan or response table from a docx file" in page
    assert ">Head of Instrument Policy</textarea>" in page
    assert "The passage this was read from" in page and "quiet space" in page


def test_corrections_are_stored_in_the_records_history(client, importer):
    upload(client, "made.docx", made.as_docx())
    review = ImportReview.objects.get()
    url = reverse("ingest:import-review", args=[review.pk])
    bad = client.post(url, {"action": "commit", "r0-a1-target": "whenever we can"})
    assert bad.status_code == 200 and "enter a target we can read" in bad.content.decode()
    assert not SourceDocument.objects.exists()
    done = client.post(
        url,
        {
            "action": "commit",
            "r0-a1-target": "June 2027",
            "r1-decision": "agreed",
            "r2-addressee": "The Department for Music and the Arts Council",
        },
    )
    assert done.status_code == 302
    review.refresh_from_db()
    assert review.status == "committed" and len(review.corrections) == 3
    action = Action.objects.get(owner_text="Director of Lending")
    assert action.target_text == "June 2027" and action.due_date.isoformat() == "2027-06-30"
    history = list(action.history.order_by("history_date"))
    assert history[0].target_text == "Q2 2027" and history[-1].target_text == "June 2027"
    assert history[-1].history_user == importer
    assert history[-1].history_change_reason == "Corrected in review before import"
    response = Response.objects.get(recommendation__label="2", recommendation__section="main")
    assert response.decision == "agreed"
    rec = Recommendation.objects.get(label="1", section="additional")
    assert rec.addressee_text == "The Department for Music and the Arts Council"
    assert SourceDocument.objects.get().format == "docx"
    assert DomainEvent.objects.filter(code="ingest.review.committed").exists()
    again = client.post(url, {"action": "commit"})
    assert again.status_code == 200 and SourceDocument.objects.count() == 1


def test_a_discarded_review_stores_nothing_and_is_kept(client, importer):
    upload(client, "made.html", made.as_html().encode())
    review = ImportReview.objects.get()
    client.post(reverse("ingest:import-review", args=[review.pk]), {"action": "discard"})
    review.refresh_from_db()
    assert review.status == "discarded" and not SourceDocument.objects.exists()
    listing = client.get(reverse("ingest:import-list")).content.decode()
    assert "Discarded" in listing and "made.html" in listing


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("empty.docx", b"", "The file is empty"),
        ("broken.docx", b"PK\x03\x04 not really", "This Word document could not be read: it may"),
        ("broken.pdf", b"%PDF-1.7 cut", "This PDF could not be read: it may be damaged"),
        ("renamed.pdf", b"plain words", "This PDF could not be read: it may be damaged"),
        ("notes.txt", b"A shopping list: eggs, milk.", "Not an inspection document"),
    ],
)
def test_files_that_cannot_be_read_are_refused_with_the_reason(
    client, importer, name, content, message
):
    response = upload(client, name, content)
    assert response.status_code == 200 and message in response.content.decode()
    assert "files are not read" not in response.content.decode()
    assert not ImportReview.objects.exists()


def test_a_document_already_imported_is_recognised(client, importer):
    content = made.as_docx()  # built once: Word files carry the time they were saved
    upload(client, "made.docx", content)
    review = ImportReview.objects.get()
    client.post(reverse("ingest:import-review", args=[review.pk]), {"action": "commit"})
    again = upload(client, "renamed.docx", content)
    assert again.status_code == 200 and "already imported (as made.docx" in again.content.decode()


def test_only_the_inspectorate_imports(client, viewer):
    client.force_login(viewer)
    assert client.get(reverse("ingest:import-list")).status_code == 404


@pytest.mark.parametrize(
    "answer, status", [("i\n", "committed"), ("d\n", "discarded"), ("", "pending")]
)
def test_the_command_line_review_asks_before_storing(
    db, tmp_path, monkeypatch, capsys, answer, status
):
    import io

    from django.core.management import call_command

    path = tmp_path / "made.docx"
    path.write_bytes(made.as_docx())
    monkeypatch.setattr("sys.stdin", io.StringIO(answer))
    call_command("ingest", "--review", str(path))
    out = capsys.readouterr().out
    assert "Head of Instrument Policy" in out and "Import made.docx (i)" in out
    review = ImportReview.objects.get()
    assert review.status == status
    assert SourceDocument.objects.exists() == (status == "committed")


def test_a_benchmarking_tool_is_reviewed_and_corrected_before_import(client, importer):
    from followthrough.inspections.models import Report
    from tests.ingest.test_benchmarking import MADE

    upload(client, "made_tool.txt", MADE.encode())
    review = ImportReview.objects.get()
    url = reverse("ingest:import-review", args=[review.pk])
    page = client.get(url).content.decode()
    assert 'value="Keeping Time: An Inspection of Drum Tuition"' in page
    bad = client.post(url, {"action": "commit", "t1-year": "nineteen"})
    assert "enter a year like 2014" in bad.content.decode()
    assert not SourceDocument.objects.exists()
    done = client.post(
        url,
        {"action": "commit", "t1-year": "2020", "t1-r0-addressee": "Drum and percussion tutors"},
    )
    assert done.status_code == 302
    assert SourceDocument.objects.get().kind == "benchmarking_tool"
    drums = Report.objects.get(title__startswith="Keeping Time")
    assert drums.published.year == 2020
    rec = drums.recommendations.get(label="1", section="main")
    assert rec.addressee_text == "Drum and percussion tutors"
    assert rec.history.latest().history_change_reason == "Corrected in review before import"


def test_review_errors_read_as_sentences_not_python_lists(client, importer):
    """Issue 12, item 14: the import page's error summary shows the message, not ['…']."""
    upload(client, "made.docx", made.as_docx())
    review = ImportReview.objects.get()
    url = reverse("ingest:import-review", args=[review.pk])
    html = client.post(url, {"action": "commit", "r0-a1-target": "whenever we can"}).content
    assert b"[&#x27;" not in html and b"['" not in html


def test_a_second_review_of_a_changed_file_gives_web_advice_not_a_command(client, importer):
    """Issue 12, item 14: no command-line flags on a web page."""
    from datetime import date

    from followthrough.ingest.sample import sample_action_plan

    text = sample_action_plan(title="A thematic inspection of sample work", today=date.today())
    upload(client, "plan.txt", text.encode())
    first = ImportReview.objects.get()
    client.post(reverse("ingest:import-review", args=[first.pk]), {"action": "commit"})
    response = upload(client, "plan.txt", (text + "\nA note added later.\n").encode())
    second = ImportReview.objects.filter(status="pending").first()
    if second is None:  # refused at upload: the message is on the upload page
        html = response.content.decode()
    else:
        html = client.post(
            reverse("ingest:import-review", args=[second.pk]), {"action": "commit"}
        ).content.decode()
    assert "--replace" not in html
    assert "already imported" in html


def test_corrections_show_in_each_records_history_with_the_reason(client, importer):
    """Issue 12, item 13: the history page lists each corrected field, before and after, and
    why it changed."""
    upload(client, "made.docx", made.as_docx())
    review = ImportReview.objects.get()
    client.post(
        reverse("ingest:import-review", args=[review.pk]),
        {
            "action": "commit",
            "r0-a1-target": "June 2027",
            "r1-decision": "agreed",
            "r2-addressee": "The Department for Music and the Arts Council",
            "r0-text": "Synthetic wording corrected by the reviewer",
        },
    )
    action = Action.objects.get(owner_text="Director of Lending")
    response = Response.objects.get(recommendation__label="2", recommendation__section="main")
    rec = Recommendation.objects.get(label="1", section="additional")
    reworded = Recommendation.objects.get(text="Synthetic wording corrected by the reviewer")
    for kind, pk, before, after in (
        ("action", action.pk, "Q2 2027", "June 2027"),
        ("response", response.pk, None, "agreed"),
        ("recommendation", rec.pk, None, "The Department for Music and the Arts Council"),
        ("recommendation", reworded.pk, None, "Synthetic wording corrected by the reviewer"),
    ):
        page = client.get(reverse("auditlog:object-history", args=[kind, pk])).content.decode()
        rows = [r for r in page.split("<tr") if "Corrected in review before import" in r]
        assert len(rows) == 1, kind
        assert after in rows[0], kind
        if before:
            assert f"{before} → {after}" in rows[0], kind
