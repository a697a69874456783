"""The board pack and the national view as suppressed tables: cases by phase, every measure of
board/measures.py on its own line and broken down by sex, ethnicity, care status and age band
(and by service nationally), milestones and overdue tasks.

Every table goes through cases/suppression.py. The breakdowns of one measure share its totals,
so a breakdown whose suppression hides a total that the measure's own line shows would let a
hidden number be worked back from the other table: such a breakdown is withheld whole. No case
reference appears anywhere, and the queries do not grow with the cases."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from django.db.models import Max, Q

from followthrough.organisations.models import Organisation

from ..milestones import PHASES
from ..models import Case, CasePathway, Task
from ..selectors import CaseRow, _milestone_names
from ..suppression import HIDDEN, THRESHOLD, WITHHELD, Shown, Table, suppress
from .measures import (
    BREAKDOWNS,
    NO_NATIONAL,
    OUTCOME_DEFINITION,
    PATHWAYS_READ,
    SECTIONS,
    Facts,
    Groups,
    MeasureRule,
    kpi_definition,
)
from .reading import case_values


@dataclass(frozen=True)
class Figure:
    """One table of the board pack, already suppressed: a title, what it counts, the table."""

    title: str
    counts: str
    table: Shown
    label: str = "Phase"  # what its rows are


def _suppress(table: Table) -> Shown:
    """Suppressed, with a total hidden only to protect another number called "withheld" rather
    than "fewer than 5": it may well be larger."""
    shown = suppress(table)

    def named(value: int | str, actual: int) -> int | str:
        return WITHHELD if value == HIDDEN and actual >= THRESHOLD else value

    return replace(
        shown,
        row_totals=[named(v, table.row_total(r)) for r, v in enumerate(shown.row_totals)],
        column_totals=[named(v, table.column_total(c)) for c, v in enumerate(shown.column_totals)],
    )


def percent(part: int | str, base: int | str) -> str:
    """A share, only where both numbers are shown and the base is 5 or more."""
    if isinstance(part, int) and isinstance(base, int) and base >= THRESHOLD:
        return f"{round(100 * part / base)}%"
    return ""


@dataclass(frozen=True)
class Measure:
    """One measure, suppressed: its own line (every case counted) and each breakdown's table."""

    rule: MeasureRule
    definition: str
    national: str
    headline: Shown
    by: dict[str, Shown]

    @property
    def cells(self) -> list[int | str]:
        return self.headline.cells[0]

    @property
    def share(self) -> str:
        return percent(self.cells[0], self.headline.total)

    def summary(self, by: str) -> list[str]:
        """Each group's "n of N (p%)" for the first answer, then every case's."""
        table = self.by[by]
        lines = [(cells[0], total) for _, cells, total in table.lines]
        return [_of(part, base) for part, base in [*lines, (self.cells[0], self.headline.total)]]


def _of(part: int | str, base: int | str) -> str:
    if base == 0:
        return "none"
    if part == base and isinstance(base, str):
        return base
    share = percent(part, base)
    return f"{part} of {base}" + (f" ({share})" if share else "")


@dataclass(frozen=True)
class Section:
    title: str
    columns: list[str]
    measures: list[Measure]


def _margin(values: list[int | str]) -> list[int | str]:
    return [v if isinstance(v, int) else WITHHELD for v in values]


def _withheld(shown: Shown) -> Shown:
    """The whole table withheld: its totals could give away a number hidden elsewhere."""
    return Shown(
        shown.rows,
        shown.columns,
        [[WITHHELD for _ in row] for row in shown.cells],
        [WITHHELD for _ in shown.row_totals],
        [WITHHELD for _ in shown.column_totals],
        WITHHELD,
    )


def _measure(
    rule: MeasureRule, facts: list[Facts], groups: dict[str, tuple[list[str], list[int | None]]]
) -> tuple[Shown, dict[str, Shown]]:
    codes = [code for code, _ in rule.answers]
    labels = [label for _, label in rule.answers]
    answered: list[tuple[int, int]] = []
    for i, f in enumerate(facts):
        answer = rule.read(f)
        if answer is not None:
            answered.append((i, codes.index(answer)))
    totals = [0] * len(codes)
    for _, a in answered:
        totals[a] += 1
    headline = _suppress(Table(["All"], labels, [totals]))
    margin = _margin([*headline.column_totals, headline.total])
    by = {}
    for key, (names, index) in groups.items():
        counts = [[0] * len(codes) for _ in names]
        for i, a in answered:
            group = index[i]
            if group is not None:
                counts[group][a] += 1
        shown = _suppress(Table(names, labels, counts))
        agrees = _margin([*shown.column_totals, shown.total]) == margin
        by[key] = shown if agrees else _withheld(shown)
    return headline, by


