"""CSV and Excel: one row per action, ready to filter and sort."""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from followthrough.actionplans.models import ActionPlan
from followthrough.core.spreadsheets import spreadsheet_safe

from .rows import action_rows, columns

WIDTHS = [30, 18, 8, 30, 60, 14, 14, 80, 40, 14, 30, 14, 12, 18]


def table_csv(header: list[str], rows: list[list[Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow([spreadsheet_safe("" if v is None else v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # the mark makes Excel read UTF-8


def table_xlsx(
    header: list[str], rows: list[list[Any]], *, widths: list[int], title: str, sheet: str
) -> bytes:
    """One sheet with a bold frozen header row and filters on every column."""
    book = Workbook()
    worksheet = book.active
    worksheet.title = sheet
    worksheet.append(header)
    for cell in worksheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        worksheet.append([spreadsheet_safe(v) for v in row])
    for index, width in enumerate(widths, start=1):
        worksheet.column_dimensions[get_column_letter(index)].width = width
    for cells in worksheet.iter_rows(min_row=2):
        for cell in cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if isinstance(cell.value, date):
                cell.number_format = "d mmm yyyy"
    worksheet.freeze_panes = "A2"
    worksheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{worksheet.max_row}"
    book.properties.title = title[:250]
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


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
