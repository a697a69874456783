"""Reads for the casework endpoints: a service's cases for those who work them, and tasks for
them and for the agency that owns each, by the same `visible_to` as the casework pages."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet

from followthrough.cases.models import Case, CasePathway, Task


def cases_for(user: Any) -> QuerySet[Case]:
    """The cases of the services the user works cases for, with each pathway's need."""
    pathways = CasePathway.objects.select_related("pathway").order_by("pathway__order", "pk")
    return Case.objects.visible_to(user).prefetch_related(Prefetch("pathways", queryset=pathways))


def tasks_for(user: Any) -> QuerySet[Task]:
    """Tasks of the cases the user works and the tasks their agency owns; of each case only its
    reference is read. Anonymised cases' tasks are left out, as on the partner's task list."""
    return (
        Task.objects.visible_to(user)
        .filter(case__anonymised_on__isnull=True)
        .select_related("case", "pathway")
    )
