"""Ingest's background tasks: documents too large to read while their sender waits."""

from __future__ import annotations

from followthrough.core.tasks import task

from .review.background import upload_read


@task()
def read_upload(upload_id: str) -> str:
    """Read an uploaded document into a review; says what became of it."""
    upload = upload_read(upload_id=upload_id)
    return upload.status if upload is not None else "gone"
