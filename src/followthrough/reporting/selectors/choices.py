"""The choices the inspectorate's filters offer, and the records a filter names."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.text import Truncator

from followthrough.core.freshness import remembered
from followthrough.inspections.models import Recommendation, Report
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


@dataclass(frozen=True)
class FilterChoices:
    """The dashboard's filter options as (value, label) pairs, labels already shortened."""

    reports: list[tuple[str, str]]
    organisations: list[tuple[str, str]]
    years: list[str]


def filter_choices() -> FilterChoices:
    """Every report, addressee and year the dashboard filters by: hundreds of options at national
    scale, built once per change of those tables (core/freshness.py)."""

    def build() -> FilterChoices:
        return FilterChoices(
            [(str(r.pk), Truncator(r.title).chars(60)) for r in filter_reports()],
            [(str(o.pk), o.name) for o in filter_organisations()],
            [str(year) for year in filter_years()],
        )

    return remembered(
        "filter-choices", tracked=(Report, Recommendation, Organisation), scope=[], compute=build
    )


def report_named(pk: int) -> Report | None:
    return Report.objects.filter(pk=pk).first()


def organisation_named(pk: int) -> Organisation | None:
    return Organisation.objects.filter(pk=pk).first()
