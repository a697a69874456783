"""Aggregates for the management board and nationally: never a case reference, small numbers
suppressed."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from followthrough.core.access import access
from followthrough.core.forms import int_param

from ..access import (
    get_board_service_for_user,
)
from ..selectors import (
    board_pack,
    national_figures,
    services_of,
)


@access("service_member")
def board_pack_view(request: HttpRequest) -> HttpResponse:
    """The management board's pack: aggregates of one service, small numbers suppressed."""
    asked = request.GET.get("service")
    service = get_board_service_for_user(request.user, int_param(asked) if asked else None)
    today = timezone.localdate()
    return render(
        request,
        "cases/board.html",
        {
            "service": service,
            "services": services_of(request.user),
            "figures": board_pack(service, today=today),
            "today": today,
        },
    )


@access("national_reader")
def national_view(request: HttpRequest) -> HttpResponse:
    """Every service's casework in aggregate, for the YJB and the inspectorates."""
    today = timezone.localdate()
    return render(
        request,
        "cases/national.html",
        {"figures": national_figures(today=today), "today": today},
    )
