"""The choices the inspectorate's filters offer, and the records a filter names."""

from __future__ import annotations

from typing import Any

from followthrough.inspections.models import Report
from followthrough.organisations.models import Organisation


def filter_reports() -> Any:
    return Report.objects.order_by("title").only("id", "title")


def filter_organisations() -> Any:
    """The bodies some recommendation is addressed to."""
    return Organisation.objects.filter(recommendations__isnull=False).distinct().order_by("name")


def filter_years() -> list[int]:
    """The years reports were published in, newest first."""
    published = Report.objects.exclude(published=None).values_list("published", flat=True)
    return sorted({day.year for day in published if day is not None}, reverse=True)


def report_named(pk: int) -> Report | None:
    return Report.objects.filter(pk=pk).first()


def organisation_named(pk: int) -> Organisation | None:
    return Organisation.objects.filter(pk=pk).first()
