"""PDF: each page read with pdfium (pdf_page), its tables found from their rules (pdf_tables),
and a table that runs over several pages put back together as the one table it is:

- the header row repeated at the top of each page is dropped after the first;
- a row cut by a page break (no rule under it, or none over its remainder on the next page)
  is joined to its remainder, cell by cell, a paragraph cut mid-sentence joined back;
- a remainder printed with no ruling at all, as lines at the top of the next page that sit in
  the table's columns, is read into those columns;
- a running header or footer (the same words, page numbers aside, at the top or bottom of an
  earlier page) is dropped so it does not split the table.

A row continued with its rules closed keeps its empty label cell, which the extractors merge as
they do in text renderings."""

from __future__ import annotations

import re
import threading
from typing import Any

from ..types import ExtractionError
from . import DAMAGED_PDF
from .cells import cell_fragment, table_lines
from .deadline import Deadline
from .pdf_page import PageContent, Run, read_page
from .pdf_row_rules import find_row_ruled
from .pdf_tables import NEAR, Cell, Table, find_tables, lines_of, paragraphs
from .pdf_unruled import find_unruled

# No report or plan of the genre comes near this; a file with more is built to exhaust the reader.
MAX_PAGES = 1000
MARGIN = 0.1  # of the page's height: where running headers and footers sit
# pdfium is not thread-safe: one document at a time in a process (a threaded server).
PDFIUM_LOCK = threading.Lock()
SENTENCE_END = re.compile(r"[.!?:;)]['\"\u2019\u201d]?$")
Block = tuple[float, "str | Table"]


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split()).casefold())


def _in_margin(top: float, height: float) -> bool:
    return not MARGIN * height < top < (1 - MARGIN) * height


def _furniture(pages: list[tuple[PageContent, list[Run], list[Table]]]) -> set[str]:
    """Running headers and footers: short lines in the top or bottom margin of several pages,
    page numbers aside. They are dropped only where they split a table."""
    pages_of: dict[str, int] = {}
    for content, runs, _ in pages:
        lines = [line for line in lines_of(runs) if _in_margin(line.top, content.height)]
        texts = [line.text for line in lines]
        texts += [p[0] for p in paragraphs(lines)]
        for key in {_furniture_key(text) for text in texts}:
            pages_of[key] = pages_of.get(key, 0) + 1
    return {key for key, n in pages_of.items() if n >= 2 and len(key.split()) <= 15}


def _same_columns(a: Table, b: list[float]) -> bool:
    """The same columns, wherever the page puts them (mirrored margins move a whole table)."""
    if len(a.columns) != len(b):
        return False
    shift = b[0] - a.columns[0]
    return all(abs(y - x - shift) <= 2 * NEAR for x, y in zip(a.columns, b, strict=True))


def _fits(line_runs: list[Run], columns: list[float]) -> bool:
    """Every run of the line within one column of the table: the line is part of a row."""
    return all(
        any(columns[c] - NEAR <= r.x0 and r.x1 <= columns[c + 1] + NEAR
            for c in range(len(columns) - 1))
        for r in line_runs
    )  # fmt: skip


def _unruled_remainder(
    carry: Table, runs: list[Run], before: float, furniture: set[str]
) -> Table | None:
    """Lines at the top of a page, above `before`, lying in the open table's columns."""
    taken: list[Run] = []
    for line in lines_of([r for r in runs if r.bottom <= before]):
        if _furniture_key(line.text) in furniture:
            continue
        if not _fits(line.runs, carry.columns):
            break
        taken.extend(line.runs)
    if not taken:
        return None
    columns = carry.columns
    by_column: dict[int, list[Run]] = {}
    for run in taken:
        x = (run.x0 + run.x1) / 2
        c = max(i for i in range(len(columns) - 1) if columns[i] - NEAR <= x or i == 0)
        by_column.setdefault(c, []).append(run)
    ids = {id(r) for r in taken}
    runs[:] = [r for r in runs if id(r) not in ids]
    row: list[Cell | None] = [Cell.of(lines_of(by_column.get(c, [])))
                              for c in range(len(columns) - 1)]  # fmt: skip
    top = min(r.top for r in taken)
    bottom = max(r.bottom for r in taken)
    return Table(columns, top, bottom, [row], open_top=True, open_bottom=False)


def _row_text(row: list[Cell | None]) -> str:
    return " | ".join(" ".join(cell.text().split()).casefold() if cell else "" for cell in row)


