from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from followthrough.core.access import access

from .access import get_report_for_user


@access("signed_in")
def report_findings(request: HttpRequest, pk: int) -> HttpResponse:
    """A report's findings tables: every statement and its percentages, by section."""
    report = get_report_for_user(request.user, pk)
    sections: list[tuple[str, list[Any]]] = []
    columns: list[str] = []
    for finding in report.findings.all():
        if not sections or sections[-1][0] != finding.section:
            sections.append((finding.section, []))
        sections[-1][1].append(finding)
        columns.extend(c for c in finding.values if c not in columns)
    for _, findings in sections:
        for finding in findings:
            finding.cells = [finding.values.get(c) for c in columns]
    return render(
        request,
        "inspections/report_findings.html",
        {"report": report, "sections": sections, "columns": columns or ["Yes", "No"]},
    )
