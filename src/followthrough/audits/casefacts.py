"""Answers a case record already holds: where casework recorded the fact a criterion asks about
(the initial meeting's date, accommodation on the day of release, the three-month check), the
audit offers that answer, says where it came from, and the auditor confirms it or overrides it
with a reason. Each fact reads only what the case page itself shows."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from followthrough.cases.models import Case

YES_NO = {"yes": "yes", "no": "no"}


@dataclass(frozen=True)
class Offered:
    value: str  # "yes" or "no"
    source: str  # what in the case record it was read from, in words


def _initial_meeting(case: Case) -> Offered | None:
    meetings = [m for m in case.meetings.all() if m.kind == "initial"]
    if not meetings:
        return None
    held = min(m.held_on for m in meetings)
    days = (held - case.sentence_date).days
    return Offered(
        "yes" if days <= 10 else "no",
        f"Initial planning meeting on {held:%-d %B %Y}, {days} days after sentence",
    )


def _meeting_answer(kind: str, field: str, words: str) -> Callable[[Case], Offered | None]:
    def read(case: Case) -> Offered | None:
        for meeting in case.meetings.all():
            value = getattr(meeting, field)
            if meeting.kind == kind and value in YES_NO:
                return Offered(
                    value, f"{meeting.get_kind_display()} of {meeting.held_on:%-d %B %Y}: {words}"
                )
        return None

    return read


def _release(field: str, words: str) -> Callable[[Case], Offered | None]:
    def read(case: Case) -> Offered | None:
        day = getattr(case, "release_day", None)
        if day is None:
            return None
        return Offered("yes" if getattr(day, field) else "no", f"Release day record: {words}")

    return read


def _knows_where_living(case: Case) -> Offered | None:
    release = case.release_date or case.earliest_release
    if release is None:
        return None
    confirmed = case.accommodation_confirmed_on
    if confirmed is None:
        return Offered("no", "No date recorded for accommodation confirmed before release")
    days = (release - confirmed).days
    return Offered(
        "yes" if days >= 14 else "no",
        f"Accommodation confirmed {days} days before release (14 days or more is good time)",
    )


def _outcome(field: str, words: str, months: int = 3) -> Callable[[Case], Offered | None]:
    def read(case: Case) -> Offered | None:
        for outcome in case.outcomes.all():
            value = getattr(outcome, field)
            if outcome.months == months and not outcome.lost_to_follow_up and value in YES_NO:
                return Offered(
                    value, f"{months}-month check of {outcome.recorded_on:%-d %B %Y}: {words}"
                )
        return None

    return read


def _rotl(case: Case) -> Offered | None:
    if case.rotl_used in YES_NO:
        return Offered(case.rotl_used, "Case record: release on temporary licence used")
    return None


FACTS: dict[str, tuple[str, Callable[[Case], Offered | None]]] = {
    "initial_meeting_10_days": (
        "Initial planning meeting within 10 days of sentence",
        _initial_meeting,
    ),
    "parents_at_initial_meeting": (
        "Parents or carers at the initial planning meeting",
        _meeting_answer("initial", "parents_present", "parents or carers present"),
    ),
    "parents_at_final_meeting": (
        "Parents or carers at the final pre-release meeting",
        _meeting_answer("pre_release", "parents_present", "parents or carers present"),
    ),
    "child_participated": (
        "The child took part in planning for release",
        _meeting_answer("pre_release", "child_participated", "the child took part"),
    ),
    "knows_where_living": (
        "Accommodation confirmed in good time before release",
        _knows_where_living,
    ),
    "accommodation_at_release": (
        "Accommodation in place on the day of release",
        _release("accommodation_confirmed", "accommodation confirmed"),
    ),
    "release_day_contact": (
        "Contact with the child on the day of release",
        _release("same_day_contact", "contact on the same day"),
    ),
    "rotl_used": ("Release on temporary licence used", _rotl),
    "accommodation_maintained_3m": (
        "Accommodation maintained at 3 months",
        _outcome("accommodation_maintained", "accommodation maintained"),
    ),
    "ete_maintained_3m": (
        "ETE maintained at 3 months",
        _outcome("ete_maintained", "ETE maintained"),
    ),
    "arrested_3m": ("Arrested since release (3-month check)", _outcome("arrested", "arrested")),
    "charged_3m": ("Charged since release (3-month check)", _outcome("charged", "charged")),
    "convicted_3m": ("Convicted since release (3-month check)", _outcome("convicted", "convicted")),
    "recalled_3m": (
        "Returned to custody (3-month check)",
        _outcome("recalled", "returned to custody"),
    ),
    "risk_managed_3m": (
        "Risk of harm managed (3-month check)",
        _outcome("risk_managed", "risk managed"),
    ),
}
FACT_CHOICES = [("", "None")] + [(code, label) for code, (label, _) in FACTS.items()]

# How a criterion's words suggest the fact that answers it, for sets built from findings tables.
SUGGESTIONS = [
    (r"initial planning meeting took place within", "initial_meeting_10_days"),
    (r"initial planning meeting was attended by the parents", "parents_at_initial_meeting"),
    (r"parents/carers attended final pre-release", "parents_at_final_meeting"),
    (r"child participate fully in the planning for release", "child_participated"),
    (r"knows where they will live", "knows_where_living"),
    (r"^accommodation is:? available at point of release", "accommodation_at_release"),
    (r"contact is made with the child .*day of release", "release_day_contact"),
    (r"go out on rotl", "rotl_used"),
    (r"^accommodation has been successfully maintained", "accommodation_maintained_3m"),
    (r"^ete activities have been successfully maintained", "ete_maintained_3m"),
    (r"since release there have been:? arrests", "arrested_3m"),
    (r"since release there have been:? charges", "charged_3m"),
    (r"since release there have been:? convictions", "convicted_3m"),
    (r"since release there have been:? a return to custody", "recalled_3m"),
    (r"risk of harm been successfully managed", "risk_managed_3m"),
]


def suggest(text: str) -> str:
    """The fact that answers a criterion with these words, or ""."""
    for pattern, code in SUGGESTIONS:
        if re.search(pattern, text, re.IGNORECASE):
            return code
    return ""


def offered(fact: str, case: Case) -> Offered | None:
    """What the case record says for this fact; None when it holds nothing for it. The case
    comes with its meetings, outcomes and release day prefetched (selectors do it)."""
    entry = FACTS.get(fact)
    return entry[1](case) if entry else None
