"""CSV and Excel: one row per action, ready to filter and sort."""

from __future__ import annotations

import csv
import io
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from followthrough.actionplans.models import ActionPlan
from followthrough.core.spreadsheets import spreadsheet_safe

from .rows import action_rows, columns

WIDTHS = [30, 18, 8, 30, 60, 14, 14, 80, 40, 14, 30, 14, 12, 18]


def plan_csv(plan: ActionPlan, *, today: date) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns(today))
    for row in action_rows(plan, today=today):
        writer.writerow([spreadsheet_safe("" if v is None else v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # the mark makes Excel read UTF-8


def plan_xlsx(plan: ActionPlan, *, today: date) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Actions"
    header = columns(today)
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in action_rows(plan, today=today):
        sheet.append([spreadsheet_safe(v) for v in row])
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if isinstance(cell.value, date):
                cell.number_format = "d mmm yyyy"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{sheet.max_row}"
    book.properties.title = plan.title[:250]
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
