"""Reads for casework: the milestone rules a service works to, and a case's milestones and phase
as of a day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from followthrough.organisations.access import standing_of
from followthrough.organisations.models import Organisation

from .milestones import (
    PHASES,
    CaseDates,
    Milestone,
    Rule,
    milestones,
    phase,
    release_timing_warning,
    weeks_to_release,
)
from .models import (
    AGENCIES,
    FIVE_CS,
    PERSONAL_SUPPORT,
    Case,
    CasePathway,
    CaseView,
    Meeting,
    MilestoneRule,
    Outcome,
    Task,
    TaskEscalation,
)


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
    # case_rows prefetches them into lists (to_attr): for thousands of cases, a related manager
    # per case and relation costs more than the rest of the reading.
    meetings = getattr(case, "initial_meetings", None)
    if meetings is None:
        meetings = case.meetings.all()
    outcomes = getattr(case, "recorded_outcomes", None)
    if outcomes is None:
        outcomes = case.outcomes.all()
    met: dict[str, date] = {}
    initial = [m.held_on for m in meetings if m.kind == "initial"]
    if initial:
        met["initial_meeting"] = min(initial)
    if case.accommodation_confirmed_on:
        met["accommodation_confirmed"] = case.accommodation_confirmed_on
    if case.rotl_considered_on:
        met["rotl_considered"] = case.rotl_considered_on
    release_day = getattr(case, "release_day", None)
    if release_day is not None and release_day.same_day_contact:
        met["release_day_contact"] = release_day.released_at.date()
    for outcome in outcomes:
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

    case: Any  # a Case; where the packs count, its values (board/reading.py CaseValues)
    phase: str
    milestones: list[Milestone]
    overdue_tasks: int
    weeks_to_go: int | None = None  # to the earliest release, while the child is in custody

    @property
    def late(self) -> list[Milestone]:
        return [m for m in self.milestones if m.state == "late"]

    @property
    def due_soon(self) -> list[Milestone]:
        return [m for m in self.milestones if m.state == "due_soon"]

    @property
    def phase_label(self) -> str:
        return PHASES[self.phase]


CASELOAD_PAGE = 50  # rows a caseload page shows, as a task list; phase counts cover every case


@dataclass(frozen=True)
class Caseload:
    rows: list[CaseRow]  # this page's
    count: int  # in the phase chosen, on every page
    page: int
    pages: int
    by_phase: dict[str, int]  # every case the user works, by phase


def caseload(user: Any, *, today: date, phase_filter: str = "", page: int = 1) -> Caseload:
    """The cases the user works, each with its phase, milestones and overdue tasks, a page at a
    time, in a fixed number of queries however many cases there are. Phases are counted and
    filtered in the database (CaseQuerySet.with_phase); only the page's cases are read."""
    mine = Case.objects.visible_to(user).filter(anonymised_on__isnull=True)
    open_cases = mine.filter(closed_on__isnull=True).with_phase(today=today)
    by_phase = dict.fromkeys(PHASES, 0)
    # The annotation's name passed through a variable: the type checker knows only fields.
    phase_code = "phase_code"
    for found in open_cases.order_by().values(phase_code).annotate(n=Count("pk")):
        by_phase[found[phase_code]] += found["n"]
    by_phase["closed"] = mine.filter(closed_on__isnull=False).count()
    if phase_filter == "closed":
        chosen, count = mine.filter(closed_on__isnull=False), by_phase["closed"]
    elif phase_filter:
        chosen, count = open_cases.filter(Q(phase_code=phase_filter)), by_phase.get(phase_filter, 0)
    else:
        chosen, count = open_cases, sum(n for code, n in by_phase.items() if code != "closed")
    pages = max(1, -(-count // CASELOAD_PAGE))
    page = min(max(page, 1), pages)
    ids = chosen.order_by("earliest_release", "reference").values_list("pk", flat=True)
    shown = list(ids[(page - 1) * CASELOAD_PAGE : page * CASELOAD_PAGE])
    rows = case_rows(Case.objects.filter(pk__in=shown), today=today)
    return Caseload(rows, count, page, pages, by_phase)


def escalated_tasks(user: Any) -> list[TaskEscalation]:
    """Overdue partner tasks on the user's services' cases that have climbed to the managers or
    the board (open rungs, the highest of each task), most overdue first."""
    rungs = (
        TaskEscalation.objects.filter(
            cleared_on__isnull=True,
            step__gte=TaskEscalation.Step.MANAGER,
            task__status=Task.Status.OPEN,
            task__case__service_id__in=standing_of(user).case_service_ids,
            task__case__closed_on__isnull=True,
        )
        .select_related("task__case", "task__owner")
        .order_by("-step", "-days", "pk")
    )
    highest: dict[int, TaskEscalation] = {}
    for rung in rungs:
        highest.setdefault(rung.task_id, rung)
    return list(highest.values())


def case_rows(cases: Any, *, today: date) -> list[CaseRow]:
    """Cases with their phase, milestones and overdue tasks: the caseload's, the board pack's
    and the national view's reading, in a fixed number of queries. Only the columns those pages
    and the breakdowns read are loaded: the board pack counts thousands of cases."""
    # The dates the milestones are worked from (case_dates), what the caseload shows, and what
    # the board pack breaks its measures down by.
    fields = ["reference", "service", "sentence_date", "earliest_release", "release_date"]
    fields += ["closed_on", "accommodation_confirmed_on", "rotl_considered_on", "sex"]
    fields += ["ethnicity", "care_status", "age_at_sentence", "send"]
    fields += ["release_day__released_at", "release_day__same_day_contact"]
    cases = (
        cases.select_related("release_day")
        .only(*fields)
        .prefetch_related(
            Prefetch(
                "meetings",
                queryset=Meeting.objects.filter(kind="initial").only("case", "kind", "held_on"),
                to_attr="initial_meetings",
            ),
            Prefetch("outcomes", to_attr="recorded_outcomes"),
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
                weeks_to_release(dates, today=today),
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
        "tasks": list(
            case.tasks.select_related("owner", "pathway").prefetch_related(
                Prefetch(
                    "escalations",
                    queryset=TaskEscalation.objects.filter(cleared_on__isnull=True),
                    to_attr="open_rungs",
                )
            )
        ),
        "contacts": list(case.contacts.all()),
        "outcomes": list(case.outcomes.all()),
        "release_day": getattr(case, "release_day", None),
        "release_warning": _release_warning(case, today=today),
        "support": _support(case),
        "agencies": dict(AGENCIES),
    }


def _release_warning(case: Case, *, today: date) -> str:
    """The timing of the release, warned about ahead of it (the earliest release date) or as
    it happened (the release day)."""
    release_day = getattr(case, "release_day", None)
    if release_day is not None:
        local = timezone.localtime(release_day.released_at)
        warning = release_timing_warning(local.weekday(), local.hour)
        return (
            f"The release was on {local:%A} at {local:%H:%M}: {warning.lower()}" if warning else ""
        )
    planned = case.earliest_release
    if planned is None or planned < today or case.release_date:
        return ""
    warning = release_timing_warning(planned.weekday(), None)
    return f"The earliest release date is a {planned:%A}: {warning.lower()}" if warning else ""


def _support(case: Case) -> list[tuple[str, str]]:
    """The four questions and the 5Cs as recorded, each with its wording."""
    marks = {"met": "Met", "partly": "Partly met", "not_met": "Not met"}
    return [
        (question, case.personal_support[code])
        for code, question in PERSONAL_SUPPORT.items()
        if case.personal_support.get(code)
    ] + [
        (check, marks.get(case.five_cs[code], ""))
        for code, check in FIVE_CS.items()
        if case.five_cs.get(code)
    ]


TASK_PAGE = 25  # tasks a page of a partner's list shows, the most pressing first; counts cover all


@dataclass(frozen=True)
class TaskList:
    tasks: list[Task]  # this page's
    count: int  # every task listed, on every page
    overdue: int  # of them, open and past their due date
    page: int
    pages: int


def tasks_for(user: Any, *, today: date, everything: bool = False, page: int = 1) -> TaskList:
    """The tasks the user's own organisations own, by due date, a page at a time: a partner's
    list, open ones unless everything is asked for. Of each case it reads only the reference.
    The counts are the database's; only the page's tasks are read."""
    owners = standing_of(user).task_owner_ids
    tasks = Task.objects.filter(owner_id__in=owners, case__anonymised_on__isnull=True)
    if not everything:
        tasks = tasks.filter(status=Task.Status.OPEN, case__closed_on__isnull=True)
    late = Q(status=Task.Status.OPEN, due_date__lt=today)
    counts = tasks.aggregate(n=Count("pk"), late=Count("pk", filter=late))
    pages = max(1, -(-counts["n"] // TASK_PAGE))
    page = min(max(page, 1), pages)
    rungs = TaskEscalation.objects.filter(cleared_on__isnull=True).only("task_id", "step")
    shown = (
        tasks.select_related("case", "pathway")
        .only("pk", "description", "due_date", "status", "case__reference", "pathway__name")
        .prefetch_related(Prefetch("escalations", queryset=rungs, to_attr="open_rungs"))
        .order_by("-status", "due_date", "pk")  # open, done, then cancelled (by letter)
    )[(page - 1) * TASK_PAGE : page * TASK_PAGE]
    return TaskList(list(shown), counts["n"], counts["late"], page, pages)


def services_of(user: Any) -> list[Organisation]:
    """The youth justice services the user belongs to, by name: whose board packs they read."""
    ids = standing_of(user).service_ids
    return list(Organisation.objects.filter(pk__in=ids).order_by("name"))


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


def case_pathway_row(case: Case, code: str) -> CasePathway:
    """One pathway row of the case, by the pathway's code; 404 for any other."""
    return get_object_or_404(
        CasePathway.objects.select_related("pathway"), case=case, pathway__code=code
    )


def case_meeting(case: Case, pk: int) -> Meeting:
    """A meeting of this case (tasks it decided are added from it); 404 for another case's."""
    return get_object_or_404(Meeting, case=case, pk=pk)


def case_outcome(case: Case, months: int) -> Outcome | None:
    return Outcome.objects.filter(case=case, months=months).first()


@dataclass(frozen=True)
class RuleRow:
    """A milestone rule as the service admin's page shows it: the national default beside the
    service's own amount, counted in the rule's direction."""

    code: str
    label: str
    anchor: str
    before: bool
    unit: str
    national: int
    amount: int
    source: str


def milestone_rule_rows(service: Organisation) -> list[RuleRow]:
    rows = MilestoneRule.objects.filter(Q(service__isnull=True) | Q(service=service))
    national = [r for r in rows.order_by("pk") if r.service_id is None]
    own = {r.code: r for r in rows if r.service_id is not None}
    return [
        RuleRow(
            r.code,
            r.label,
            r.anchor,
            r.offset < 0,
            r.unit,
            abs(r.offset),
            abs((own.get(r.code) or r).offset),
            r.source,
        )
        for r in national
    ]
