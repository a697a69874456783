"""The caseload, opening a case and the case page. Every view of a case is written to the access
log before the page is built."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from followthrough.core.access import FORM_METHODS, access, allowed
from followthrough.core.forms import apply_errors, int_param
from followthrough.core.once import once_per_token

from ..access import (
    get_case_for_user,
    get_case_service_for_user,
)
from ..forms import CaseloadFilterForm, CaseOpenForm
from ..milestones import PHASES
from ..selectors import (
    case_detail,
    case_views_for,
    caseload,
    escalated_tasks,
)
from ..services import case_open, case_view_record


@access("case_worker")
def case_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    form = CaseloadFilterForm(request.GET or None)
    chosen = form.cleaned_data["phase"] if form.is_valid() else ""
    page = int_param(request.GET.get("page")) or 1
    load = caseload(request.user, today=today, phase_filter=chosen, page=page)
    return render(
        request,
        "cases/case_list.html",
        {
            "load": load,
            "rows": load.rows,
            "form": form,
            "chosen": chosen,
            "phases": PHASES,
            "today": today,
            "escalated": escalated_tasks(request.user),
            "administers": allowed(request.user, "organisations.read_case_access_log"),
        },
    )


@access("case_worker", methods=FORM_METHODS)
@once_per_token
def case_new(request: HttpRequest) -> HttpResponse:
    """Open a child's case at sentence (or remand), under the service's own reference."""
    service = get_case_service_for_user(request.user)
    form = CaseOpenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                case = case_open(service=service, actor=request.user, **data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, f"Case {case.reference} opened")
            return redirect("cases:case-detail", pk=case.pk)
    return render(request, "cases/case_new.html", {"form": form, "service": service})


@access("case_worker")
def case_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_case_for_user(request.user, pk)
    case_view_record(case=case, user=request.user, page="cases:case-detail")
    today = timezone.localdate()
    return render(
        request,
        "cases/case_detail.html",
        {
            "case": case,
            "today": today,
            "writable": allowed(request.user, "cases.change_case", case),
            **case_detail(case, today=today),
        },
    )


@access("service_admin")
def access_log_view(request: HttpRequest) -> HttpResponse:
    """Who opened which of the service's cases, and when: for its administrators."""
    return render(request, "cases/access_log.html", {"views": case_views_for(request.user)})
