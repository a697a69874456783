"""Reporting's background tasks: downloads too long to build while the person waits."""

from __future__ import annotations

from followthrough.core.tasks import task

from .services import download_prepare


@task()
def prepare_download(download_id: str) -> str:
    """Build a download's file; says what became of it. No transaction around it: on the
    embedded SQLite a transaction holds the only writer's lock from its start, and the
    inspectorate's whole list as a PDF takes minutes at national scale, while every other save
    would wait 20 s and fail. The file is kept by one UPDATE, atomic by itself."""
    download = download_prepare(download_id=download_id)
    return download.status if download is not None else "gone"
