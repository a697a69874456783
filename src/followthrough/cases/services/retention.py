"""Closed cases anonymised after the retention period, keeping what the aggregates count."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from followthrough.core.events import record_event

from ..models import Case, CasePathway, Meeting, Task

# Free text that may describe a child in someone's words: blanked when a case is anonymised.
CASE_TEXT = ("rotl_purpose", "transition_child_view", "closure_reason")
PATHWAY_TEXT = ("custody_plan", "release_plan", "in_place_at_release", "child_words")
# Apps that keep their own words about a case (a case audit's notes) blank them here too: they
# sit above cases in the app order, so they add their function at start-up (AppConfig.ready)
# rather than cases importing them.
ALSO_ANONYMISE: list[Callable[[Case], None]] = []


def cases_due_for_retention(*, today: date, years: int) -> list[Case]:
    """Closed cases whose order ended (or, without an end, which closed) more than `years` ago
    and are not yet anonymised."""
    from ..milestones import add_months

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
    from ..models import Contact

    contacts = Contact.objects.filter(case=case)
    Contact.history.filter(id__in=contacts.values("pk")).update(note="")
    contacts.update(note="")
    for anonymise in ALSO_ANONYMISE:
        anonymise(case)
    record_event(case, "cases.case.anonymised", actor=None, data={"alias": alias})
