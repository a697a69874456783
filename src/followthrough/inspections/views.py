from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from followthrough.core.access import access

from .access import get_report_for_user
from .selectors import findings_tables


@access("signed_in")
def report_findings(request: HttpRequest, pk: int) -> HttpResponse:
    """A report's findings tables: every statement and its percentages, by section."""
    report = get_report_for_user(request.user, pk)
    tables = findings_tables(report)
    return render(
        request,
        "inspections/report_findings.html",
        {
            "report": report,
            "sections": tables.sections,
            "columns": tables.columns or ["Yes", "No"],
        },
    )
