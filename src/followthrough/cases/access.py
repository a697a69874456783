"""The fetches casework views use: a case for those who work it, a task for them and for the
agency that owns it. Anyone else gets 404, so a case reference never admits to existing."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404

from followthrough.core.access import allowed

from .models import Case, Task


def get_case_for_user(user: Any, pk: int, *, for_write: bool = False) -> Case:
    case = get_object_or_404(
        Case.objects.visible_to(user).select_related(
            "service", "home_local_authority", "establishment"
        ),
        pk=pk,
    )
    if not allowed(user, "cases.change_case" if for_write else "cases.view_case", case):
        raise Http404
    return case


def get_task_for_user(user: Any, pk: int, *, for_write: bool = False) -> Task:
    task = get_object_or_404(
        Task.objects.visible_to(user).select_related("case__service", "owner", "pathway"),
        pk=pk,
    )
    if not allowed(user, "cases.change_task" if for_write else "cases.view_task", task):
        raise Http404
    return task
