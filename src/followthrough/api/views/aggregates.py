"""The casework aggregates: a youth justice service's board pack for its members, and the
national figures for the Youth Justice Board and the inspectorates, with every table suppressed
exactly as the pages suppress it. Never a case reference."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from followthrough.cases.access import get_board_service_for_user
from followthrough.cases.board import Pack, board_pack, national_pack
from followthrough.cases.board_exports import pack_blocks
from followthrough.core.access import allowed
from followthrough.core.forms import int_param

from ..serializers.aggregates import CaseworkFiguresSerializer


def _figures(pack: Pack) -> dict[str, Any]:
    blocks = pack_blocks(pack, list(pack.breakdowns))
    return {
        "title": pack.title,
        "as_at": pack.today,
        "definition": pack.definition,
        "breakdowns": pack.breakdowns,
        "tables": [vars(block) for block in blocks],
    }


class BoardPackView(APIView):
    @extend_schema(
        responses=CaseworkFiguresSerializer,
        parameters=[OpenApiParameter("service", int, description="The service (else your first)")],
    )
    def get(self, request: Any) -> Response:
        if not allowed(request.user, "organisations.read_board_pack"):
            raise NotFound
        asked = request.query_params.get("service")
        service = get_board_service_for_user(request.user, int_param(asked) if asked else None)
        pack = board_pack(service, today=timezone.localdate())
        return Response(CaseworkFiguresSerializer(_figures(pack)).data)


class NationalFiguresView(APIView):
    @extend_schema(responses=CaseworkFiguresSerializer)
    def get(self, request: Any) -> Response:
        if not allowed(request.user, "organisations.read_national_casework"):
            raise NotFound
        pack = national_pack(today=timezone.localdate())
        return Response(CaseworkFiguresSerializer(_figures(pack)).data)
