"""Writes for casework. Callers hold the transaction; every change is recorded with who made it
(field history) and every view of a case with who looked (the access log)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError

from followthrough.core.concurrency import locked_for_edit
from followthrough.core.events import record_event
from followthrough.organisations.models import Organisation

from .models import Case, CasePathway, CaseView, Meeting, Outcome, Pathway, Task

# Case fields a form or an import may set; anything else is refused, so nothing that names a
# child can be stored by adding a column to a spreadsheet.
CASE_FIELDS = (
    "home_local_authority",
    "age_at_sentence",
    "turns_18",
    "sex",
    "ethnicity",
    "care_status",
    "cin_cp_history",
    "send",
    "sentence_type",
    "sentence_months",
    "sentence_date",
    "earliest_release",
    "release_date",
    "order_end",
    "establishment",
    "establishment_type",
    "distance",
    "accommodation_confirmed_on",
    "rotl_considered_on",
    "rotl_applied",
    "rotl_used",
    "rotl_purpose",
    "transition",
    "transition_child_view",
    "handover_date",
)


def _stamp(record: Any, actor: Any) -> None:
    record._history_user = actor if getattr(actor, "is_authenticated", False) else None


def case_open(*, service: Organisation, reference: str, actor: Any, **fields: Any) -> Case:
    """Open a child's case under the service's own reference, with a row for every pathway."""
    unknown = set(fields) - set(CASE_FIELDS)
    if unknown:
        raise ValidationError(f"These are not case fields: {', '.join(sorted(unknown))}")
    if service.kind != Organisation.Kind.YOUTH_JUSTICE_SERVICE:
        raise ValidationError("Only a youth justice service holds cases")
    if Case.objects.filter(service=service, reference=reference.strip()).exists():
        raise ValidationError({"reference": f"{service.short_name} already has case {reference}"})
    case = Case(service=service, reference=reference.strip(), **fields)
    _check_dates(case)
    case.full_clean()
    _stamp(case, actor)
    case.save()
    for pathway in Pathway.objects.filter(active=True):
        row = CasePathway(case=case, pathway=pathway)
        _stamp(row, actor)
        row.save()
    record_event(case, "cases.case.opened", actor=actor, data={"reference": case.reference})
    return case


def case_update(*, case: Case, version: int, actor: Any, **fields: Any) -> Case:
    """Change what a case records, refusing an edit made to an older version of it."""
    unknown = set(fields) - set(CASE_FIELDS)
    if unknown:
        raise ValidationError(f"These are not case fields: {', '.join(sorted(unknown))}")
    current = locked_for_edit(case, version)
    for name, value in fields.items():
        setattr(current, name, value)
    _check_dates(current)
    current.full_clean()
    current.version += 1
    _stamp(current, actor)
    current.save()
    return current


def _check_dates(case: Case) -> None:
    errors = {}
    if case.earliest_release and case.sentence_date and case.earliest_release < case.sentence_date:
        errors["earliest_release"] = "The earliest release date must be after the sentence date"
    if case.release_date and case.sentence_date and case.release_date < case.sentence_date:
        errors["release_date"] = "The release date must be after the sentence date"
    if case.order_end and case.sentence_date and case.order_end < case.sentence_date:
        errors["order_end"] = "The end of the order must be after the sentence date"
    if errors:
        raise ValidationError(errors)


def case_view_record(*, case: Case, user: Any, page: str) -> None:
    """Write one view of a case to the access log, kept apart from the change history."""
    CaseView.objects.create(case=case, user=user, page=page[:100])


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
    for task in case.tasks.exclude(due_anchor="date"):
        due = task_due(case, task.due_anchor, task.due_offset_days, task.due_date)
        if due != task.due_date:
            task.due_date = due
            _stamp(task, actor)
            task.save()
            changed += 1
    return changed


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


# Free text that may describe a child in someone's words: blanked when a case is anonymised.
CASE_TEXT = ("rotl_purpose", "transition_child_view", "closure_reason")
PATHWAY_TEXT = ("custody_plan", "release_plan", "in_place_at_release", "child_words")


def cases_due_for_retention(*, today: date, years: int) -> list[Case]:
    """Closed cases whose order ended (or, without an end, which closed) more than `years` ago
    and are not yet anonymised."""
    from .milestones import add_months

    cutoff = add_months(today, -12 * years)
    return [
        case
        for case in Case.objects.filter(closed_on__isnull=False, anonymised_on__isnull=True)
        if (case.order_end or case.closed_on or today) < cutoff
    ]


def case_anonymise(*, case: Case, today: date) -> None:
    """Keep what the aggregates count (phase dates, sex, ethnicity group, care status, pathway
    answers, outcomes) and remove what could identify the child, in the record and in its
    history: the reference becomes ANON-<id>, free text and the month of 18 are blanked, and
    every task, meeting and contact note with them."""
    alias = f"ANON-{case.pk}"
    blank_case: dict[str, Any] = {name: "" for name in CASE_TEXT} | {
        "reference": alias,
        "turns_18": None,
        "personal_support": {},
        "five_cs": {},
    }
    Case.objects.filter(pk=case.pk).update(anonymised_on=today, **blank_case)
    Case.history.filter(id=case.pk).update(**blank_case)
    blank_pathway = dict.fromkeys(PATHWAY_TEXT, "")
    rows = CasePathway.objects.filter(case=case)
    CasePathway.history.filter(id__in=rows.values("pk")).update(**blank_pathway)
    rows.update(**blank_pathway)
    for model, fields in ((Task, {"note": ""}), (Meeting, {"notes": ""})):
        records = model.objects.filter(case=case)
        model.history.filter(id__in=records.values("pk")).update(**fields)
        records.update(**fields)
    from .models import Contact

    contacts = Contact.objects.filter(case=case)
    Contact.history.filter(id__in=contacts.values("pk")).update(note="")
    contacts.update(note="")
    record_event(case, "cases.case.anonymised", actor=None, data={"alias": alias})
