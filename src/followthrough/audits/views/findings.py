"""An audit's findings: the page beside the national figures, with its ratings, agreement and
charts, and the same figures as Word, Excel and CSV. Readers outside the service (the
inspectorate where it was shared, superusers) see small numbers hidden, on the page and in files."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify

from followthrough.core.access import READ, access, allowed
from followthrough.organisations.access import standing_of

from ..access import WORK, get_audit_for_user
from ..exports import (
    CSV,
    DOCX,
    STILL_MARKING,
    XLSX,
    Layout,
    chart_title,
    chart_uri,
    findings_csv,
    findings_docx,
    findings_layout,
    findings_xlsx,
    section_chart,
)
from ..models import Audit
from ..selectors.findings import audit_findings, still_marking_blind


def _layout(request: HttpRequest, pk: int) -> tuple[Audit, Layout]:
    """The findings as this reader may see them; a download is refused to someone still to mark
    a case a second time (the page says why)."""
    audit = get_audit_for_user(request.user, pk)
    if still_marking_blind(audit, request.user):
        raise Http404
    outsider = audit.organisation_id not in standing_of(request.user).organisation_ids
    return audit, findings_layout(audit_findings(audit, outsider=outsider, reader=request.user))


@access("case_audit_reader", methods=READ)
def audit_findings_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Per section a table in the inspectorate's columns with its chart, each rating with its
    steps, and the markers' agreement."""
    blind = still_marking_blind(get_audit_for_user(request.user, pk), request.user)
    if blind:
        return render(
            request,
            "audits/audit_findings_blind.html",
            {"audit": get_audit_for_user(request.user, pk), "cases": blind},
        )
    audit, layout = _layout(request, pk)
    sections = [
        (table, chart_uri(section_chart(chart_title(table), table.bars)) if table.lines else "")
        for table in layout.sections
    ]
    return render(
        request,
        "audits/audit_findings.html",
        {
            "audit": audit,
            "layout": layout,
            "findings": layout.findings,
            "sections": sections,
            "still_marking": STILL_MARKING,
            "can_work": allowed(request.user, WORK, audit),
        },
    )


def _download(audit: Audit, content: bytes, content_type: str, extension: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    name = f"audit-findings-{slugify(audit.title)[:60] or audit.pk}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@access("case_audit_reader", methods=READ)
def audit_findings_docx(request: HttpRequest, pk: int) -> HttpResponse:
    """The findings for board papers, as a Word document."""
    audit, layout = _layout(request, pk)
    return _download(audit, findings_docx(layout), DOCX, "docx")


@access("case_audit_reader", methods=READ)
def audit_findings_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    """The findings, ratings and agreement as a spreadsheet, numbers as numbers."""
    audit, layout = _layout(request, pk)
    return _download(audit, findings_xlsx(layout), XLSX, "xlsx")


@access("case_audit_reader", methods=READ)
def audit_findings_csv(request: HttpRequest, pk: int) -> HttpResponse:
    """One row per criterion (per category of a categorical one)."""
    audit, layout = _layout(request, pk)
    return _download(audit, findings_csv(layout), CSV, "csv")
