"""Who sees which cases and tasks, as querysets: the same rule as cases/rules.py, for lists."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models
from django.db.models import Q

from followthrough.organisations.access import standing_of

if TYPE_CHECKING:
    from .models import Case, Task  # noqa: F401


class CaseQuerySet(models.QuerySet["Case"]):
    def visible_to(self, user: Any) -> CaseQuerySet:
        """The cases of the services the user works cases for; nothing for anyone else, however
        senior: everyone else sees aggregates."""
        return self.filter(service_id__in=standing_of(user).case_service_ids)


class TaskQuerySet(models.QuerySet["Task"]):
    def visible_to(self, user: Any) -> TaskQuerySet:
        """Tasks of the cases the user works, and the tasks their own agency owns (Standing
        .task_owner_ids: a service's board members and contributors see none)."""
        standing = standing_of(user)
        return self.filter(
            Q(case__service_id__in=standing.case_service_ids)
            | Q(owner_id__in=standing.task_owner_ids)
        )
