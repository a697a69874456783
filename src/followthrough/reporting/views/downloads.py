"""Downloads prepared in the background: asking for a long export queues it for the worker and
shows a page saying it is being prepared, with a link to check again (no JavaScript, nothing
refreshing by itself); the same address hands over the file once it is ready."""

from __future__ import annotations

import uuid
from typing import Any

from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from followthrough.core.access import access
from followthrough.inspections.access import get_report_for_user

from ..access import get_download_for_user
from ..exports.annual import ANNUAL_FORMATS
from ..exports.lists import LIST_FORMATS
from ..exports.prepared import content_type_of
from ..models import Download
from ..selectors.downloads import (
    download_cache_key,
    open_recommendations_version,
    progress_report_version,
)
from ..services import download_request
from .inspectorate import _describe, _filters, _sort


def _answer(request: HttpRequest, download: Download) -> HttpResponse:
    """The file when it is ready; otherwise a page saying where it stands."""
    if download.status == Download.Status.READY:
        response = HttpResponse(bytes(download.content or b""), content_type=download.content_type)
        response["Content-Disposition"] = f'attachment; filename="{download.file_name}"'
        return response
    template = (
        "reporting/download_failed.html"
        if download.status == Download.Status.FAILED
        else "reporting/download_preparing.html"
    )
    return render(request, template, {"download": download, "back": download.params["page"]})


def request_download(
    request: HttpRequest,
    *,
    kind: str,
    fmt: str,
    params: dict[str, Any],
    version: list[str],
    name: str,
) -> HttpResponse:
    """Queue the file for the worker (or find the one already asked for) and answer with it, or
    with the page saying it is being prepared; the audit log's download uses it too."""
    today = timezone.localdate()
    params = {**params, "today": today.isoformat()}
    key = download_cache_key(kind=kind, fmt=fmt, params=params, version=version, today=today)
    with transaction.atomic():
        download = download_request(
            user=request.user,
            kind=kind,
            fmt=fmt,
            params=params,
            cache_key=key,
            file_name=f"{name}-{today:%Y-%m-%d}.{fmt}",
            content_type=content_type_of(fmt),
        )
    return _answer(request, download)


@access("signed_in")
def annual_report_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """A report's progress report as Word or PDF, built by the worker."""
    if fmt not in ANNUAL_FORMATS:
        raise Http404
    report = get_report_for_user(request.user, pk)
    name = slugify(report.title)[:80] or "report"
    return request_download(
        request,
        kind=Download.Kind.PROGRESS_REPORT,
        fmt=fmt,
        params={"report": report.pk, "page": reverse("reporting:annual-report", args=[pk])},
        version=progress_report_version(report, user=request.user),
        name=f"progress-report-{name}",
    )


@access("inspectorate_member")
def inspectorate_download(request: HttpRequest, fmt: str) -> HttpResponse:
    """The inspectorate's filtered list of open recommendations, every matching row, built by
    the worker."""
    if fmt not in LIST_FORMATS:
        raise Http404
    filters = _filters(request.GET)
    query = request.GET.urlencode()
    page = reverse("reporting:inspectorate") + (f"?{query}" if query else "")
    return request_download(
        request,
        kind=Download.Kind.OPEN_RECOMMENDATIONS,
        fmt=fmt,
        params={
            "filters": filters,
            "sort": _sort(request.GET),
            "described": _describe(filters),
            "page": page,
        },
        version=open_recommendations_version(user=request.user),
        name="open-recommendations",
    )


@access("download_requester")
def download_detail(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    """A download asked for earlier: the file once ready, until then where it stands."""
    return _answer(request, get_download_for_user(request.user, pk))
