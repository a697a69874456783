"""Who sees which cases and tasks, as querysets: the same rule as cases/rules.py, for lists."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from django.db import models
from django.db.models import Exists, OuterRef, Q, Value, When

from followthrough.organisations.access import standing_of

if TYPE_CHECKING:
    from .models import Case, Task  # noqa: F401


class CaseQuerySet(models.QuerySet["Case"]):
    def visible_to(self, user: Any) -> CaseQuerySet:
        """The cases of the services the user works cases for; nothing for anyone else, however
        senior: everyone else sees aggregates."""
        return self.filter(service_id__in=standing_of(user).case_service_ids)

    def with_phase(self, *, today: date) -> CaseQuerySet:
        """Each case's phase as `phase_code`, worked out in the database by the rule of
        milestones.phase, so that a caseload counts, filters and pages by phase without reading
        every case."""
        from .milestones import RELEASE_PHASE_DAYS
        from .models import Meeting

        initial = Meeting.objects.filter(case=OuterRef("pk"), kind="initial")
        soon = today + timedelta(days=RELEASE_PHASE_DAYS)
        return self.annotate(
            phase_code=models.Case(
                When(closed_on__lte=today, then=Value("closed")),
                When(release_date__lte=today, then=Value("released")),
                When(earliest_release__lte=soon, then=Value("release_soon")),
                When(~Exists(initial), then=Value("sentenced")),
                default=Value("in_custody"),
                output_field=models.CharField(),
            )
        )


class TaskQuerySet(models.QuerySet["Task"]):
    def visible_to(self, user: Any) -> TaskQuerySet:
        """Tasks of the cases the user works, and the tasks their own agency owns (Standing
        .task_owner_ids: a service's board members and contributors see none)."""
        standing = standing_of(user)
        return self.filter(
            Q(case__service_id__in=standing.case_service_ids)
            | Q(owner_id__in=standing.task_owner_ids)
        )
