"""Casework pages: the caseload, a case, a partner's tasks and the update of one task. Every
view of a case is written to the access log before the page is built."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from followthrough.core.access import FORM_METHODS, access
from followthrough.core.forms import apply_errors, int_param, save_versioned

from .access import (
    get_board_service_for_user,
    get_case_for_user,
    get_case_service_for_user,
    get_task_for_user,
)
from .forms import CaseloadFilterForm, CaseOpenForm, TaskUpdateForm
from .milestones import PHASES
from .selectors import (
    board_pack,
    case_detail,
    case_views_for,
    caseload,
    national_figures,
    services_of,
    tasks_for,
)
from .services import case_open, case_view_record, task_update


@access("case_worker")
def case_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    form = CaseloadFilterForm(request.GET or None)
    chosen = form.cleaned_data["phase"] if form.is_valid() else ""
    rows = caseload(request.user, today=today, phase_filter=chosen)
    return render(
        request,
        "cases/case_list.html",
        {"rows": rows, "form": form, "chosen": chosen, "phases": PHASES, "today": today},
    )


@access("case_worker")
def case_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_case_for_user(request.user, pk)
    case_view_record(case=case, user=request.user, page="cases:case-detail")
    today = timezone.localdate()
    return render(
        request,
        "cases/case_detail.html",
        {"case": case, "today": today, **case_detail(case, today=today)},
    )


@access("signed_in")
def task_list(request: HttpRequest) -> HttpResponse:
    """A partner agency's tasks on the service's cases: only the tasks it owns."""
    return render(
        request,
        "cases/task_list.html",
        {"tasks": tasks_for(request.user, today=timezone.localdate())},
    )


@access("task_owner", methods=FORM_METHODS)
def task_update_view(request: HttpRequest, pk: int) -> HttpResponse:
    task = get_task_for_user(request.user, pk, for_write=True)
    stale = None
    if request.method == "POST":
        form, stale, saved = save_versioned(
            request,
            TaskUpdateForm,
            lambda data: task_update(
                task=task,
                status=data["status"],
                note=data["note"],
                version=data["version"],
                actor=request.user,
                today=timezone.localdate(),
            ),
            "task",
        )
        if saved:
            messages.success(request, f"Task on case {task.case.reference} updated")
            return redirect("cases:task-list")
    else:
        form = TaskUpdateForm(
            initial={"status": task.status, "note": task.note, "version": task.version}
        )
    return render(request, "cases/task_update.html", {"task": task, "form": form, "stale": stale})


@access("service_member")
def board_pack_view(request: HttpRequest) -> HttpResponse:
    """The management board's pack: aggregates of one service, small numbers suppressed."""
    asked = request.GET.get("service")
    service = get_board_service_for_user(request.user, int_param(asked) if asked else None)
    today = timezone.localdate()
    return render(
        request,
        "cases/board.html",
        {
            "service": service,
            "services": services_of(request.user),
            "figures": board_pack(service, today=today),
            "today": today,
        },
    )


@access("national_reader")
def national_view(request: HttpRequest) -> HttpResponse:
    """Every service's casework in aggregate, for the YJB and the inspectorates."""
    today = timezone.localdate()
    return render(
        request,
        "cases/national.html",
        {"figures": national_figures(today=today), "today": today},
    )


@access("service_admin")
def access_log_view(request: HttpRequest) -> HttpResponse:
    """Who opened which of the service's cases, and when: for its administrators."""
    return render(request, "cases/access_log.html", {"views": case_views_for(request.user)})


@access("case_worker", methods=FORM_METHODS)
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
