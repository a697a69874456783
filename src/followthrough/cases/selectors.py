"""Reads for casework: the milestone rules a service works to, and a case's milestones and phase
as of a day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Prefetch, Q

from followthrough.organisations.access import standing_of
from followthrough.organisations.models import Organisation

from .milestones import PHASES, CaseDates, Milestone, Rule, milestones, phase
from .models import AGENCIES, Case, CasePathway, CaseView, Meeting, MilestoneRule, Task
from .suppression import Shown, Table, suppress


def rules_for(service: Organisation) -> list[Rule]:
    """The national rules, each replaced by the service's own version where it has one, in the
    national order."""
    return rules_by_service([service.pk])[service.pk]


def rules_by_service(service_ids: list[int]) -> dict[int, list[Rule]]:
    """rules_for for many services at once, in one query."""
    rows = MilestoneRule.objects.filter(Q(service__isnull=True) | Q(service_id__in=service_ids))
    national: list[MilestoneRule] = []
    own: dict[tuple[int, str], MilestoneRule] = {}
    for row in rows.order_by("pk"):
        if row.service_id is None:
            national.append(row)
        else:
            own[(row.service_id, row.code)] = row
    return {
        service_id: [
            Rule(r.code, r.label, r.anchor, r.offset, r.unit, r.source)
            for r in (own.get((service_id, n.code), n) for n in national)
        ]
        for service_id in service_ids
    }


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


@dataclass(frozen=True)
class CaseRow:
    """A case as the caseload shows it: where the child is and what is late or due."""

    case: Case
    phase: str
    milestones: list[Milestone]
    overdue_tasks: int

    @property
    def late(self) -> list[Milestone]:
        return [m for m in self.milestones if m.state == "late"]

    @property
    def due_soon(self) -> list[Milestone]:
        return [m for m in self.milestones if m.state == "due_soon"]

    @property
    def phase_label(self) -> str:
        return PHASES[self.phase]


def caseload(user: Any, *, today: date, phase_filter: str = "") -> list[CaseRow]:
    """The cases the user works, each with its phase, milestones and overdue tasks, in a fixed
    number of queries however many cases there are."""
    rows = case_rows(Case.objects.visible_to(user).filter(anonymised_on__isnull=True), today=today)
    return [row for row in rows if not phase_filter or row.phase == phase_filter]


def case_rows(cases: Any, *, today: date) -> list[CaseRow]:
    """Cases with their phase, milestones and overdue tasks: the caseload's, the board pack's
    and the national view's reading, in a fixed number of queries."""
    cases = (
        cases.select_related("service", "release_day")
        .prefetch_related(
            Prefetch("meetings", queryset=Meeting.objects.filter(kind="initial")), "outcomes"
        )
        .annotate(
            overdue=Count(
                "tasks", filter=Q(tasks__status=Task.Status.OPEN, tasks__due_date__lt=today)
            )
        )
        .order_by("earliest_release", "reference")
    )
    cases = list(cases)
    rules = rules_by_service(sorted({case.service_id for case in cases}))
    rows = []
    for case in cases:
        dates = case_dates(case)
        rows.append(
            CaseRow(
                case,
                phase(dates, today=today),
                milestones(rules[case.service_id], dates, today=today),
                case.overdue,
            )
        )
    return rows


def case_detail(case: Case, *, today: date) -> dict[str, Any]:
    """Everything the case page shows, read in a fixed number of queries."""
    dates = case_dates(case)
    return {
        "phase": PHASES[phase(dates, today=today)],
        "milestones": milestones(rules_for(case.service), dates, today=today),
        "pathways": list(case.pathways.select_related("pathway")),
        "meetings": list(case.meetings.all()),
        "tasks": list(case.tasks.select_related("owner", "pathway")),
        "contacts": list(case.contacts.all()),
        "outcomes": list(case.outcomes.all()),
        "release_day": getattr(case, "release_day", None),
        "agencies": dict(AGENCIES),
    }


def tasks_for(user: Any, *, today: date) -> list[Task]:
    """The tasks the user's own organisations own, open first by due date: a partner's list.
    It shows of each case only its reference, the pathway and the step."""
    standing = standing_of(user)
    return list(
        Task.objects.filter(owner_id__in=standing.organisation_ids)
        .select_related("case", "owner", "pathway")
        .order_by("status", "due_date", "pk")
    )


@dataclass(frozen=True)
class Figure:
    """One table of the board pack, already suppressed: a title, what it counts, the table."""

    title: str
    counts: str
    table: Shown


AGE_BANDS = [("10 to 14", range(10, 15)), ("15", range(15, 16)), ("16", range(16, 17))]
AGE_BANDS += [("17", range(17, 18))]


