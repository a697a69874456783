"""Reads of reports, their findings tables, recommendations and their practice examples."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .models import Finding, Recommendation, Report

RELATED_PRACTICE_LIMIT = 5


@dataclass(frozen=True)
class FindingRow:
    """One statement of a findings table, with its percentages in the table's column order
    (None where the source was unreadable or gave no figure)."""

    finding: Finding
    cells: list[float | None]


@dataclass(frozen=True)
class FindingsTables:
    """A report's findings by section, and the columns every section's table shares."""

    sections: list[tuple[str, list[FindingRow]]]
    columns: list[str]


def findings_tables(report: Report) -> FindingsTables:
    """Every statement of the report's findings, grouped by section in report order: one query."""
    findings = list(report.findings.all())
    columns: list[str] = []
    for finding in findings:
        columns.extend(c for c in finding.values if c not in columns)
    sections: list[tuple[str, list[FindingRow]]] = []
    for finding in findings:
        if not sections or sections[-1][0] != finding.section:
            sections.append((finding.section, []))
        sections[-1][1].append(FindingRow(finding, [finding.values.get(c) for c in columns]))
    return FindingsTables(sections, columns)


def related_practice(recommendation: Any) -> list[Any]:
    """Practice examples sharing a theme with the recommendation, good and promising first,
    from its own report first. One query."""
    from django.db.models import Case, IntegerField, Q, Value, When

    from .models import PracticeExample

    themes = list(recommendation.themes or [])[:4]
    if not themes:
        return []
    match = Q()
    for theme in themes:
        match |= Q(themes__icontains=f'"{theme}"')
    return list(
        PracticeExample.objects.filter(match)
        .select_related("report")
        .annotate(
            own=Case(
                When(report_id=recommendation.report_id, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("own", "kind", "report_id", "order")[:RELATED_PRACTICE_LIMIT]
    )


def recommendation_text(rec: Recommendation) -> str:
    """The recommendation's text with its lettered items, one per line, as exports print it."""
    items = "\n".join(
        f"{i['label'] + '. ' if i.get('label') else '• '}{i['text']}" for i in rec.items
    )
    text: str = rec.text
    return text + (f"\n{items}" if items else "")


def reports_for(user: Any) -> list[Report]:
    """Every report the user may read, with its inspectorates."""
    return list(Report.objects.visible_to(user).prefetch_related("inspectorates"))