def measure_sections(
    facts: list[Facts], breakdowns: dict[str, tuple[str, Groups]], national: dict[str, str]
) -> list[Section]:
    """The measures at release and after it, each with every breakdown asked for."""
    groups = {
        key: (names, [index(f.row.case) for f in facts])
        for key, (_, (names, index)) in breakdowns.items()
    }
    definitions = {"kpi": kpi_definition(), "outcome": OUTCOME_DEFINITION}

    def measures(rules: list[MeasureRule]) -> list[Measure]:
        made = []
        for rule in rules:
            headline, by = _measure(rule, facts, groups)
            compare = national.get(rule.compare, NO_NATIONAL) if rule.compare else NO_NATIONAL
            made.append(
                Measure(rule, definitions.get(rule.source, rule.source), compare, headline, by)
            )
        return made

    return [
        Section(title, [label for _, label in answers], measures(rules))
        for title, answers, rules in SECTIONS
    ]


def _facts(rows: list[CaseRow], cases: Any, *, today: date) -> list[Facts]:
    """Each case's pathway answers, in one query, and its outcomes by months (case_values read
    them into `recorded_outcomes`), beside its row."""
    pathways: dict[int, dict[str, dict[str, str]]] = {}
    fields = ["need", "suitable_at_release", "screened", "offered", "attending", "learning_plan"]
    fields += ["at_3_months", "at_6_months"]
    rows_read = CasePathway.objects.filter(case__in=cases, pathway__code__in=PATHWAYS_READ)
    for values in rows_read.values("case_id", "pathway__code", *fields):
        pathways.setdefault(values["case_id"], {})[values["pathway__code"]] = values
    return [
        Facts(
            row,
            pathways.get(row.case.pk, {}),
            today,
            {o.months: o for o in row.case.recorded_outcomes},
        )
        for row in rows
    ]


@dataclass(frozen=True)
class Pack:
    """A board pack (one service) or the national view: every table suppressed."""

    title: str
    today: date
    definition: str
    phases: Figure  # cases by phase: the chart's figures
    cohort: dict[str, Figure]  # cases by phase and each breakdown
    sections: list[Section]
    figures: list[Figure]  # milestones, overdue tasks, late milestones by service
    breakdowns: dict[str, str]  # key: label, in the order shown


def _cohort(
    facts: list[Facts], breakdowns: dict[str, tuple[str, Groups]]
) -> tuple[Figure, dict[str, Figure]]:
    """Cases by phase, and by phase against each breakdown (services as rows, phases as columns),
    withheld where a breakdown's phase totals disagree with the phases' own."""
    codes, names = list(PHASES), list(PHASES.values())
    phase_of = [codes.index(f.row.phase) for f in facts]
    phases = _suppress(Table(names, ["Cases"], [[phase_of.count(p)] for p in range(len(codes))]))
    margin = _margin([*phases.row_totals, phases.total])
    cohort = {}
    for key, (label, (groups, index)) in breakdowns.items():
        counts = [[0] * len(groups) for _ in codes]
        for f, p in zip(facts, phase_of, strict=True):
            if (g := index(f.row.case)) is not None:
                counts[p][g] += 1
        if key == "service":
            by_row = [list(line) for line in zip(*counts, strict=True)] if counts else []
            shown = _suppress(Table(groups, names, by_row))
            title, shared, label = "Cases by service and phase", shown.column_totals, "Service"
        else:
            shown = _suppress(Table(names, groups, counts))
            title, shared = f"Cases by phase and {label}", shown.row_totals
            label = "Phase"
        table = shown if _margin([*shared, shown.total]) == margin else _withheld(shown)
        cohort[key] = Figure(title, "cases", table, label)
    return Figure("Cases by phase", "cases", phases), cohort


