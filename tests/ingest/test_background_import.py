"""Large documents are read by the worker: the sender is shown how far it has got, then the
review; a document that cannot be read says why and stores nothing."""

from __future__ import annotations

import pytest
from django.urls import reverse

from followthrough.core.models import DomainEvent, SourceDocument
from followthrough.core.tasks import run_queued_tasks
from followthrough.ingest.models import ImportReview, ImportUpload
from followthrough.ingest.review import review_read
from followthrough.ingest.review.background import STAGE_FINDING
from tests.ingest import made_documents as made
from tests.ingest.test_review import upload


@pytest.fixture
def importer(client, inspector, settings):
    settings.INGEST_BACKGROUND_BYTES = 1000  # the made documents are a few kilobytes
    client.force_login(inspector)
    return inspector


def test_a_large_document_is_read_by_the_worker_then_shown_for_review(client, importer):
    content = made.as_docx()
    assert len(content) > 1000
    sent = upload(client, "made.docx", content)
    queued = ImportUpload.objects.get()
    assert sent.status_code == 302 and sent["Location"] == f"/imports/uploads/{queued.pk}/"
    assert not ImportReview.objects.exists()
    waiting = client.get(sent["Location"]).content.decode()
    assert "Reading made.docx" in waiting and "Waiting to be read" in waiting
    assert "Check if it has been read" in waiting
    listed = client.get(reverse("ingest:import-list")).content.decode()
    assert "Being read" in listed and f"/imports/uploads/{queued.pk}/" in listed

    assert run_queued_tasks() == 1
    queued.refresh_from_db()
    review = ImportReview.objects.get()
    assert queued.status == "read" and queued.review == review and review.created_by == importer
    done = client.get(sent["Location"])
    assert done.status_code == 302 and done["Location"] == f"/imports/{review.pk}/"
    page = client.get(done["Location"]).content.decode()
    assert "Review made.docx" in page and ">Head of Instrument Policy</textarea>" in page
    assert "Being read" not in client.get(reverse("ingest:import-list")).content.decode()
    assert not SourceDocument.objects.exists()  # stored only when the review is committed
    started = DomainEvent.objects.get(code="ingest.review.started")
    assert started.actor == importer and started.data == {"file": "made.docx"}


def test_a_document_the_worker_cannot_read_says_why_and_stores_nothing(client, importer):
    sent = upload(client, "notes.txt", b"Minutes of a meeting about the garden.\n" * 40)
    run_queued_tasks()
    queued = ImportUpload.objects.get()
    assert queued.status == "refused" and queued.error
    page = client.get(sent["Location"]).content.decode()
    assert "notes.txt could not be read" in page
    assert queued.error in page and "Nothing from the document has been stored" in page
    assert not ImportReview.objects.exists() and not SourceDocument.objects.exists()
    listed = client.get(reverse("ingest:import-list")).content.decode()
    assert "Could not be read" in listed


def test_a_document_already_imported_is_refused_by_the_worker_too(client, importer):
    content = made.as_docx()
    upload(client, "made.docx", content)
    run_queued_tasks()
    review = ImportReview.objects.get()
    client.post(reverse("ingest:import-review", args=[review.pk]), {"action": "commit"})
    assert SourceDocument.objects.count() == 1
    upload(client, "again.docx", content)
    run_queued_tasks()
    again = ImportUpload.objects.get(file_name="again.docx")
    assert again.status == "refused" and "already imported" in again.error
    assert ImportReview.objects.count() == 1


def test_the_page_says_which_step_the_worker_is_on(client, importer):
    sent = upload(client, "made.docx", made.as_docx())
    ImportUpload.objects.update(status="reading", stage=STAGE_FINDING)
    page = client.get(sent["Location"]).content.decode()
    assert "Being read" in page and STAGE_FINDING in page


def test_reading_says_when_the_text_is_read_before_finding_the_records(db):
    told: list[str] = []
    read = review_read(
        file_name="made.docx", content=made.as_docx(), progress=lambda: told.append("read")
    )
    assert told == ["read"] and read.extraction.recommendations


def test_a_small_document_is_still_read_while_its_sender_waits(client, inspector):
    client.force_login(inspector)
    sent = upload(client, "made.docx", made.as_docx())
    review = ImportReview.objects.get()
    assert sent["Location"] == f"/imports/{review.pk}/" and not ImportUpload.objects.exists()


def test_an_upload_is_read_once_however_often_its_task_runs(client, importer):
    from followthrough.ingest.review.background import upload_read

    upload(client, "made.docx", made.as_docx())
    run_queued_tasks()
    queued = ImportUpload.objects.get()
    assert upload_read(upload_id=str(queued.pk)) is None
    assert ImportReview.objects.count() == 1
