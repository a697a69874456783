"""Word documents in the published layout: A4 landscape, a header row repeated on every page,
page numbers in the footer. Shared by every export that builds a table in Word."""

from __future__ import annotations

import io
from typing import Any

from django.utils import timezone
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt


def _repeat_as_header(row) -> None:  # type: ignore[no-untyped-def]
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


def _field(paragraph, code: str) -> None:  # type: ignore[no-untyped-def]
    for kind, text in (("begin", None), (None, code), ("end", None)):
        run = paragraph.add_run()
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def cell_lines(cell, texts: list[str]) -> None:  # type: ignore[no-untyped-def]
    cell.text = ""
    for index, text in enumerate(texts or [""]):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        paragraph.add_run(text)


def landscape_document(footer_text: str, *, title: str = "", author: str = ""):  # type: ignore[no-untyped-def]
    """An A4 landscape Word document in Arial 9pt with "page N of M" in the footer, whose
    properties name it, who it is from (the organisation, else Followthrough) and when."""
    document = Document()
    properties = document.core_properties
    properties.title = title or footer_text
    properties.author = properties.last_modified_by = author or "Followthrough"
    properties.created = properties.modified = timezone.now()
    properties.revision = 1
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(12))
    style = document.styles["Normal"]
    style.font.name, style.font.size = "Arial", Pt(9)
    footer = section.footer.paragraphs[0]
    footer.add_run(f"{footer_text} – page ")
    _field(footer, "PAGE")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES")
    return document


def header_table(document, headers: list[str], widths_mm: list[int]):  # type: ignore[no-untyped-def]
    """A grid table whose bold header row repeats on every page."""
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.autofit = False
    header = table.rows[0]
    _repeat_as_header(header)
    for cell, text, width in zip(header.cells, headers, widths_mm, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
        cell.width = Mm(width)
    return table


def add_row(table, values: list[Any], widths_mm: list[int]) -> None:  # type: ignore[no-untyped-def]
    cells = table.add_row().cells
    for cell, value, width in zip(cells, values, widths_mm, strict=True):
        cell_lines(cell, str("" if value is None else value).split("\n"))
        cell.width = Mm(width)


def to_bytes(document) -> bytes:  # type: ignore[no-untyped-def]
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