def _by_phase(rows: list[CaseRow], columns: list[tuple[str, Any]], title: str) -> Figure:
    """Cases by phase (rows) and a breakdown (columns: label, test on the case)."""
    counts = [
        [sum(1 for row in rows if row.phase == code and test(row.case)) for _, test in columns]
        for code in PHASES
    ]
    table = Table(list(PHASES.values()), [label for label, _ in columns], counts)
    return Figure(title, "cases", suppress(table))


def board_pack(service: Organisation, *, today: date) -> list[Figure]:
    """The management board's pack for one service: aggregates only, every count under 5 shown
    as "fewer than 5" and protected from subtraction. No case reference appears."""
    rows = case_rows(Case.objects.filter(service=service), today=today)
    sexes = [(label, lambda c, v=value: c.sex == v) for value, label in Case.Sex.choices]
    care = [
        (label, lambda c, v=value: c.care_status == v) for value, label in Case.CareStatus.choices
    ]
    ages = [(label, lambda c, a=ages: c.age_at_sentence in a) for label, ages in AGE_BANDS]
    figures = [
        _by_phase(rows, sexes, "Cases by phase and sex"),
        _by_phase(rows, care, "Cases by phase and care status"),
        _by_phase(rows, ages, "Cases by phase and age at sentence"),
    ]
    released = [r for r in rows if r.phase in ("released", "closed")]
    suitability = list(
        CasePathway.objects.filter(
            case__in=[r.case.pk for r in released],
            pathway__code__in=["accommodation", "ete"],
        )
        .values_list("pathway__name", "suitable_at_release")
        .order_by("pathway__order")
    )
    names = list(dict.fromkeys(name for name, _ in suitability))
    answers = [("yes", "Suitable"), ("no", "Not suitable"), ("", "Not recorded")]
    answers_count = [
        [sum(1 for n, v in suitability if n == name and _answer(v) == a) for a, _ in answers]
        for name in names
    ]
    figures.append(
        Figure(
            "At release: suitable accommodation and education, training or employment",
            "children released",
            suppress(Table(names, [label for _, label in answers], answers_count)),
        )
    )
    codes, labels = _milestone_names(rows)
    states = [("late", "Late"), ("due_soon", "Due within 2 weeks"), ("done", "Done")]
    milestone_counts = [[_in_state(rows, code, state) for state, _ in states] for code in codes]
    figures.append(
        Figure(
            "Milestones",
            "cases",
            suppress(Table(labels, [label for _, label in states], milestone_counts)),
        )
    )
    overdue = list(
        Task.objects.filter(case__service=service, status=Task.Status.OPEN, due_date__lt=today)
        .values("owner__name")
        .annotate(n=Count("pk"))
        .order_by("owner__name")
    )
    figures.append(
        Figure(
            "Overdue tasks by the agency that owns them",
            "tasks",
            suppress(
                Table([o["owner__name"] for o in overdue], ["Overdue"], [[o["n"]] for o in overdue])
            ),
        )
    )
    return figures


def _answer(value: str) -> str:
    return value if value in ("yes", "no") else ""


def services_of(user: Any) -> list[Organisation]:
    """The youth justice services the user belongs to, by name: whose board packs they read."""
    ids = standing_of(user).service_ids
    return list(Organisation.objects.filter(pk__in=ids).order_by("name"))


def national_figures(*, today: date) -> list[Figure]:
    """Every service's casework in aggregate, for the YJB and the inspectorates: cases by phase,
    suitability at release and late milestones, by service and in total, suppressed like the
    board pack. No case reference appears."""
    rows = case_rows(Case.objects.all(), today=today)
    services = sorted({row.case.service.name for row in rows})
    by_phase = [
        [sum(1 for r in rows if r.case.service.name == name and r.phase == code) for code in PHASES]
        for name in services
    ]
    codes, labels = _milestone_names(rows)
    late = [
        [
            _in_state([r for r in rows if r.case.service.name == name], code, "late")
            for code in codes
        ]
        for name in services
    ]
    return [
        Figure(
            "Cases by service and phase",
            "cases",
            suppress(Table(services, list(PHASES.values()), by_phase)),
        ),
        Figure("Late milestones by service", "cases", suppress(Table(services, labels, late))),
    ]


ACCESS_LOG_LIMIT = 500


def case_views_for(user: Any) -> list[CaseView]:
    """The newest views of the cases of the services the user administers."""
    standing = standing_of(user)
    services = [s for s in standing.service_ids if standing.roles.get(s) == "admin"]
    return list(
        CaseView.objects.filter(case__service_id__in=services)
        .select_related("case", "user")
        .order_by("-at")[:ACCESS_LOG_LIMIT]
    )


def _milestone_names(rows: list[CaseRow]) -> tuple[list[str], list[str]]:
    """The milestone codes and labels, in the rules' order."""
    first = rows[0].milestones if rows else []
    return [m.code for m in first], [m.label for m in first]


def _in_state(rows: list[CaseRow], code: str, state: str) -> int:
    """How many of the cases have this milestone in this state."""
    return sum(1 for r in rows for m in r.milestones if m.code == code and m.state == state)
