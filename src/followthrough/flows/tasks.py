"""Flows' background tasks: the daily reminder digest and escalation, queued by the worker's
own schedule (`followthrough worker`), once a day."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from followthrough.core.tasks import task

from .escalation import escalations_run
from .reminders import reminders_send
from .task_escalation import task_escalations_run


@task()
def daily_reminders(day: str) -> dict[str, int]:
    """What `followthrough remind` does, for one day: the digest to each owning organisation,
    then the escalation ladders of plan actions and of tasks on children's cases. Each step is
    safe to repeat the same day."""
    as_of = date.fromisoformat(day)
    digests = reminders_send(as_of=as_of, dry_run=False)
    with transaction.atomic():
        ladder = escalations_run(as_of=as_of)
    with transaction.atomic():
        tasks = task_escalations_run(as_of=as_of)
    return {
        "digests": sum(1 for d in digests if d.status == "sent"),
        "raised": len(ladder.raised),
        "task_rungs": len(tasks.raised),
    }


DAILY_TASKS: dict[str, Any] = {"daily_reminders": daily_reminders}
