"""Reporting's writes: downloads asked for, and prepared by the worker."""

from __future__ import annotations

import logging
from typing import Any

from .models import Download
from .selectors.downloads import download_waiting

logger = logging.getLogger(__name__)


def download_request(
    *,
    user: Any,
    kind: str,
    fmt: str,
    params: dict[str, Any],
    cache_key: str,
    file_name: str,
    content_type: str,
) -> Download:
    """A download of this data for this user: the one already asked for when the data has not
    changed since, or a new one queued for the worker. The task row is written in the caller's
    transaction, so the worker never sees a task for a download that was not saved."""
    from .tasks import prepare_download

    earlier = download_waiting(user=user, cache_key=cache_key)
    if earlier is not None:
        return earlier
    download = Download(
        requested_by=user,
        kind=kind,
        fmt=fmt,
        params=params,
        cache_key=cache_key,
        file_name=file_name,
        content_type=content_type,
    )
    download.full_clean()
    download.save()
    queued = prepare_download.enqueue(str(download.pk))
    download.task_id = str(queued.id)
    download.save(update_fields=["task_id", "updated_at"])
    return download


def download_prepare(*, download_id: str) -> Download | None:
    """Build the file and keep it; a file that cannot be built is marked failed, with the
    reason logged, so the person who asked sees an error page rather than waiting for ever."""
    from .exports.prepared import build_download

    download = (
        Download.objects.select_related("requested_by")
        .filter(pk=download_id, status=Download.Status.PREPARING)
        .first()
    )
    if download is None:
        return None
    try:
        # Built with no transaction open (the task opens none): a file minutes long to build
        # must not hold SQLite's writer lock; a query that fails leaves the row writable.
        content = build_download(download)
    except Exception:
        logger.exception("Download %s could not be prepared", download_id)
        download.status = Download.Status.FAILED
        download.save(update_fields=["status", "updated_at"])
        return download
    download.content = content
    download.status = Download.Status.READY
    download.save(update_fields=["content", "status", "updated_at"])
    return download
