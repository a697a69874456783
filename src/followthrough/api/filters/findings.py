"""Filters of the findings and practice example endpoints: by report, and as the pages group
them (a finding's section; a practice example's kind and theme)."""

from __future__ import annotations

import django_filters

from followthrough.inspections.models import Finding, PracticeExample

from . import RecordId


class FindingFilter(django_filters.FilterSet):
    report = RecordId(field_name="report_id")
    section = django_filters.CharFilter(field_name="section", lookup_expr="iexact")

    class Meta:
        model = Finding
        fields = ["report", "section"]


class PracticeExampleFilter(django_filters.FilterSet):
    report = RecordId(field_name="report_id")
    kind = django_filters.ChoiceFilter(choices=PracticeExample.Kind.choices)
    theme = django_filters.CharFilter(method="by_theme")

    class Meta:
        model = PracticeExample
        fields = ["report", "kind", "theme"]

    def by_theme(self, queryset, name, value):  # type: ignore[no-untyped-def]
        # Themes are a JSON list; matching the quoted slug works on SQLite and PostgreSQL.
        return queryset.filter(themes__icontains=f'"{value}"')
