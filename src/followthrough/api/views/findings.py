"""A report's findings and practice examples, read wherever the report can be read."""

from __future__ import annotations

from typing import Any

from ..filters import findings as filters
from ..selectors import findings as selectors
from ..serializers import findings as serializers
from . import ReadOnly


class FindingViewSet(ReadOnly):
    serializer_class = serializers.FindingSerializer
    filterset_class = filters.FindingFilter
    ordering_fields = ["id", "order"]

    def get_queryset(self) -> Any:
        return selectors.findings_for(self.request.user)


class PracticeExampleViewSet(ReadOnly):
    serializer_class = serializers.PracticeExampleSerializer
    filterset_class = filters.PracticeExampleFilter
    ordering_fields = ["id", "order", "title"]

    def get_queryset(self) -> Any:
        return selectors.practice_examples_for(self.request.user)
