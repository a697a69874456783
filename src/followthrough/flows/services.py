"""Flows' writes: the worker's daily schedule."""

from __future__ import annotations

from datetime import date

from django.db import IntegrityError, transaction

from .models import ScheduledRun


def scheduled_run_start(*, job: str, day: date) -> ScheduledRun | None:
    """Queue `job` for `day` unless it was queued already: the row and its task are written
    together, and the unique (job, day) row means a restarted worker, or a second one, finds it
    taken and queues nothing. None when it was taken."""
    from .tasks import DAILY_TASKS

    if ScheduledRun.objects.filter(job=job, day=day).exists():
        return None
    try:
        with transaction.atomic():
            run = ScheduledRun(job=job, day=day)
            run.full_clean(validate_constraints=False)
            run.save()
            queued = DAILY_TASKS[job].enqueue(day.isoformat())
            run.task_id = str(queued.id)
            run.save(update_fields=["task_id"])
    except IntegrityError:
        return None
    return run
