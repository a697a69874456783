"""Filters of the self-assessment endpoint, as the assessments page lists them."""

from __future__ import annotations

import django_filters

from followthrough.selfassessment.models import SelfAssessment

from . import RecordId, Year


class SelfAssessmentFilter(django_filters.FilterSet):
    organisation = RecordId(field_name="organisation_id")
    year = Year(field_name="year")
    status = django_filters.ChoiceFilter(choices=SelfAssessment.Status.choices)

    class Meta:
        model = SelfAssessment
        fields = ["organisation", "year", "status"]
