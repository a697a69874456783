"""Word documents: paragraphs and tables in document order, merged cells written once."""

from __future__ import annotations

import io
import re
from typing import Any

from docx import Document
from docx.oxml.ns import qn
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from ..types import ExtractionError
from . import DAMAGED_DOCX
from .cells import cell_fragment, table_lines
from .deadline import Deadline


def _is_list(paragraph: Paragraph) -> bool:
    # The style id, read from the XML: resolving the style object is slow on long documents.
    p_pr = paragraph._p.pPr
    if p_pr is None:
        return False
    style_id = p_pr.pStyle.val if p_pr.pStyle is not None else ""
    return p_pr.numPr is not None or "list" in (style_id or "").lower()


def _list_level(paragraph: Paragraph) -> int:
    p_pr = paragraph._p.pPr
    num_pr: Any = p_pr.numPr if p_pr is not None else None
    if num_pr is not None and num_pr.ilvl is not None:
        return int(num_pr.ilvl.val)
    style_id = (p_pr.pStyle.val if p_pr is not None and p_pr.pStyle is not None else "") or ""
    match = re.search(r"(\d)$", style_id)
    return max(int(match[1]) - 1, 0) if match else 0


def _heading_level(paragraph: Paragraph) -> int:
    """1–6 for a "Heading N" or "Title" paragraph (by style id, read from the XML), else 0."""
    p_pr = paragraph._p.pPr
    style_id = (p_pr.pStyle.val if p_pr is not None and p_pr.pStyle is not None else "") or ""
    if style_id.lower() == "title":
        return 1
    match = re.fullmatch(r"heading\s*([1-9])", style_id, re.IGNORECASE)
    return min(int(match[1]), 6) if match else 0


# Wider than any table a person reads; a span beyond it is a file built to fill memory.
MAX_COLUMNS = 64


def _grid(table: Table, deadline: Deadline) -> list[list[Any]]:
    """Each row as the <w:tc> that holds the content of each of its grid positions: a cell
    spanning columns repeats, a cell merged down from above is the one above. What python-docx's
    `row.cells` gives, in one pass: it looks each merged cell up the table again, which makes a
    long table with merged cells take minutes."""
    rows: list[list[Any]] = []
    roots: dict[int, Any] = {}  # grid offset → the content cell covering it in the row above
    for tr in table._tbl.tr_lst:
        deadline.check()
        row: list[Any] = []
        below: dict[int, Any] = {}
        offset = min(tr.grid_before, MAX_COLUMNS)
        for tc in tr.tc_lst:
            span = max(1, min(tc.grid_span, MAX_COLUMNS - len(row)))
            if len(row) >= MAX_COLUMNS:
                raise ExtractionError(
                    f"a table in the Word document is more than {MAX_COLUMNS} columns wide"
                )
            root = roots.get(offset, tc) if tc.vMerge == "continue" else tc
            for k in range(span):
                below[offset + k] = root
                row.append(root)
            offset += span
        roots = below
        rows.append(row)
    return rows


def _table_rows(table: Table, deadline: Deadline) -> list[list[str]]:
    rows: list[list[str]] = []
    above: list[object] = []
    for grid_row in _grid(table, deadline):
        deadline.check()
        cells: list[str] = []
        seen: list[object] = []
        for column, tc in enumerate(grid_row):
            merged_across = bool(seen) and seen[-1] is tc  # a horizontal merge repeats the cell
            merged_down = column < len(above) and above[column] is tc  # a vertical one too
            seen.append(tc)
            if merged_across or merged_down:
                cells.append("")
                continue
            cell = _Cell(tc, table)
            paragraphs = [(p.text, _is_list(p)) for p in cell.paragraphs]
            for inner in cell.tables:  # a table inside a cell: its text, row by row
                paragraphs.extend(
                    (" ".join(_Cell(c, inner).text for c in r), False)
                    for r in _grid(inner, deadline)
                )
            cells.append(cell_fragment(paragraphs))
        above = seen
        rows.append(cells)
    return rows


def docx_text(content: bytes, deadline: Deadline) -> str:
    try:
        return _read(Document(io.BytesIO(content)), deadline)
    except ExtractionError:
        raise
    except Exception as exc:  # python-docx raises several kinds for a damaged package
        raise ExtractionError(DAMAGED_DOCX) from exc


def _read(document: Any, deadline: Deadline) -> str:
    out: list[str] = []
    for child in document.element.body.iterchildren():
        deadline.check()
        if child.tag == qn("w:p"):
            paragraph = Paragraph(child, document)
            text = " ".join(paragraph.text.split())
            runs = [r for r in paragraph.runs if r.text.strip()]
            if text and runs and all(r.italic for r in runs):
                text = f"*{text}*"  # an italic paragraph, marked as the rendering marks it
            if text:
                level = _heading_level(paragraph)
                if level:
                    text = f"{'#' * level} {text}"
                elif _is_list(paragraph):  # a list item keeps its bullet and its nesting
                    text = f"{'  ' * _list_level(paragraph)}- {text}"
                out.append(text)
        elif child.tag == qn("w:tbl"):
            lines = table_lines(_table_rows(Table(child, document), deadline))
            if lines:
                out.append("\n".join(lines))
    for section in document.sections:  # footers often carry the date or the body's name
        for paragraph in section.footer.paragraphs:
            text = " ".join(paragraph.text.split())
            if text and text not in out:
                out.append(text)
    return "\n\n".join(out) + "\n"
