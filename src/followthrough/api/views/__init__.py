"""The API's endpoints: thin read-only views over the selectors' querysets, each declared with
its access rule so the permission matrix checks it like a page."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework import permissions, viewsets
from rest_framework.filters import OrderingFilter
from rest_framework.pagination import CursorPagination

from followthrough.core.access import READ, RULES

from .. import filters, selectors, serializers


def declared(view: Any, rule: str, *, methods: tuple[str, ...] = READ) -> Any:
    """Name the view's rule and methods for the permission matrix. Django's sign-in redirect is
    off: the API answers 401 itself, since a token is only read inside the view."""
    if rule not in RULES:
        raise ValueError(f"unknown access rule {rule!r}")
    view.access_rule = rule
    view.access_methods = methods
    view.access_api = True
    view.login_required = False
    return view


class Cursor(CursorPagination):
    ordering = "id"
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


class ReadOnly(viewsets.ReadOnlyModelViewSet):  # type: ignore[type-arg]
    pagination_class = Cursor
    filter_backends = [DjangoFilterBackend, OrderingFilter]
    ordering_fields = ["id"]

    def http_method_not_allowed(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        # Someone who cannot see the record learns nothing: 404 before 405.
        if "pk" in kwargs:
            self.get_object()
        return super().http_method_not_allowed(request, *args, **kwargs)

    def retrieve(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        # A versioned record's ETag is its version, which writes send back in If-Match.
        answer = super().retrieve(request, *args, **kwargs)
        if isinstance(answer.data.get("version"), int):
            answer["ETag"] = f'"{answer.data["version"]}"'
        return answer


class ReportViewSet(ReadOnly):
    serializer_class = serializers.ReportSerializer
    ordering_fields = ["id", "title"]

    def get_queryset(self) -> Any:
        return selectors.reports_for(self.request.user)


class RecommendationViewSet(ReadOnly):
    serializer_class = serializers.RecommendationSerializer
    filterset_class = filters.RecommendationFilter

    def get_queryset(self) -> Any:
        return selectors.recommendations_for(self.request.user)


class ActionPlanViewSet(ReadOnly):
    serializer_class = serializers.ActionPlanSerializer
    filterset_class = filters.ActionPlanFilter

    def get_serializer_class(self) -> Any:
        if self.action == "list":
            return serializers.ActionPlanSummarySerializer
        return serializers.ActionPlanSerializer

    def get_queryset(self) -> Any:
        if self.action == "list":
            return selectors.action_plan_summaries_for(self.request.user)
        return selectors.action_plans_for(self.request.user, today=timezone.localdate())


class OrganisationViewSet(ReadOnly):
    serializer_class = serializers.OrganisationSerializer
    ordering_fields = ["id", "name"]

    def get_queryset(self) -> Any:
        return selectors.organisations_for(self.request.user)


class SchemaView(SpectacularAPIView):
    permission_classes = [permissions.AllowAny]


class DocsView(SpectacularSwaggerSplitView):
    """Swagger UI from our own static files; its script is a separate file, so the content
    security policy needs no inline script or style."""

    permission_classes = [permissions.AllowAny]
    template_name = "api/swagger_ui.html"
