"""Filters of the case audit endpoint, as the audits page lists them."""

from __future__ import annotations

import django_filters

from followthrough.audits.models import Audit

from . import RecordId


class AuditFilter(django_filters.FilterSet):
    organisation = RecordId(field_name="organisation_id")
    status = django_filters.ChoiceFilter(choices=Audit.Status.choices)

    class Meta:
        model = Audit
        fields = ["organisation", "status"]
