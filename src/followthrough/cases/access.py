"""The fetches casework views use: a case for those who work it, a task for them and for the
agency that owns it. Anyone else gets 404, so a case reference never admits to existing."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404

from followthrough.core.access import allowed
from followthrough.organisations.access import standing_of
from followthrough.organisations.models import Organisation

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


def get_board_service_for_user(user: Any, pk: int | None) -> Organisation:
    """The youth justice service whose board pack the user reads: the one asked for if they
    belong to it, else their first; 404 when they belong to none (or not to the one asked)."""
    ids = sorted(standing_of(user).service_ids)
    if not ids or (pk is not None and pk not in ids):
        raise Http404
    return get_object_or_404(Organisation, pk=pk if pk is not None else ids[0])


def get_case_service_for_user(user: Any) -> Organisation:
    """The youth justice service a case worker opens cases for (the first, if several)."""
    ids = sorted(standing_of(user).case_service_ids)
    if not ids:
        raise Http404
    return get_object_or_404(Organisation, pk=ids[0])


def get_admin_service_for_user(user: Any) -> Organisation:
    """The youth justice service the user administers (the first, if several); 404 otherwise."""
    standing = standing_of(user)
    ids = sorted(s for s in standing.service_ids if standing.roles.get(s) == "admin")
    if not ids:
        raise Http404
    return get_object_or_404(Organisation, pk=ids[0])


def get_case_by_reference_for_user(user: Any, reference: str) -> tuple[Organisation, Case | None]:
    """The service a case worker writes cases for, and its case under `reference` if it has one
    (the API's upsert); 404 for anyone who works no service's cases, partners included."""
    service = get_case_service_for_user(user)
    return service, Case.objects.filter(service=service, reference=reference.strip()).first()