def _milestone_states(
    rows: list[CaseRow], key: Callable[[CaseRow], str] | None = None
) -> Counter[tuple[str | None, str, str]]:
    """How many cases have each milestone in each state, counted in one pass over the rows: by
    (the case's key, or None, milestone code, state); nationally the key is the service."""
    return Counter(
        (key(row) if key else None, m.code, m.state) for row in rows for m in row.milestones
    )


def _milestone_figure(rows: list[CaseRow]) -> Figure:
    codes, labels = _milestone_names(rows)
    states = [("late", "Late"), ("due_soon", "Due within 2 weeks"), ("done", "Done")]
    counted = _milestone_states(rows)
    counts = [[counted[(None, code, state)] for state, _ in states] for code in codes]
    table = Table(labels, [s for _, s in states], counts)
    return Figure("Milestones", "cases", _suppress(table), "Milestone")


# Where an overdue task stands: the highest open rung of its escalation ladder.
RUNGS = [(0, "Not yet escalated"), (1, "Agency reminded"), (2, "With the managers")]
RUNGS += [(3, "Reported to the board")]


def _overdue_by_rung(service: Organisation, *, today: date) -> Table:
    """The service's overdue tasks by owning agency and rung, in one query."""
    tasks = (
        Task.objects.filter(
            case__service=service,
            case__closed_on__isnull=True,
            status=Task.Status.OPEN,
            due_date__lt=today,
        )
        .values("pk", "owner__name")
        .annotate(rung=Max("escalations__step", filter=Q(escalations__cleared_on__isnull=True)))
    )
    counted = Counter((t["owner__name"], t["rung"] or 0) for t in tasks)
    agencies = sorted({agency for agency, _ in counted})
    counts = [[counted[(agency, step)] for step, _ in RUNGS] for agency in agencies]
    return Table(agencies, [label for _, label in RUNGS], counts)


def overdue_figure(service: Organisation, *, today: date) -> Figure:
    """The service's overdue tasks by agency and rung, read afresh: the ladder's rungs keep no
    history for a cached pack to notice a change by."""
    return Figure(
        "Overdue tasks by the agency that owns them, and where each stands on the ladder",
        "tasks",
        _suppress(_overdue_by_rung(service, today=today)),
        "Agency",
    )


def count_board_pack(service: Organisation, *, today: date) -> Pack:
    """The management board's pack for one service: aggregates only, every count under 5 shown
    as "fewer than 5" and protected from subtraction. No case reference appears. A fixed number
    of queries however many cases. Without its overdue tasks and 2015 figures, which
    board/national.py adds to the cached pack on every reading."""
    cases = Case.objects.filter(service=service)
    rows = case_values(cases, today=today)
    facts = _facts(rows, cases, today=today)
    phases, cohort = _cohort(facts, BREAKDOWNS)
    return Pack(
        service.name,
        today,
        kpi_definition(),
        phases,
        cohort,
        measure_sections(facts, BREAKDOWNS, {}),
        [_milestone_figure(rows)],
        {key: label for key, (label, _) in BREAKDOWNS.items()},
    )


def count_national_pack(*, today: date) -> Pack:
    """Every service's casework in aggregate, for the YJB and the inspectorates: the board pack's
    measures by service and nationally, suppressed the same way. No case reference appears.
    Without the 2015 figures, which board/national.py adds to the cached pack."""
    cases = Case.objects.all()
    rows = case_values(cases, today=today, service_names=True)
    facts = _facts(rows, cases, today=today)
    services = sorted({row.case.service_name for row in rows})
    position = {name: i for i, name in enumerate(services)}
    breakdowns: dict[str, tuple[str, Groups]] = {
        "service": ("service", (services, lambda case: position[case.service_name])),
        **BREAKDOWNS,
    }
    phases, cohort = _cohort(facts, breakdowns)
    codes, labels = _milestone_names(rows)
    counted = _milestone_states(rows, lambda row: row.case.service_name)
    late = [[counted[(name, code, "late")] for code in codes] for name in services]
    return Pack(
        "England and Wales",
        today,
        kpi_definition(),
        phases,
        cohort,
        measure_sections(facts, breakdowns, {}),
        [
            Figure(
                "Late milestones by service",
                "cases",
                _suppress(Table(services, labels, late)),
                "Service",
            )
        ],
        {key: label for key, (label, _) in breakdowns.items()},
    )
