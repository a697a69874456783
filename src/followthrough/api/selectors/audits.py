"""Reads for the case audit endpoints: the audits the findings pages allow (the service's members,
the inspectorate where shared, superusers; the same `visible_to`), and one audit's findings and
ratings as its CSV download holds them, small numbers hidden from readers outside the service."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from followthrough.audits.exports import findings_layout
from followthrough.audits.exports.files import CSV_HEADER, flat_rows
from followthrough.audits.models import Audit
from followthrough.audits.selectors.findings import audit_findings, still_marking_blind
from followthrough.organisations.access import standing_of


def audits_for(user: Any) -> QuerySet[Audit]:
    return Audit.objects.visible_to(user)


@dataclass(frozen=True)
class AuditFigures:
    """An audit's findings as its CSV download has them, and each rating with its steps; None
    for someone still to mark a case a second time, who may not see the first marks yet."""

    headers: list[str]
    rows: list[list[Any]]
    ratings: list[dict[str, Any]]


def audit_figures(audit: Audit, user: Any) -> AuditFigures | None:
    if still_marking_blind(audit, user):
        return None
    outsider = audit.organisation_id not in standing_of(user).organisation_ids
    layout = findings_layout(audit_findings(audit, outsider=outsider, reader=user))
    ratings = [
        {"of": t.section.title, "rating": t.rating.label, "steps": list(t.rating.steps)}
        for t in layout.sections
        if t.rating is not None
    ]
    standard = layout.findings.standard
    ratings.append({"of": "The standard", "rating": standard.label, "steps": list(standard.steps)})
    return AuditFigures(list(CSV_HEADER), flat_rows(layout), ratings)
