"""What the packs count of each case, read as plain values rather than model instances: a
national recount reads every case with its first initial meeting, release day and outcomes, and
building thousands of model instances cost more than all the counting. A fixed number of
queries however many cases; no case reference is read (the rows are ordered as
case_rows orders them, by it, so that the first row's milestone labels are the same)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from types import SimpleNamespace
from typing import Any

from django.db.models import Min

from ..milestones import CaseDates, milestones, phase, weeks_to_release
from ..models import Meeting, Outcome
from ..selectors import CaseRow, rules_by_service

# The columns of a case the milestones and the breakdowns read.
CASE_FIELDS = ["pk", "service_id", "sentence_date", "earliest_release", "release_date"]
CASE_FIELDS += ["closed_on", "accommodation_confirmed_on", "rotl_considered_on", "sex"]
CASE_FIELDS += ["ethnicity", "care_status", "age_at_sentence", "send"]
RELEASE_DAY = ["release_day__released_at", "release_day__same_day_contact"]
OUTCOME_FIELDS = [f.name for f in Outcome._meta.concrete_fields if f.name not in ("id", "case")]


@dataclass(slots=True)
class CaseValues:
    """A case as the packs read it: its dates, what it is broken down by, and its outcomes (each
    with the Outcome's fields as attributes), by the months after release they were asked at."""

    pk: int
    service_id: int
    sentence_date: date | None
    earliest_release: date | None
    release_date: date | None
    closed_on: date | None
    accommodation_confirmed_on: date | None
    rotl_considered_on: date | None
    sex: str
    ethnicity: str
    care_status: str
    age_at_sentence: int | None
    send: str
    service_name: str = ""
    recorded_outcomes: list[Any] = field(default_factory=list)


def _dates(case: CaseValues, values: dict[str, Any], first_meeting: date | None) -> CaseDates:
    """The dates the rules read, with the day each milestone was met: as selectors.case_dates
    reads them from a Case."""
    met: dict[str, date] = {}
    if first_meeting is not None:
        met["initial_meeting"] = first_meeting
    if case.accommodation_confirmed_on:
        met["accommodation_confirmed"] = case.accommodation_confirmed_on
    if case.rotl_considered_on:
        met["rotl_considered"] = case.rotl_considered_on
    if values["release_day__released_at"] is not None and values["release_day__same_day_contact"]:
        met["release_day_contact"] = values["release_day__released_at"].date()
    for outcome in case.recorded_outcomes:
        met[f"outcome_{outcome.months}_months"] = outcome.recorded_on
    return CaseDates(
        sentence=case.sentence_date,
        earliest_release=case.earliest_release,
        release=case.release_date,
        closed=case.closed_on,
        met=met,
    )


def case_values(cases: Any, *, today: date, service_names: bool = False) -> list[CaseRow]:
    """The cases' rows as case_rows makes them (phase and milestones, no overdue tasks: the packs
    read those afresh), each case a CaseValues, in four queries. With `service_names`, each
    case carries its service's name (the national view's rows)."""
    names = ["service__name"] if service_names else []
    found = list(
        cases.order_by("earliest_release", "reference").values(*CASE_FIELDS, *RELEASE_DAY, *names)
    )
    initial = Meeting.objects.filter(case__in=cases.values("pk"), kind="initial")
    first_meeting = dict(
        initial.order_by()
        .values("case_id")
        .annotate(first=Min("held_on"))
        .values_list("case_id", "first")
    )
    outcomes: dict[int, list[Any]] = {}
    for values in Outcome.objects.filter(case__in=cases.values("pk")).values(
        "case_id", *OUTCOME_FIELDS
    ):
        outcomes.setdefault(values.pop("case_id"), []).append(SimpleNamespace(**values))
    rules = rules_by_service(sorted({values["service_id"] for values in found}))
    rows = []
    for values in found:
        case = CaseValues(
            *(values[name] for name in CASE_FIELDS),
            service_name=values.get("service__name", ""),
            recorded_outcomes=outcomes.get(values["pk"], []),
        )
        dates = _dates(case, values, first_meeting.get(case.pk))
        rows.append(
            CaseRow(
                case,
                phase(dates, today=today),
                milestones(rules[case.service_id], dates, today=today),
                0,
                weeks_to_release(dates, today=today),
            )
        )
    return rows
