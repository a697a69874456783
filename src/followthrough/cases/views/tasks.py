"""A partner agency's tasks and the update of one task: the partner sees of a case only what its
task needs."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from followthrough.core.access import FORM_METHODS, access
from followthrough.core.forms import int_param, save_versioned

from ..access import (
    get_task_for_user,
)
from ..forms import TaskUpdateForm
from ..selectors import (
    tasks_for,
)
from ..services import case_view_record, task_update


@access("signed_in")
def task_list(request: HttpRequest) -> HttpResponse:
    """A partner agency's tasks on the service's cases: only the tasks it owns, open ones
    unless it asks for all, 25 a page, open and most overdue first."""
    everything = request.GET.get("show") == "all"
    today = timezone.localdate()
    page = int_param(request.GET.get("page")) or 1
    listed = tasks_for(request.user, today=today, everything=everything, page=page)
    return render(
        request,
        "cases/task_list.html",
        {"listed": listed, "tasks": listed.tasks, "everything": everything, "today": today},
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
    # The page shows part of the case (its reference and a step of its plan): a view of it.
    case_view_record(case=task.case, user=request.user, page="cases:task-update")
    return render(request, "cases/task_update.html", {"task": task, "form": form, "stale": stale})
