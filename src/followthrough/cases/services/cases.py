"""A case opened, changed and viewed: only the fields CASE_FIELDS names, never one that could name
a child."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError

from followthrough.core.concurrency import locked_for_edit
from followthrough.core.events import record_event
from followthrough.organisations.models import Organisation

from ..models import FIVE_CS, PERSONAL_SUPPORT, Case, CasePathway, CaseView, Pathway

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


# Dates a case can plausibly hold: a mistyped year (9999) would break every page counting it.
EARLIEST_DATE, LATEST_DATE = date(1990, 1, 1), date(2099, 12, 31)
DATE_FIELDS = (
    "turns_18",
    "sentence_date",
    "earliest_release",
    "release_date",
    "order_end",
    "accommodation_confirmed_on",
    "rotl_considered_on",
    "handover_date",
)


def _check_dates(case: Case) -> None:
    errors = {
        name: "Enter a date between 1990 and 2099"
        for name in DATE_FIELDS
        if getattr(case, name) and not EARLIEST_DATE <= getattr(case, name) <= LATEST_DATE
    }
    if errors:
        raise ValidationError(errors)
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


def case_views_record(*, cases: list[Case], user: Any, page: str) -> None:
    """Write a view of each of many cases (an export) to the access log, in one query."""
    CaseView.objects.bulk_create(
        [CaseView(case=case, user=user, page=page[:100]) for case in cases]
    )


FIVE_CS_ANSWERS = ("met", "partly", "not_met")


def case_support_update(
    *,
    case: Case,
    version: int,
    actor: Any,
    personal_support: dict[str, str],
    five_cs: dict[str, str],
) -> Case:
    """The constructive-resettlement part of the plan: the answers to the four questions as the
    child gave them, and the practitioner's check of the plan against each of the 5Cs."""
    if set(personal_support) - set(PERSONAL_SUPPORT) or set(five_cs) - set(FIVE_CS):
        raise ValidationError("Only the four questions and the 5Cs can be recorded here")
    if any(value and value not in FIVE_CS_ANSWERS for value in five_cs.values()):
        raise ValidationError("Each of the 5Cs is met, partly met or not met")
    current = locked_for_edit(case, version)
    current.personal_support = {k: v.strip() for k, v in personal_support.items() if v.strip()}
    current.five_cs = {k: v for k, v in five_cs.items() if v}
    current.version += 1
    _stamp(current, actor)
    current.save()
    return current


def case_close(
    *, case: Case, version: int, closed_on: date, reason: str, actor: Any, today: date
) -> Case:
    """Close a case: the record stays, read-only, until the retention period anonymises it."""
    current = locked_for_edit(case, version)
    if current.closed_on is not None:
        raise ValidationError("This case is already closed")
    if closed_on > today:
        raise ValidationError({"closed_on": "The closing date must be today or in the past"})
    if closed_on < current.sentence_date:
        raise ValidationError({"closed_on": "The closing date must be after the sentence date"})
    if not reason.strip():
        raise ValidationError({"reason": "Enter why the case is closing"})
    current.closed_on = closed_on
    current.closure_reason = reason.strip()[:200]
    current.version += 1
    _stamp(current, actor)
    current.save()
    record_event(current, "cases.case.closed", actor=actor, data={"on": closed_on.isoformat()})
    return current
