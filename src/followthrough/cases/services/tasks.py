"""The steps of a plan, each owned by one agency and due on a date or relative to the case."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError

from followthrough.core.concurrency import locked_for_edit
from followthrough.core.events import record_event
from followthrough.organisations.models import Organisation

from ..models import PARTNER_KINDS, Case, Meeting, Pathway, Task
from .cases import _stamp


def task_due(case: Case, anchor: str, offset_days: int, on: date | None) -> date | None:
    """A task's due date: the date given, or so many days after (before, if negative) the
    sentence, the earliest release date or the release; None while that date is not known."""
    if anchor == "date":
        return on
    start = {
        "sentence": case.sentence_date,
        "earliest_release": case.earliest_release,
        "release": case.release_date,
    }.get(anchor)
    return start + timedelta(days=offset_days) if start else None


def task_add(
    *,
    case: Case,
    description: str,
    owner: Organisation,
    actor: Any,
    pathway: Pathway | None = None,
    meeting: Meeting | None = None,
    due_anchor: str = "date",
    due_offset_days: int = 0,
    due_on: date | None = None,
) -> Task:
    if owner.pk != case.service_id and owner.kind not in PARTNER_KINDS:
        raise ValidationError(
            {"owner": "Choose the service itself or a partner agency to own the task"}
        )
    task = Task(
        case=case,
        pathway=pathway,
        meeting=meeting,
        description=description.strip(),
        owner=owner,
        due_anchor=due_anchor,
        due_offset_days=due_offset_days,
        due_date=task_due(case, due_anchor, due_offset_days, due_on),
    )
    if due_anchor == "date" and due_on is None:
        raise ValidationError({"due_on": "Enter the date the task is due"})
    task.full_clean()
    _stamp(task, actor)
    task.save()
    record_event(task, "cases.task.added", actor=actor, data={"owner": owner.short_name})
    return task


def task_update(
    *, task: Task, status: str, note: str, version: int, actor: Any, today: date
) -> Task:
    """The owning agency (or the case manager) reports a task done, or no longer needed."""
    current = locked_for_edit(task, version)
    if status not in Task.Status.values:
        raise ValidationError({"status": "Select whether the task is open, done or not needed"})
    before = current.status
    current.status = status
    current.done_on = today if status == Task.Status.DONE else None
    current.note = note.strip()
    current.version += 1
    _stamp(current, actor)
    current.save()
    record_event(
        current, "cases.task.updated", actor=actor, data={"from": before, "to": current.status}
    )
    return current


def tasks_redate(*, case: Case, actor: Any) -> int:
    """Recompute relative due dates after the case's dates change (release brought forward)."""
    changed = 0
    # Locked, and only the due date written: a partner's update saved meanwhile stays.
    for task in case.tasks.exclude(due_anchor="date").select_for_update():
        due = task_due(case, task.due_anchor, task.due_offset_days, task.due_date)
        if due != task.due_date:
            task.due_date = due
            _stamp(task, actor)
            task.save(update_fields=["due_date", "updated_at"])
            changed += 1
    return changed