def _join_cells(into: list[Cell | None], row: list[Cell | None], bottom: float) -> None:
    """The remainder of a row added to its first part, cell by cell."""
    for c, cell in enumerate(row):
        if cell is None or not cell.paras:
            continue
        target = next((into[i] for i in range(c, -1, -1) if into[i] is not None), None)
        if target is None:
            continue
        # within a few lines of the cut (widow and orphan rules move up to two lines over)
        cut = target.paras and bottom - target.last_bottom <= 4 * target.line_height + 6
        last = target.paras[-1][0] if target.paras else ""
        first = cell.paras[0][0]
        # A sentence cut by the page goes on in lower case; "June 2027" under "Ongoing" is
        # a paragraph of its own.
        if cut and not SENTENCE_END.search(last) and first[:1].islower() and not cell.paras[0][1]:
            target.paras[-1] = (f"{last} {first}", target.paras[-1][1])
            target.paras.extend(cell.paras[1:])
        else:
            target.paras.extend(cell.paras)
        target.last_bottom, target.line_height = cell.last_bottom, cell.line_height


def _join(table: Table, more: Table, header: list[str]) -> None:
    """A table's part on the next page added to it."""
    rows = list(more.rows)
    dropped = 0
    while rows and dropped < len(header) and _row_text(rows[0]) == header[dropped]:
        rows.pop(0)
        dropped += 1
    open_join = table.open_bottom or (more.open_top and not dropped)
    if rows and table.rows and open_join:
        _join_cells(table.rows[-1], rows.pop(0), table.bottom)
    table.rows.extend(rows)
    table.bottom, table.open_bottom = more.bottom, more.open_bottom


def _page_blocks(
    content: PageContent, runs: list[Run], tables: list[Table], furniture: set[str]
) -> list[tuple[float, str | Table, bool]]:
    """(top, paragraph or table, whether it is page furniture) in reading order."""
    blocks: list[tuple[float, str | Table, bool]] = [(t.top, t, False) for t in tables]
    for text, bullet, top in paragraphs(lines_of(runs)):
        repeated = _in_margin(top, content.height) and _furniture_key(text) in furniture
        blocks.append((top, f"{'  ' * (bullet - 1)}- {text}" if bullet else text, repeated))
    return sorted(blocks, key=lambda b: b[0])


def _document(pages: list[tuple[PageContent, list[Run], list[Table]]]) -> list[str | Table]:
    out: list[str | Table] = []
    furniture = _furniture(pages)
    carry: Table | None = None  # a table that ended its page: it may go on over the page
    held: list[str] = []  # running headers and footers met since that table
    headers: dict[int, list[str]] = {}
    for content, runs, tables in pages:
        if carry is not None and carry.open_bottom:
            first_top = tables[0].top if tables else content.height
            remainder = _unruled_remainder(carry, runs, first_top, furniture)
            if remainder is not None:
                remainder.open_bottom = not tables and not runs
                _join(carry, remainder, [])
        for _, block, repeated in _page_blocks(content, runs, tables, furniture):
            if isinstance(block, str) and repeated and carry is not None:
                held.append(block)
                continue
            if (isinstance(block, Table) and carry is not None
                    and _same_columns(carry, block.columns)):  # fmt: skip
                _join(carry, block, headers[id(carry)])
                held = []  # page furniture inside the table, not part of it
                continue
            out.extend(held)
            held = []
            if isinstance(block, Table):
                headers[id(block)] = [_row_text(row) for row in block.rows[:3]]
            out.append(block)
            carry = block if isinstance(block, Table) else None
    out.extend(held)
    return out


def _render(block: str | Table) -> str:
    if isinstance(block, str):
        return block
    rows = [
        [cell_fragment([(t, bool(b)) for t, b in cell.paras]) if cell else "" for cell in row]
        for row in block.rows
    ]
    return "\n".join(table_lines(rows))


def _read(pdf: Any, deadline: Deadline) -> list[tuple[PageContent, list[Run], list[Table]]]:
    pages = []
    for index in range(len(pdf)):
        deadline.check()
        page = pdf[index]
        content = read_page(page)
        page.close()
        runs = list(content.runs)
        tables = find_tables(content.rules, runs, content.height)  # takes the runs it places
        pages.append((content, runs, tables))
    find_row_ruled(pages)
    find_unruled(pages)
    return pages


def pdf_text(content: bytes, deadline: Deadline) -> str:
    import pypdfium2 as pdfium

    with PDFIUM_LOCK:
        try:
            pdf = pdfium.PdfDocument(content)
        except Exception as exc:  # pdfium raises for a damaged or protected file
            raise ExtractionError(DAMAGED_PDF) from exc
        try:
            if len(pdf) > MAX_PAGES:
                raise ExtractionError(
                    f"the PDF has more than {MAX_PAGES} pages, more than any report"
                )
            pages = _read(pdf, deadline)
        except ExtractionError:
            raise
        except Exception as exc:
            raise ExtractionError(DAMAGED_PDF) from exc
        finally:
            pdf.close()
    out = [text for text in (_render(block) for block in _document(pages)) if text]
    if not any(out):
        raise ExtractionError("the PDF has no text layer (a scan?); give a text rendering")
    return "\n\n".join(out) + "\n"
