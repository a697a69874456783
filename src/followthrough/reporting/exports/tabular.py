"""CSV and Excel: one row per action, ready to filter and sort."""

from __future__ import annotations

from datetime import date

from followthrough.actionplans.models import ActionPlan
from followthrough.core.spreadsheets import table_csv, table_xlsx

from .rows import action_rows, columns

WIDTHS = [30, 18, 8, 30, 60, 14, 14, 80, 60, 40, 40, 14, 30, 14, 12, 18]


def plan_csv(plan: ActionPlan, *, today: date) -> bytes:
    return table_csv(columns(today), action_rows(plan, today=today))


def plan_xlsx(plan: ActionPlan, *, today: date) -> bytes:
    return table_xlsx(
        columns(today),
        action_rows(plan, today=today),
        widths=WIDTHS,
        title=plan.title,
        sheet="Actions",
    )
