"""Aggregates for the management board and nationally: never a case reference, small numbers
suppressed. The board pack also downloads as Word and PDF for board papers."""

from __future__ import annotations

from typing import cast

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.text import slugify

from followthrough.core.access import access
from followthrough.core.forms import int_param
from followthrough.organisations.models import Organisation

from ..access import get_board_service_for_user
from ..board import (
    SERVICE_ORDERS,
    NationalPage,
    Pack,
    board_pack,
    national_page,
    national_page_version,
)
from ..board_exports import DOCX, PDF, pack_blocks, pack_docx, pack_pdf, phase_chart_uri
from ..selectors import services_of


def _by(request: HttpRequest, pack: Pack) -> str:
    """The breakdown asked for with ?by=, else the pack's first."""
    asked = request.GET.get("by", "")
    return asked if asked in pack.breakdowns else next(iter(pack.breakdowns))


def _pack_for(request: HttpRequest) -> tuple[Organisation, Pack]:
    """The service asked for with ?service= (the user's first otherwise) and its pack."""
    asked = request.GET.get("service")
    service = get_board_service_for_user(request.user, int_param(asked) if asked else None)
    return service, board_pack(service, today=timezone.localdate())


@access("service_member")
def board_pack_view(request: HttpRequest) -> HttpResponse:
    """The management board's pack: aggregates of one service, small numbers suppressed."""
    service, pack = _pack_for(request)
    by = _by(request, pack)
    return render(
        request,
        "cases/board.html",
        {
            "pack": pack,
            "by": by,
            "service": service,
            "services": services_of(request.user),
            "chart": phase_chart_uri(pack),
            "blocks": pack_blocks(pack, [by]),
        },
    )


def _download(pack: Pack, content: bytes, content_type: str, extension: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    name = f"board-pack-{slugify(pack.title)[:60]}-{pack.today:%Y-%m-%d}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@access("service_member")
def board_pack_docx(request: HttpRequest) -> HttpResponse:
    """The pack as a Word document for board papers: every breakdown, suppressed as on the page."""
    _, pack = _pack_for(request)
    return _download(pack, pack_docx(pack), DOCX, "docx")


@access("service_member")
def board_pack_pdf(request: HttpRequest) -> HttpResponse:
    """The pack as a PDF for board papers."""
    _, pack = _pack_for(request)
    return _download(pack, pack_pdf(pack), PDF, "pdf")


@access("national_reader")
def national_view(request: HttpRequest) -> HttpResponse:
    """Every service's casework in aggregate, for the YJB and the inspectorates: the tables by
    service a page of services at a time, found by name and ordered with ?name= and ?order=. The
    rendering is kept per change of the casework (national_page_version): the page is read and
    drawn only when the template's cache has nothing under the version."""
    today = timezone.localdate()
    asked = [request.GET.get(key, "").strip()[:200] for key in ("name", "order", "page")]
    name, order, page = asked
    national = SimpleLazyObject(
        lambda: national_page(today=today, name=name, order=order, page=page)
    )
    pack = SimpleLazyObject(lambda: cast(NationalPage, national).pack)
    by = SimpleLazyObject(lambda: _by(request, cast(Pack, pack)))
    return render(
        request,
        "cases/national.html",
        {
            # Keyed on the whole query: the breakdown and the page links read it as it came.
            "version": national_page_version(today=today, asked=[request.GET.urlencode()]),
            "pack": pack,
            "by": by,
            "national": national,
            "orders": SERVICE_ORDERS,
            "chart": SimpleLazyObject(lambda: phase_chart_uri(cast(Pack, pack))),
            "blocks": SimpleLazyObject(lambda: pack_blocks(cast(Pack, pack), [str(by)])),
        },
    )
