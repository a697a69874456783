"""PDF: pdfplumber finds the tables; the text around them and inside each cell is rebuilt
into paragraphs from the gaps between lines (a wrapped line sits close to the one above, a new
paragraph further down), so several owners or dates in one cell stay separate."""

from __future__ import annotations

import io
import re
from typing import Any

from ..types import ExtractionError
from . import DAMAGED_PDF
from .cells import cell_fragment, table_lines
from .deadline import Deadline

BULLET_RE = re.compile(r"^\s*[•\u2022\u25cf\u25aa\u25e6\u25cb\u2023\u25a0\-–]\s+")
SECOND_LEVEL = ("\u25e6", "\u25cb")  # ◦ ○: the marker of a nested list


def _paragraphs(lines: list[dict[str, Any]]) -> list[tuple[str, int, float]]:
    """(text, list level (0 = not an item, 1, 2), top of its first line) for each paragraph."""
    out: list[tuple[str, int, float]] = []
    previous = None
    for line in lines:
        text = " ".join(line["text"].split())
        if not text:
            continue
        marker = BULLET_RE.match(text)
        bullet = (2 if marker[0].strip() in SECOND_LEVEL else 1) if marker else 0
        if marker:
            text = BULLET_RE.sub("", text)
        height = line["bottom"] - line["top"]
        close = previous is not None and line["top"] - previous["bottom"] <= max(1.5, 0.3 * height)
        if close and not bullet and out:
            out[-1] = (f"{out[-1][0]} {text}", out[-1][1], out[-1][2])
        else:
            out.append((text, bullet, line["top"]))
        previous = line
    return out


def _inside(obj: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _lines_of(words: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Words of one cell grouped into lines by their height on the page, left to right."""
    lines: list[dict[str, Any]] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if lines and abs(word["top"] - lines[-1]["top"]) <= 2:
            line = lines[-1]
            line["words"].append(word)
            line["bottom"] = max(line["bottom"], word["bottom"])
        else:
            lines.append({"top": word["top"], "bottom": word["bottom"], "words": [word]})
    for line in lines:
        line["text"] = " ".join(w["text"] for w in sorted(line["words"], key=lambda w: w["x0"]))
    return lines


def _page_blocks(page: Any) -> list[tuple[float, str]]:
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    blocks: list[tuple[float, str]] = []
    outside = page.filter(lambda o: o.get("object_type") != "char" or not _inside(o, boxes))
    for text, bullet, top in _paragraphs(outside.extract_text_lines()):
        blocks.append((top, f"{'  ' * (bullet - 1)}- {text}" if bullet else text))
    words = page.extract_words() if tables else []
    for table in tables:
        grid = [[bbox for bbox in row.cells] for row in table.rows]
        in_cell: dict[tuple[int, int], list[dict[str, Any]]] = {}
        for word in words:  # each word to the cell that holds its centre: one pass, no crops
            for r, row in enumerate(grid):
                found = next(
                    (c for c, bbox in enumerate(row) if bbox and _inside(word, [bbox])), None
                )
                if found is not None:
                    in_cell.setdefault((r, found), []).append(word)
                    break
        rows = []
        for r, row in enumerate(grid):
            cells = []
            for c, bbox in enumerate(row):
                if bbox is None:  # covered by a merged cell
                    cells.append("")
                    continue
                paragraphs = _paragraphs(_lines_of(in_cell.get((r, c), [])))
                cells.append(cell_fragment([(t, bool(b)) for t, b, _ in paragraphs]))
            rows.append(cells)
        lines_of_table = table_lines(rows)
        if lines_of_table:
            blocks.append((table.bbox[1], "\n".join(lines_of_table)))
    return sorted(blocks, key=lambda b: b[0])


# No report or plan of the genre comes near this; a file with more is built to exhaust the reader.
MAX_PAGES = 1000


def pdf_text(content: bytes, deadline: Deadline) -> str:
    import pdfplumber

    out: list[str] = []
    try:
        with pdfplumber.open(io.BytesIO(content)) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise ExtractionError(
                    f"the PDF has more than {MAX_PAGES} pages, more than any report"
                )
            for page in pdf.pages:
                deadline.check()
                out.extend(text for _, text in _page_blocks(page))
                page.close()  # let pdfplumber drop the page's parsed objects
    except ExtractionError:
        raise
    except Exception as exc:  # pdfminer raises many kinds for a damaged file
        raise ExtractionError(DAMAGED_PDF) from exc
    if not any(out):
        raise ExtractionError("the PDF has no text layer (a scan?); give a text rendering")
    return "\n\n".join(out) + "\n"
