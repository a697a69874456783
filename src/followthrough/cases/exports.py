"""A service's caseload as a spreadsheet in exactly the import layout (cases/imports.py), so that
an export imports again unchanged: a row per case, then a row per task of that case. Anonymised
cases are left out; cells a spreadsheet would run as formulas are kept as text."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet

from followthrough.core.spreadsheets import table_csv, table_xlsx
from followthrough.organisations.models import Organisation

from .imports import LAYOUT, ORGANISATION_COLUMNS
from .models import Case, Task
from .services import CASE_FIELDS

TASK_START = LAYOUT.index("description")
WIDTHS = [10 if name == "record" else 40 if name == "description" else 18 for name in LAYOUT]


def cases_for_export(service: Organisation) -> list[Case]:
    """Every case of the service not anonymised, each with its tasks, in two queries."""
    tasks: QuerySet[Task] = Task.objects.select_related("owner", "pathway").order_by(
        "due_date", "pk"
    )
    return list(
        Case.objects.filter(service=service, anonymised_on__isnull=True)
        .select_related("home_local_authority", "establishment")
        .prefetch_related(Prefetch("tasks", queryset=tasks))
        .order_by("reference")
    )


def _case_row(case: Case) -> list[Any]:
    row: list[Any] = ["case", case.reference]
    for name in CASE_FIELDS:
        value = getattr(case, name)
        row.append(value.name if name in ORGANISATION_COLUMNS and value else value)
    return row + [None] * (len(LAYOUT) - TASK_START)


def _task_row(case: Case, task: Task) -> list[Any]:
    dated = task.due_anchor == "date"
    return [
        "task",
        case.reference,
        *([None] * len(CASE_FIELDS)),
        task.description,
        task.owner.name,
        task.pathway.code if task.pathway else None,
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
        rows.extend(_task_row(case, task) for task in case.tasks.all())
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
