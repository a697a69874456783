"""The filters list endpoints take, by the fields the pages filter on."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms

from followthrough.actionplans.models import ActionPlan
from followthrough.inspections.models import Recommendation

# The largest id a database column holds: past it, a number names no record.
LARGEST_ID = 2**63 - 1


class RecordId(django_filters.NumberFilter):
    """A record's id: a whole number from 1 that a database can hold, so anything else is a
    400 naming the filter, never a server error."""

    field_class = forms.IntegerField

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", LARGEST_ID)
        super().__init__(*args, **kwargs)


class Year(django_filters.NumberFilter):
    """A year, as a whole number in a plausible range."""

    field_class = forms.IntegerField

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, min_value=1900, max_value=2200, **kwargs)


class RecommendationFilter(django_filters.FilterSet):
    report = RecordId(field_name="report_id")
    addressee = RecordId(field_name="addressees", distinct=True)
    theme = django_filters.CharFilter(method="by_theme")

    class Meta:
        model = Recommendation
        fields = ["report", "addressee", "theme"]

    def by_theme(self, queryset, name, value):  # type: ignore[no-untyped-def]
        # Themes are a JSON list; matching the quoted slug works on SQLite and PostgreSQL.
        return queryset.filter(themes__icontains=f'"{value}"')


class ActionPlanFilter(django_filters.FilterSet):
    report = RecordId(field_name="report_id")
    organisation = RecordId(field_name="coordinating_organisation_id")
    status = django_filters.ChoiceFilter(choices=ActionPlan.Status.choices)

    class Meta:
        model = ActionPlan
        fields = ["report", "organisation", "status"]
