"""Word: the plan in its published six-column layout, A4 landscape, header row repeated on every
page, page numbers in the footer."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from followthrough.actionplans.models import ActionPlan
from followthrough.actionplans.services import plan_table

from .rows import DECISIONS

HEADERS = [
    "Rec No",
    "Recommendation",
    "Agreed / Partly / Not",
    "Response",
    "Responsible owner",
    "Target date",
]
WIDTHS_MM = [14, 60, 24, 95, 42, 32]
OVERDUE_RED = RGBColor(0xD4, 0x35, 0x1C)


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


def _lines(cell, texts: list[str]) -> None:  # type: ignore[no-untyped-def]
    cell.text = ""
    for index, text in enumerate(texts or [""]):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        paragraph.add_run(text)


def landscape_document(footer_text: str):  # type: ignore[no-untyped-def]
    """An A4 landscape Word document in Arial 9pt with "page N of M" in the footer."""
    document = Document()
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
        _lines(cell, str("" if value is None else value).split("\n"))
        cell.width = Mm(width)


def to_bytes(document) -> bytes:  # type: ignore[no-untyped-def]
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def plan_docx(plan: ActionPlan, *, today: date) -> bytes:
    document = landscape_document(f"{plan.title} – as at {today:%-d %B %Y}")

    document.add_heading(f"Action plan: {plan.report.title}", level=1)
    facts = [f"Report published: {plan.report.published_display}"]
    if plan.submitted:
        facts.append(f"Action plan submitted: {plan.submitted:%-d %B %Y}")
    facts.append(f"Status of actions as at {today:%-d %B %Y}")
    document.add_paragraph(". ".join(facts) + ".")

    for part in plan_table(plan, today=today):
        document.add_heading(part.title, level=2)
        table = header_table(document, HEADERS, WIDTHS_MM)
        for addressee, responses in part.groups:
            heading = table.add_row()
            merged = heading.cells[0].merge(heading.cells[-1])
            merged.text = ""
            merged.paragraphs[0].add_run(
                f"{addressee or 'Addressee not stated'} should:"
            ).bold = True
            for response in responses:
                rec = response.recommendation
                row = table.add_row().cells
                row[0].text = rec.label
                items = [
                    f"{i['label'] + '. ' if i.get('label') else '• '}{i['text']}" for i in rec.items
                ]
                _lines(row[1], [rec.text, *items])
                row[2].text = DECISIONS.get(response.decision, "Not recorded")
                _lines(row[3], response.narrative.split("\n\n"))
                _lines(row[4], [a.owner_text or "No owner" for a in response.action_list])
                row[5].text = ""
                for index, action in enumerate(response.action_list):
                    paragraph = row[5].paragraphs[0] if index == 0 else row[5].add_paragraph()
                    paragraph.add_run(action.target_text or "No target")
                    if action.state == "overdue":
                        flag = paragraph.add_run(" (overdue)")
                        flag.bold, flag.font.color.rgb = True, OVERDUE_RED
                for cell, width in zip(row, WIDTHS_MM, strict=True):
                    cell.width = Mm(width)
    if plan.notes:
        document.add_heading("Notes", level=2)
        for note in plan.notes:
            document.add_paragraph(note, style="List Bullet")
    return to_bytes(document)
