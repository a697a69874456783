"""Tables as CSV and Excel, with text bound for spreadsheets kept as text: a cell that starts
like a formula is never run."""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, NamedStyle
from openpyxl.utils import get_column_letter

FORMULA_STARTS = {"=", "+", "-", "@", "\t", "\r"}
# The cell styles of table_xlsx, by name.
HEADER, TEXT, DAY = "Followthrough header", "Followthrough text", "Followthrough date"


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
    """One sheet with a bold frozen header row and filters on every column, text wrapped at the
    top of its cell and dates as dates; empty cells are left out."""
    # Written row by row (write-only mode) with named styles: a caseload is ~400,000 cells, and a
    # style object set on each cell is hashed at every assignment (a minute for a caseload).
    book = Workbook(write_only=True)
    worksheet = book.create_sheet(sheet)
    wrap = Alignment(wrap_text=True, vertical="top")
    book.add_named_style(NamedStyle(HEADER, font=Font(bold=True), alignment=wrap))
    book.add_named_style(NamedStyle(TEXT, alignment=wrap))
    book.add_named_style(NamedStyle(DAY, alignment=wrap, number_format="d mmm yyyy"))
    for index, width in enumerate(widths, start=1):
        worksheet.column_dimensions[get_column_letter(index)].width = width
    worksheet.freeze_panes = "A2"
    worksheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"

    def cell(value: Any, style: str) -> Cell:
        made = WriteOnlyCell(worksheet, value=value)
        made.style = style
        return made

    worksheet.append([cell(name, HEADER) for name in header])
    for row in rows:
        worksheet.append(
            [
                None
                if v is None
                else cell(spreadsheet_safe(v), DAY if isinstance(v, date) else TEXT)
                for v in row
            ]
        )
    book.properties.title = title[:250]
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
