"""Reporting's background tasks: downloads too long to build while the person waits."""

from __future__ import annotations

from django.db import transaction

from followthrough.core.tasks import task

from .services import download_prepare


@task()
def prepare_download(download_id: str) -> str:
    """Build a download's file; says what became of it."""
    with transaction.atomic():
        download = download_prepare(download_id=download_id)
    return download.status if download is not None else "gone"
