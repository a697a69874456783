"""Reads for a report's findings (its findings tables' statements, the benchmarks case audits
compare with) and practice examples: wherever the report can be read, as on the pages."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from followthrough.inspections.models import Finding, PracticeExample, Report


def findings_for(user: Any) -> QuerySet[Finding]:
    return Finding.objects.filter(report__in=Report.objects.visible_to(user).values("pk"))


def practice_examples_for(user: Any) -> QuerySet[PracticeExample]:
    return PracticeExample.objects.filter(report__in=Report.objects.visible_to(user).values("pk"))
