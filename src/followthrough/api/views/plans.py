"""A plan's versions, progress updates and target revisions, and the reviews of
recommendations: read where the plan or recommendation they belong to can be read."""

from __future__ import annotations

from typing import Any

from ..filters import plans as filters
from ..selectors import plans as selectors
from ..serializers import plans as serializers
from . import ReadOnly


class PlanVersionViewSet(ReadOnly):
    serializer_class = serializers.PlanVersionSerializer
    filterset_class = filters.PlanVersionFilter
    ordering_fields = ["id", "number"]

    def get_queryset(self) -> Any:
        return selectors.plan_versions_for(self.request.user)


class ProgressUpdateViewSet(ReadOnly):
    serializer_class = serializers.ProgressUpdateSerializer
    filterset_class = filters.ProgressUpdateFilter
    ordering_fields = ["id", "date"]

    def get_queryset(self) -> Any:
        return selectors.progress_updates_for(self.request.user)


class TargetRevisionViewSet(ReadOnly):
    serializer_class = serializers.TargetRevisionSerializer
    filterset_class = filters.TargetRevisionFilter
    ordering_fields = ["id", "proposed_on"]

    def get_queryset(self) -> Any:
        return selectors.target_revisions_for(self.request.user)


class ReviewViewSet(ReadOnly):
    serializer_class = serializers.ReviewSerializer
    filterset_class = filters.ReviewFilter
    ordering_fields = ["id", "date"]

    def get_queryset(self) -> Any:
        return selectors.reviews_for(self.request.user)
