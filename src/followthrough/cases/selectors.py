"""Reads for casework: the milestone rules a service works to, and a case's milestones and phase
as of a day."""

from __future__ import annotations

from datetime import date

from followthrough.organisations.models import Organisation

from .milestones import CaseDates, Milestone, Rule, milestones, phase
from .models import Case, MilestoneRule


def rules_for(service: Organisation) -> list[Rule]:
    """The national rules, each replaced by the service's own version where it has one, in the
    national order."""
    rows = MilestoneRule.objects.filter(service__in=[service]) | MilestoneRule.objects.filter(
        service__isnull=True
    )
    national: list[MilestoneRule] = []
    own: dict[str, MilestoneRule] = {}
    for row in rows.order_by("pk"):
        if row.service_id is None:
            national.append(row)
        else:
            own[row.code] = row
    chosen = [own.get(row.code, row) for row in national]
    return [Rule(r.code, r.label, r.anchor, r.offset, r.unit, r.source) for r in chosen]


def case_dates(case: Case) -> CaseDates:
    """The dates the rules read, with the day each milestone was met as the record shows it.
    Reads the case's meetings, release day and outcomes: prefetch them for a list."""
    met: dict[str, date] = {}
    initial = [m.held_on for m in case.meetings.all() if m.kind == "initial"]
    if initial:
        met["initial_meeting"] = min(initial)
    if case.accommodation_confirmed_on:
        met["accommodation_confirmed"] = case.accommodation_confirmed_on
    if case.rotl_considered_on:
        met["rotl_considered"] = case.rotl_considered_on
    release_day = getattr(case, "release_day", None)
    if release_day is not None and release_day.same_day_contact:
        met["release_day_contact"] = release_day.released_at.date()
    for outcome in case.outcomes.all():
        met[f"outcome_{outcome.months}_months"] = outcome.recorded_on
    return CaseDates(
        sentence=case.sentence_date,
        earliest_release=case.earliest_release,
        release=case.release_date,
        closed=case.closed_on,
        met=met,
    )


def case_milestones(case: Case, rules: list[Rule], *, today: date) -> list[Milestone]:
    return milestones(rules, case_dates(case), today=today)


def case_phase(case: Case, *, today: date) -> str:
    return phase(case_dates(case), today=today)
