"""A service's caseload as a spreadsheet in exactly the import layout (cases/imports.py), so that
an export imports again unchanged: a row per case, then a row per task of that case. Anonymised
cases are left out; cells a spreadsheet would run as formulas are kept as text."""

from __future__ import annotations

from typing import Any

from django.db.models import F, Prefetch, QuerySet

from followthrough.core.spreadsheets import table_csv, table_xlsx
from followthrough.organisations.models import Organisation

from .imports import LAYOUT, ORGANISATION_COLUMNS
from .models import Case, Task
from .services import CASE_FIELDS

TASK_START = LAYOUT.index("description")
WIDTHS = [10 if name == "record" else 40 if name == "description" else 18 for name in LAYOUT]
TASK_FIELDS = ["case", "description", "due_date", "due_anchor", "due_offset_days", "status"]


def cases_for_export(service: Organisation) -> list[Case]:
    """Every case of the service not anonymised, each with its tasks (in `layout_tasks`), in two
    queries. Only the layout's columns are read, and organisations and pathways by name and
    code: a service's export holds thousands of tasks, and an object made for each costs more
    than writing its row."""
    tasks: QuerySet[Task] = (
        Task.objects.only(*TASK_FIELDS)
        .annotate(owner_name=F("owner__name"), pathway_code=F("pathway__code"))
        .order_by("due_date", "pk")
    )
    names = {f"{name}_name": F(f"{name}__name") for name in ORGANISATION_COLUMNS}
    return list(
        Case.objects.filter(service=service, anonymised_on__isnull=True)
        .only("reference", *CASE_FIELDS)
        .annotate(**names)
        .prefetch_related(Prefetch("tasks", queryset=tasks, to_attr="layout_tasks"))
        .order_by("reference")
    )


def _case_row(case: Case) -> list[Any]:
    row: list[Any] = ["case", case.reference]
    for name in CASE_FIELDS:
        if name in ORGANISATION_COLUMNS:
            row.append(getattr(case, f"{name}_name"))
        else:
            row.append(getattr(case, name))
    return row + [None] * (len(LAYOUT) - TASK_START)


def _task_row(case: Case, task: Task) -> list[Any]:
    dated = task.due_anchor == "date"
    return [
        "task",
        case.reference,
        *([None] * len(CASE_FIELDS)),
        task.description,
        task.owner_name,
        task.pathway_code,
        task.due_date if dated else None,
        None if dated else task.due_anchor,
        None if dated else task.due_offset_days,
        task.status,
    ]


def caseload_rows(cases: list[Case]) -> list[list[Any]]:
    """The rows of the layout: each case, then its tasks (fetched with cases_for_export)."""
    rows = []
    for case in cases:
        rows.append(_case_row(case))
        rows.extend(_task_row(case, task) for task in case.layout_tasks)
    return rows


def caseload_csv(cases: list[Case]) -> bytes:
    return table_csv(LAYOUT, caseload_rows(cases))


def caseload_xlsx(cases: list[Case], *, service: Organisation) -> bytes:
    return table_xlsx(
        LAYOUT,
        caseload_rows(cases),
        widths=WIDTHS,
        title=f"{service.name}: caseload",
        sheet="Caseload",
    )
