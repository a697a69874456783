"""The board pack and the national view as pages read them: counted once per change of the
casework (core/freshness.py, decision 0010), the 2015 figures and the board's overdue tasks added
on every reading (their tables keep no history), and the national view's services a page at a
time, found and ordered in the database, each page kept once cut. A page of services is a slice
of tables already suppressed: it hides nothing more and shows nothing the whole table would not."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from django.core.paginator import Page, Paginator
from django.db.models import Count

from followthrough.core.freshness import freshness_key, remembered
from followthrough.inspections.models import Report
from followthrough.organisations.models import Organisation

from ..models import Case, CasePathway, Meeting, MilestoneRule, Outcome, ReleaseDay, Task
from ..suppression import Shown
from .measures import NO_NATIONAL, kpi_definition, national_2015
from .pack import Measure, Pack, count_board_pack, count_national_pack, overdue_figure

# What a pack counts: a change to any of these tables counts it again.
CASEWORK = (Case, CasePathway, Meeting, ReleaseDay, Outcome, MilestoneRule, Task, Organisation)


def _compared(pack: Pack) -> Pack:
    """The pack with each measure's 2015 national figure, read afresh (one query)."""
    found = national_2015()

    def compared(m: Measure) -> Measure:
        compare = found.get(m.rule.compare, NO_NATIONAL) if m.rule.compare else NO_NATIONAL
        return replace(m, national=compare)

    sections = [replace(s, measures=[compared(m) for m in s.measures]) for s in pack.sections]
    return replace(pack, sections=sections)


def board_pack(service: Organisation, *, today: date) -> Pack:
    """The management board's pack for one service (pack.count_board_pack), counted once per
    change of the casework, with its overdue tasks read afresh."""
    pack = remembered(
        "cases.board",
        tracked=CASEWORK,
        scope=[today.isoformat(), service.pk, kpi_definition()],
        compute=lambda: count_board_pack(service, today=today),
    )
    return replace(_compared(pack), figures=[*pack.figures, overdue_figure(service, today=today)])


def _national_counted(today: date) -> Pack:
    return remembered(
        "cases.national",
        tracked=CASEWORK,
        scope=[today.isoformat(), kpi_definition()],
        compute=lambda: count_national_pack(today=today),
    )


def national_pack(*, today: date) -> Pack:
    """Every service's casework in aggregate (pack.count_national_pack), counted once per change
    of the casework."""
    return _compared(_national_counted(today))


SERVICES_PAGE = 50  # services each table by service shows at a time
SERVICE_ORDERS = {"name": "Name, A to Z", "cases": "Most cases first"}


@dataclass(frozen=True)
class NationalPage:
    """The national view with its tables by service cut to one page of services; every total
    still counts every service."""

    pack: Pack
    services: Page  # of service names
    name: str  # the filter on the service's name
    order: str  # a key of SERVICE_ORDERS

    @property
    def order_label(self) -> str:
        return SERVICE_ORDERS[self.order]


def _only(table: Shown, names: list[str]) -> Shown:
    """The suppressed table's rows for these services, in their order, its totals unchanged."""
    position = {row: i for i, row in enumerate(table.rows)}
    keep = [position[name] for name in names if name in position]
    return replace(
        table,
        rows=[table.rows[i] for i in keep],
        cells=[table.cells[i] for i in keep],
        row_totals=[table.row_totals[i] for i in keep],
    )


def national_page(
    *, today: date, name: str = "", order: str = "name", page: str = ""
) -> NationalPage:
    """The national view a page of services at a time: the services with cases, filtered by name
    and ordered in the database, counted exactly. Each page is kept once cut, per change of the
    casework: the whole pack holds every service's row of every table, and reading it back on
    each visit cost more, the more services there were."""
    order = order if order in SERVICE_ORDERS else "name"
    found = remembered(
        "cases.national.page",
        tracked=CASEWORK,
        scope=[today.isoformat(), kpi_definition(), name, order, page],
        compute=lambda: _cut(today=today, name=name, order=order, page=page),
    )
    return replace(found, pack=_compared(found.pack))


def national_page_version(*, today: date, asked: list[str]) -> str:
    """Changes whenever the national page would: its rendering is kept under it, since drawing
    fifty services' rows of every table cost more than reading them. The 2015 figures come from a
    report's findings, which are only ever written with their report (ingest.loaders)."""
    return freshness_key(
        "cases.national.rendered",
        tracked=(*CASEWORK, Report),
        scope=[today.isoformat(), kpi_definition(), *asked],
    )


def _cut(*, today: date, name: str, order: str, page: str) -> NationalPage:
    services = Organisation.objects.annotate(n=Count("cases")).filter(n__gt=0)
    if name:
        services = services.filter(name__icontains=name)
    ordering = ("-n", "name") if order == "cases" else ("name",)
    names_in_order = list(services.order_by(*ordering).values_list("name", flat=True))
    chosen = Paginator(names_in_order, SERVICES_PAGE).get_page(page)
    names = list(chosen.object_list)
    pack = _national_counted(today)
    cohort = dict(pack.cohort)
    if "service" in cohort:
        cohort["service"] = replace(cohort["service"], table=_only(cohort["service"].table, names))
    sections = [
        replace(
            s,
            measures=[
                replace(m, by={**m.by, "service": _only(m.by["service"], names)})
                for m in s.measures
            ],
        )
        for s in pack.sections
    ]
    figures = [
        replace(f, table=_only(f.table, names)) if f.label == "Service" else f for f in pack.figures
    ]
    cut = replace(pack, cohort=cohort, sections=sections, figures=figures)
    return NationalPage(cut, chosen, name, order)
