"""The filters list endpoints take, by the fields the pages filter on."""

from __future__ import annotations

import django_filters

from followthrough.actionplans.models import ActionPlan
from followthrough.inspections.models import Recommendation


class RecommendationFilter(django_filters.FilterSet):
    report = django_filters.NumberFilter(field_name="report_id")
    addressee = django_filters.NumberFilter(field_name="addressees", distinct=True)
    theme = django_filters.CharFilter(method="by_theme")

    class Meta:
        model = Recommendation
        fields = ["report", "addressee", "theme"]

    def by_theme(self, queryset, name, value):  # type: ignore[no-untyped-def]
        # Themes are a JSON list; matching the quoted slug works on SQLite and PostgreSQL.
        return queryset.filter(themes__icontains=f'"{value}"')


class ActionPlanFilter(django_filters.FilterSet):
    report = django_filters.NumberFilter(field_name="report_id")
    organisation = django_filters.NumberFilter(field_name="coordinating_organisation_id")
    status = django_filters.ChoiceFilter(choices=ActionPlan.Status.choices)

    class Meta:
        model = ActionPlan
        fields = ["report", "organisation", "status"]
