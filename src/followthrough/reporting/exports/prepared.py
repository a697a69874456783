"""The files a download prepared in the background holds: built by the worker from what the
person who asked may see, with the same builders the direct downloads use."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from django.http import Http404

from followthrough.core.access import allowed
from followthrough.inspections.access import get_report_for_user

from ..models import Download
from ..selectors import annual_report, open_recommendations
from . import FORMATS
from .annual import ANNUAL_FORMATS
from .lists import LIST_FORMATS

# Files of apps above reporting (the audit log's CSV), which reporting cannot import: each such
# app registers its builder here when it starts (its AppConfig.ready).
BUILDERS: dict[str, Callable[[Download, date], bytes]] = {}


def build_download(download: Download) -> bytes:
    """The file's bytes. Access is asked again: a user who has lost sight of the record since
    asking gets no file (Http404 here marks the download failed)."""
    user = download.requested_by
    params: dict[str, Any] = download.params
    today = date.fromisoformat(params["today"])
    if download.kind == Download.Kind.PROGRESS_REPORT:
        report = get_report_for_user(user, params["report"])
        render = ANNUAL_FORMATS[download.fmt][1]
        return render(annual_report(report, user=user, today=today))
    if download.kind == Download.Kind.OPEN_RECOMMENDATIONS:
        if not allowed(user, "organisations.use_inspectorate_pages"):
            raise Http404
        rows = open_recommendations(
            user=user, today=today, sort=params["sort"], **params["filters"]
        )
        return LIST_FORMATS[download.fmt](rows, today=today, filters=params["described"])
    if download.kind in BUILDERS:
        return BUILDERS[download.kind](download, today)
    raise ValueError(f"unknown download kind {download.kind!r}")


def content_type_of(fmt: str) -> str:
    return FORMATS[fmt][0]
