"""The milestones of a resettlement case: when each is due, read from the case's own dates by a
table of rules, and whether it is done, due or late on a given day. Pure Python, so every rule is
tested with the day fixed; services keep the rules in the database (the national defaults, which
a service may change for itself) and pass them in.

Where each default comes from (corpus 001 is the 2015 joint thematic on resettlement; 002 the
2023 resettlement practice guide; docs/research/ holds the notes with line references):

- initial planning meeting: about ten days after sentence. 001 measures every case against it
  (Appendix 2, the first planning criterion); the report does not say working or calendar days,
  so the default counts calendar days and a service may change it.
- accommodation confirmed: a month before the earliest release date, as this issue asks; 001's
  second recommendation wants accommodation held from two months before, so the rule says so and
  a service can set 56 days.
- temporary release (ROTL) considered: by eight weeks before the earliest release date, when the
  case enters its release phase. 001 found it used for two children of twenty-nine and asks that
  it be considered for every child; no date is given, so this is our default.
- contact on release day: the day of release. 001 measures it (met in every case sampled); 002
  advises meeting the child at the gate.
- outcome checks at three and six months after release: 001's recommendation that services
  review every case at both points and report them to the board.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

# What a rule's due date counts from.
ANCHORS = ("sentence", "earliest_release", "release")
# Within this many days of its due date an open milestone is "due soon".
DUE_SOON_DAYS = 14
# A child whose earliest release is this close is in the release phase.
RELEASE_PHASE_DAYS = 56


@dataclass(frozen=True)
class Rule:
    """A milestone rule: due `offset` days (or months) after its anchor; negative is before."""

    code: str
    label: str
    anchor: str
    offset: int
    unit: str = "days"  # or "months"
    source: str = ""


DEFAULT_RULES = (
    Rule(
        "initial_meeting",
        "Initial planning meeting held",
        "sentence",
        10,
        source="2015 thematic, Appendix 2: initial planning meeting within about 10 days",
    ),
    Rule(
        "rotl_considered",
        "Release on temporary licence considered",
        "earliest_release",
        -56,
        source="2015 thematic: ROTL rarely used; considered by the start of the release phase",
    ),
    Rule(
        "accommodation_confirmed",
        "Accommodation confirmed",
        "earliest_release",
        -28,
        source="A month before earliest release (the 2015 thematic recommends two months: 56)",
    ),
    Rule(
        "release_day_contact",
        "Contact on the day of release",
        "release",
        0,
        source="2015 thematic, Appendix 2: meaningful contact on the day of release",
    ),
    Rule(
        "outcome_3_months",
        "Outcome recorded three months after release",
        "release",
        3,
        "months",
        source="2015 thematic, recommendation to review every case at three and six months",
    ),
    Rule(
        "outcome_6_months",
        "Outcome recorded six months after release",
        "release",
        6,
        "months",
        source="2015 thematic, recommendation to review every case at three and six months",
    ),
)


# The pathways the issue lists: the resettlement pathways, with offending behaviour work as the
# 2015 criteria track it. A service sees them in this order.
DEFAULT_PATHWAYS = [
    ("accommodation", "Accommodation"),
    ("ete", "Education, training and employment"),
    ("health", "Health: physical, mental and emotional wellbeing"),
    ("substance_misuse", "Substance misuse"),
    ("families", "Families: parents, carers and relationships"),
    ("finance", "Finance, benefits and debt"),
    ("case_management", "Case management and transition"),
    ("offending_behaviour", "Offending behaviour"),
]


@dataclass(frozen=True)
class CaseDates:
    """The dates of one case the rules read, and the day each milestone was met (or None)."""

    sentence: date | None
    earliest_release: date | None
    release: date | None = None
    closed: date | None = None
    met: dict[str, date] | None = None


@dataclass(frozen=True)
class Milestone:
    code: str
    label: str
    due: date | None
    state: str  # done, late, due_soon, upcoming, not_applicable
    met_on: date | None = None
    source: str = ""

    @property
    def late(self) -> bool:
        return self.state == "late"


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier), kept within the month (31 Jan + 1 → 28 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def due_date(rule: Rule, dates: CaseDates) -> date | None:
    """When the milestone is due for this case, or None while its anchor is not known."""
    anchor = {
        "sentence": dates.sentence,
        "earliest_release": dates.earliest_release,
        "release": dates.release,
    }[rule.anchor]
    if anchor is None:
        return None
    if rule.unit == "months":
        return add_months(anchor, rule.offset)
    return anchor + timedelta(days=rule.offset)


def milestones(
    rules: tuple[Rule, ...] | list[Rule], dates: CaseDates, *, today: date
) -> list[Milestone]:
    """Every milestone of the case as of `today`, in the rules' order. A milestone met is done
    whenever it was met; one whose anchor is unknown is not yet due; a closed case raises nothing
    new after it closed; a milestone of the release phase is not applicable to a child released
    before it fell due (the chance has gone, and the late release milestones say so)."""
    met = dates.met or {}
    out = []
    for rule in rules:
        due = due_date(rule, dates)
        met_on = met.get(rule.code)
        if met_on is not None:
            state = "done"
        elif due is None:
            state = "upcoming"
        elif _gone_by(rule, due, dates):
            state = "not_applicable"
        elif due < today:
            state = "late"
        elif (due - today).days <= DUE_SOON_DAYS:
            state = "due_soon"
        else:
            state = "upcoming"
        out.append(Milestone(rule.code, rule.label, due, state, met_on, rule.source))
    return out


def _gone_by(rule: Rule, due: date, dates: CaseDates) -> bool:
    """The child was released before a release-phase milestone fell due, or the case closed
    before it did: nothing can be done about it now."""
    released_first = rule.anchor == "earliest_release" and dates.release and dates.release <= due
    closed_first = dates.closed is not None and dates.closed < due
    return bool(released_first or closed_first)


PHASES = {
    "sentenced": "Sentenced",
    "in_custody": "In custody",
    "release_soon": "Release within 8 weeks",
    "released": "Released",
    "closed": "Closed",
}


def phase(dates: CaseDates, *, today: date) -> str:
    """Where the child is: sentenced (no initial planning meeting yet), in custody, release
    within eight weeks, released, or closed."""
    if dates.closed is not None and dates.closed <= today:
        return "closed"
    if dates.release is not None and dates.release <= today:
        return "released"
    soon = (
        dates.earliest_release is not None
        and (dates.earliest_release - today).days <= RELEASE_PHASE_DAYS
    )
    if soon:
        return "release_soon"
    if "initial_meeting" not in (dates.met or {}):
        return "sentenced"
    return "in_custody"


def weeks_to_release(dates: CaseDates, *, today: date) -> int | None:
    """Whole weeks until the earliest release date, for "accommodation not confirmed with N
    weeks to go"; None once released or when no date is known."""
    if dates.release is not None or dates.earliest_release is None:
        return None
    return max(0, (dates.earliest_release - today).days // 7)


def release_timing_warning(released_at_weekday: int, released_at_hour: int | None) -> str:
    """A release late in the week or late in the day leaves no working time to put support in
    place (002 advises against Friday-afternoon releases). Monday is 0."""
    if released_at_weekday >= 4:
        return "Release falls on a Friday or at the weekend: services may be closed until Monday"
    if released_at_hour is not None and released_at_hour >= 15:
        return "Release falls late in the day: little time to reach appointments or housing"
    return ""
