"""Tables as CSV and Excel, with text bound for spreadsheets kept as text: a cell that starts
like a formula is never run."""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

FORMULA_STARTS = {"=", "+", "-", "@", "\t", "\r"}


def spreadsheet_safe(value: object) -> object:
    """Spreadsheets run cells that start with = + - @ as formulas; a leading quote stops that."""
    if isinstance(value, str) and value[:1] in FORMULA_STARTS:
        return "'" + value
    return value


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
