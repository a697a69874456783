"""Large documents are read by the worker, not while their sender waits: the upload is kept, a
task reads it into a review, and the page the sender is sent to says how far it has got."""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.db import transaction

from ..models import ImportUpload
from ..services import IngestError
from .commit import review_keep, review_read

logger = logging.getLogger(__name__)

STAGE_READING = "Reading the text of the document"
STAGE_FINDING = "Finding the recommendations and responses"


def read_in_background(size: int) -> bool:
    """Whether a file this size is read by the worker rather than in the request."""
    return size > settings.INGEST_BACKGROUND_BYTES


def upload_queue(*, file_name: str, content: bytes, actor: Any) -> ImportUpload:
    """Keep the file and queue its reading. The task row is written in the caller's
    transaction, so the worker never sees a task for an upload that was not saved."""
    from ..tasks import read_upload

    upload = ImportUpload(
        file_name=file_name[:255],
        size=len(content),
        content=content,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    upload.full_clean(exclude=["content"])
    upload.save()
    queued = read_upload.enqueue(str(upload.pk))
    upload.task_id = str(queued.id)
    upload.save(update_fields=["task_id", "updated_at"])
    return upload


def _stage(upload: ImportUpload, status: str, stage: str) -> None:
    """Say how far the reading has got; saved at once, outside the reading's transaction, so
    the sender's page shows it while the worker is still busy."""
    upload.status = status
    upload.stage = stage
    upload.save(update_fields=["status", "stage", "updated_at"])


def upload_read(*, upload_id: str) -> ImportUpload | None:
    """Read a waiting upload into a review, or record in one line why it cannot be read. Each
    stage is saved as it starts, so it must run outside a transaction (as the worker runs it);
    the review is then written in one transaction, so a failure stores nothing of it."""
    upload = (
        ImportUpload.objects.select_related("created_by")
        .filter(pk=upload_id, status=ImportUpload.Status.WAITING)
        .first()
    )
    if upload is None:
        return None
    _stage(upload, ImportUpload.Status.READING, STAGE_READING)
    try:
        read = review_read(
            file_name=upload.file_name,
            content=bytes(upload.content),
            progress=lambda: _stage(upload, ImportUpload.Status.READING, STAGE_FINDING),
        )
        with transaction.atomic():
            review = review_keep(read=read, actor=upload.created_by)
    except IngestError as exc:
        reason = str(exc).split(": ", 1)[-1]
        upload.error = reason[:1].upper() + reason[1:]
        upload.status = ImportUpload.Status.REFUSED
        upload.stage = ""
        upload.save(update_fields=["error", "status", "stage", "updated_at"])
        return upload
    except Exception:
        logger.exception("Upload %s could not be read", upload_id)
        upload.error = "The document could not be read because of a fault in Followthrough"
        upload.status = ImportUpload.Status.REFUSED
        upload.stage = ""
        upload.save(update_fields=["error", "status", "stage", "updated_at"])
        return upload
    upload.review = review
    upload.status = ImportUpload.Status.READ
    upload.stage = ""
    upload.save(update_fields=["review", "status", "stage", "updated_at"])
    return upload
