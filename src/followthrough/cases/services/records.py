"""What happens in a case: meetings, contacts, the release day and the outcomes after it."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError

from ..models import Case, Meeting, Outcome
from .cases import _stamp


def meeting_record(
    *,
    case: Case,
    kind: str,
    held_on: date,
    attended_by: list[str],
    actor: Any,
    parents_present: str = "",
    child_prepared: str = "",
    child_participated: str = "",
    notes: str = "",
) -> Meeting:
    if held_on < case.sentence_date:
        raise ValidationError({"held_on": "The meeting must be on or after the sentence date"})
    meeting = Meeting(
        case=case,
        kind=kind,
        held_on=held_on,
        attended_by=sorted(set(attended_by)),
        parents_present=parents_present,
        child_prepared=child_prepared,
        child_participated=child_participated,
        notes=notes.strip(),
    )
    meeting.full_clean()
    _stamp(meeting, actor)
    meeting.save()
    return meeting


def outcome_record(
    *, case: Case, months: int, recorded_on: date, actor: Any, **answers: Any
) -> Outcome:
    """The case at three or six months after release; recorded once per checkpoint, changed
    through its history."""
    if case.release_date is None:
        raise ValidationError("Record the release before the outcomes after it")
    outcome = Outcome.objects.filter(case=case, months=months).first() or Outcome(
        case=case, months=months
    )
    outcome.recorded_on = recorded_on
    for name, value in answers.items():
        setattr(outcome, name, value)
    outcome.full_clean()
    _stamp(outcome, actor)
    outcome.save()
    return outcome
