"""What happens in a case: meetings, contacts, the release day and the outcomes after it."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError

from followthrough.core.concurrency import StaleEdit, locked_for_edit
from followthrough.core.events import record_event

from ..milestones import release_timing_warning
from ..models import Case, CasePathway, Contact, Meeting, Outcome, ReleaseDay
from .cases import _stamp
from .tasks import tasks_redate


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
    *,
    case: Case,
    months: int,
    recorded_on: date,
    actor: Any,
    version: int | None = None,
    today: date | None = None,
    **answers: Any,
) -> Outcome:
    """The case at three or six months after release; recorded once per checkpoint, changed
    through its history. `version` is the check's version the form was opened on (0: none was
    recorded yet); a check saved since is not overwritten. A child lost to follow-up has no
    answers: any given are left blank."""
    locked = Case.objects.select_for_update().get(pk=case.pk)  # one checkpoint write at a time
    if locked.release_date is None:
        raise ValidationError("Record the release before the outcomes after it")
    if recorded_on < locked.release_date:
        raise ValidationError({"recorded_on": "The date must be on or after the release date"})
    if today is not None and recorded_on > today:
        raise ValidationError({"recorded_on": "The date of the check must be today or earlier"})
    outcome = Outcome.objects.filter(case=locked, months=months).first()
    if version is not None and (outcome.version if outcome else 0) != version:
        if outcome is None:
            raise ValidationError("This check could not be found: open the page again")
        raise StaleEdit(outcome)
    if outcome is None:
        outcome = Outcome(case=locked, months=months)
    else:
        outcome.version += 1
    outcome.recorded_on = recorded_on
    lost = bool(answers.get("lost_to_follow_up"))
    for name, value in answers.items():
        blank = lost and name != "lost_to_follow_up"
        setattr(outcome, name, "" if blank else value)
    outcome.full_clean()
    _stamp(outcome, actor)
    outcome.save()
    return outcome


# What a case manager may change on a pathway row; the rest is the row's identity.
PATHWAY_FIELDS = (
    "need",
    "custody_plan",
    "release_plan",
    "in_place_at_release",
    "suitable_at_release",
    "screened",
    "offered",
    "attending",
    "learning_plan",
    "at_3_months",
    "at_6_months",
    "practitioner_view",
    "child_view",
    "child_words",
)


def pathway_update(*, row: CasePathway, version: int, actor: Any, **fields: Any) -> CasePathway:
    """The need, the plans, what was in place and both views of one pathway, refusing an edit
    made to an older version of it."""
    unknown = set(fields) - set(PATHWAY_FIELDS)
    if unknown:
        raise ValidationError(f"These are not pathway fields: {', '.join(sorted(unknown))}")
    current = locked_for_edit(row, version)
    for name, value in fields.items():
        setattr(current, name, value.strip() if isinstance(value, str) else value)
    current.full_clean()
    current.version += 1
    _stamp(current, actor)
    current.save()
    return current


def contact_record(
    *, case: Case, on: date, kind: str, agency: str, actor: Any, note: str = "", today: date
) -> Contact:
    """A visit, call or piece of information passed between custody and community."""
    if on < case.sentence_date:
        raise ValidationError({"on": "The contact must be on or after the sentence date"})
    if on > today:
        raise ValidationError({"on": "The contact must be today or in the past"})
    contact = Contact(case=case, on=on, kind=kind, agency=agency, note=note.strip())
    contact.full_clean()
    _stamp(contact, actor)
    contact.save()
    return contact


def release_record(
    *,
    case: Case,
    version: int,
    released_at: datetime,
    actor: Any,
    met_by: str = "",
    same_day_contact: bool = False,
    accommodation_confirmed: bool = False,
    benefit_claim_started: bool = False,
    first_appointments_made: bool = False,
) -> tuple[Case, str]:
    """The day the child left custody: the case's release date, what was in place that day, and
    tasks due relative to release re-dated. Returns the case and any warning about the timing
    (late in the week or the day)."""
    current = locked_for_edit(case, version)
    day = released_at.date()
    if day < current.sentence_date:
        raise ValidationError({"released_on": "The release date must be after the sentence date"})
    current.release_date = day
    current.version += 1
    _stamp(current, actor)
    current.save()
    release = ReleaseDay.objects.filter(case=current).first() or ReleaseDay(case=current)
    release.released_at = released_at
    release.met_by = met_by
    release.same_day_contact = same_day_contact
    release.accommodation_confirmed = accommodation_confirmed
    release.benefit_claim_started = benefit_claim_started
    release.first_appointments_made = first_appointments_made
    release.full_clean()
    _stamp(release, actor)
    release.save()
    tasks_redate(case=current, actor=actor)
    record_event(current, "cases.case.released", actor=actor, data={"on": day.isoformat()})
    return current, release_timing_warning(day.weekday(), released_at.hour)
