"""Self-assessments with their items and answers, for those the assessment pages allow."""

from __future__ import annotations

from typing import Any

from rest_framework.exceptions import NotFound

from followthrough.core.access import allowed

from ..filters.assessments import SelfAssessmentFilter
from ..selectors.assessments import self_assessments_for
from ..serializers.assessments import SelfAssessmentSerializer
from . import ReadOnly


class SelfAssessmentViewSet(ReadOnly):
    serializer_class = SelfAssessmentSerializer
    filterset_class = SelfAssessmentFilter
    ordering_fields = ["id", "year"]

    def get_queryset(self) -> Any:
        return self_assessments_for(self.request.user)

    def get_object(self) -> Any:
        assessment = super().get_object()
        if not allowed(self.request.user, "selfassessment.view_selfassessment", assessment):
            raise NotFound
        return assessment
