"""Getting cases in and out through the browser: a spreadsheet of cases checked row by row and
imported in one transaction, and the caseload downloaded in the same layout, each downloaded case
written to the access log."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify

from followthrough.core.access import FORM_METHODS, access

from ..access import get_case_service_for_user
from ..exports import caseload_csv, caseload_xlsx, cases_for_export
from ..forms import CaseImportForm
from ..imports import IMPORT_MAX_ROWS, ImportReport, cases_import
from ..services import case_views_record

ERRORS_SHOWN = 100
CSV = "text/csv; charset=utf-8"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _summary(report: ImportReport) -> str:
    return (
        f"{_plural(report.cases_opened, 'case')} opened and {report.cases_updated} updated; "
        f"{_plural(report.tasks_added, 'task')} added and {report.tasks_updated} updated"
    )


@access("case_worker", methods=FORM_METHODS)
def case_import(request: HttpRequest) -> HttpResponse:
    """Upload a spreadsheet of cases. Every row is checked: any error and nothing is written.
    "Check the file" runs the same import and rolls it back, to say what it would do."""
    service = get_case_service_for_user(request.user)
    posted = request.method == "POST"
    form = CaseImportForm(request.POST, request.FILES) if posted else CaseImportForm()
    row_errors: list[str] = []
    checked = None
    if posted and form.is_valid():
        check_only = request.POST.get("action") == "check"
        name = form.cleaned_data["file"].name
        with transaction.atomic():
            report = cases_import(
                service=service,
                content=form.content,
                actor=request.user,
                today=timezone.localdate(),
                max_rows=IMPORT_MAX_ROWS,
            )
            if report.errors or check_only:
                transaction.set_rollback(True)
        if report.errors:
            row_errors = report.errors
            form.add_error(
                "file",
                f"The selected file has {_plural(len(row_errors), 'error')}: nothing was "
                "imported. Correct the file and upload it again",
            )
        elif check_only:
            checked = {"name": name, "summary": _summary(report)}
        else:
            messages.success(request, f"{name} imported: {_summary(report)}")
            return redirect("cases:case-list")
    return render(
        request,
        "cases/case_import.html",
        {
            "form": form,
            "service": service,
            "row_errors": row_errors[:ERRORS_SHOWN],
            "more_errors": max(0, len(row_errors) - ERRORS_SHOWN),
            "checked": checked,
        },
    )


@access("case_worker")
def caseload_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """Every case of the service (anonymised ones apart) and its tasks, in the import layout;
    each case downloaded is written to the access log."""
    service = get_case_service_for_user(request.user)
    cases = cases_for_export(service)
    with transaction.atomic():
        case_views_record(cases=cases, user=request.user, page="cases:export")
    if fmt == "xlsx":
        response = HttpResponse(caseload_xlsx(cases, service=service), content_type=XLSX)
    else:
        response = HttpResponse(caseload_csv(cases), content_type=CSV)
    name = f"caseload-{slugify(service.short_name or service.name)}-{timezone.localdate():%Y-%m-%d}"
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    response["Cache-Control"] = "private, no-store"
    return response
