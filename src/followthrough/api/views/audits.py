"""Case audits: listed with their set-up and state; one audit with its findings and ratings, for
those its findings page allows, never a sampled case."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from followthrough.core.access import allowed

from ..filters.audits import AuditFilter
from ..selectors.audits import audit_figures, audits_for
from ..serializers.audits import (
    AuditFiguresSerializer,
    AuditSerializer,
    AuditWithFindingsSerializer,
)
from . import ReadOnly


class AuditViewSet(ReadOnly):
    serializer_class = AuditSerializer
    filterset_class = AuditFilter
    ordering_fields = ["id", "period_end"]

    def get_queryset(self) -> Any:
        return audits_for(self.request.user)

    def get_object(self) -> Any:
        audit = super().get_object()
        if not allowed(self.request.user, "audits.view_audit", audit):
            raise NotFound
        return audit

    @extend_schema(responses=AuditWithFindingsSerializer)
    def retrieve(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        audit = self.get_object()
        figures = audit_figures(audit, request.user)
        findings = None if figures is None else AuditFiguresSerializer(figures).data
        return Response({**AuditSerializer(audit).data, "findings": findings})
