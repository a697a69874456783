"""Filters of the casework endpoints, by what the caseload and task pages filter on."""

from __future__ import annotations

import django_filters

from followthrough.cases.models import Case, Task

from . import RecordId


class CaseFilter(django_filters.FilterSet):
    reference = django_filters.CharFilter(field_name="reference", lookup_expr="iexact")
    service = RecordId(field_name="service_id")
    closed = django_filters.BooleanFilter(
        field_name="closed_on", lookup_expr="isnull", exclude=True
    )

    class Meta:
        model = Case
        fields = ["reference", "service", "closed"]


class TaskFilter(django_filters.FilterSet):
    case = RecordId(field_name="case_id")
    case_reference = django_filters.CharFilter(field_name="case__reference", lookup_expr="iexact")
    owner = RecordId(field_name="owner_id")
    status = django_filters.ChoiceFilter(choices=Task.Status.choices)

    class Meta:
        model = Task
        fields = ["case", "case_reference", "owner", "status"]
