"""The audits a user may see, setting one up, drawing its sample, assigning its markers,
finishing and sharing it. The sampled cases are shown only to the service's case workers."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from followthrough.core.access import FORM_METHODS, READ, access
from followthrough.core.concurrency import StaleEdit
from followthrough.core.forms import apply_errors, int_param
from followthrough.core.once import once_per_token

from ..access import (
    MANAGE,
    WORK,
    audit_services_for,
    get_audit_for_user,
    get_audit_services_for_user,
)
from ..forms.audits import AssignForm, AuditNewForm
from ..selectors.audits import audit_overview, audit_rows, markers_for, published_sets
from ..services import audit_case_assign, audit_create, audit_draw, audit_finish, audit_share
from ..services.audits import population

POST = ("POST",)


@access("signed_in", methods=READ)
def audit_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "audits/audit_list.html",
        {"rows": audit_rows(request.user), "can_start": bool(audit_services_for(request.user))},
    )


@access("audit_starter", methods=FORM_METHODS)
@once_per_token
def audit_new(request: HttpRequest) -> HttpResponse:
    services = get_audit_services_for_user(request.user)
    service = next(
        (s for s in services if s.pk == int_param(request.POST.get("service"))), services[0]
    )
    form = AuditNewForm(request.POST or None, sets=published_sets())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                audit = audit_create(organisation=service, actor=request.user, **data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, "Audit set up: draw the sample when you are ready")
            return redirect("audits:audit-detail", pk=audit.pk)
    return render(
        request, "audits/audit_new.html", {"form": form, "services": services, "service": service}
    )


@access("case_audit_worker", methods=READ)
def audit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    audit = get_audit_for_user(request.user, pk, perm=WORK)
    overview = audit_overview(audit, request.user)
    eligible = population(audit).count() if audit.status == audit.Status.SETTING_UP else None
    return render(
        request,
        "audits/audit_detail.html",
        {"audit": audit, "overview": overview, "eligible": eligible},
    )


def _back(
    request: HttpRequest, pk: int, error: Exception | None = None, done: str = ""
) -> HttpResponse:
    if isinstance(error, ValidationError):
        for message in error.messages:
            messages.error(request, message)
    elif isinstance(error, StaleEdit):
        messages.error(
            request, "Someone else changed the audit after you opened it: check it and try again"
        )
    elif done:
        messages.success(request, done)
    return redirect("audits:audit-detail", pk=pk)


@access("case_audit_manager", methods=POST)
def audit_draw_view(request: HttpRequest, pk: int) -> HttpResponse:
    audit = get_audit_for_user(request.user, pk, perm=MANAGE)
    try:
        with transaction.atomic():
            drawn = audit_draw(
                audit=audit, version=int_param(request.POST.get("version")) or 0, actor=request.user
            )
    except (ValidationError, StaleEdit) as exc:
        return _back(request, pk, exc)
    return _back(request, pk, done=f"{drawn.cases.count()} cases drawn (seed {drawn.seed})")


@access("case_audit_manager", methods=FORM_METHODS)
def audit_assign(request: HttpRequest, pk: int) -> HttpResponse:
    audit = get_audit_for_user(request.user, pk, perm=MANAGE)
    overview = audit_overview(audit, request.user)
    rows = [r.audit_case for r in overview.rows]
    form = AssignForm(request.POST or None, rows=rows, markers=markers_for(audit))
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                for row, version, first, second in form.chosen():
                    row.audit = audit
                    audit_case_assign(
                        audit_case=row,
                        version=version,
                        actor=request.user,
                        first_marker=first,
                        second_marker=second,
                    )
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        except StaleEdit:
            form.add_error(
                None, "Someone else changed the markers after you opened this page: open it again"
            )
        else:
            return _back(request, pk, done="Markers saved")
    return render(request, "audits/audit_assign.html", {"audit": audit, "form": form})


@access("case_audit_manager", methods=POST)
def audit_finish_view(request: HttpRequest, pk: int) -> HttpResponse:
    audit = get_audit_for_user(request.user, pk, perm=MANAGE)
    try:
        with transaction.atomic():
            audit_finish(
                audit=audit, version=int_param(request.POST.get("version")) or 0, actor=request.user
            )
    except (ValidationError, StaleEdit) as exc:
        return _back(request, pk, exc)
    messages.success(request, "Audit finished: its findings and ratings are final")
    return redirect("audits:audit-findings", pk=pk)


@access("case_audit_sharer", methods=POST)
def audit_share_view(request: HttpRequest, pk: int) -> HttpResponse:
    audit = get_audit_for_user(request.user, pk, perm="audits.share_audit")
    shared = request.POST.get("shared") == "1"
    try:
        with transaction.atomic():
            audit_share(audit=audit, shared=shared, actor=request.user)
    except ValidationError as exc:
        return _back(request, pk, exc)
    text = "The inspectorate can now read the findings" if shared else "No longer shared"
    messages.success(request, text)
    return redirect("audits:audit-findings", pk=pk)
