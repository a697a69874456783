"""A text rendering of a document written out again as HTML, Word and PDF, so the extractors
can be checked on the same document in every format (tests) and timed per format (make bench).

Headings become headings, runs of tab-separated lines become tables, cell fragments become
paragraphs and bullet lists. Nothing here knows what the document says."""

from __future__ import annotations

import html
import io
import re

from followthrough.ingest.extract.text import blocks, clean, list_items

HEADING_RE = re.compile(r"^(#{1,6})\s+(.*)$")
BULLET_RE = re.compile(r"^(\s*)[-•]\s+(.*)$")


def _shape(rows: list[list[str]]) -> list[list[str]]:
    """Trailing empty cells dropped: a text rendering pads rows with tabs a real table lacks.
    Rows stay ragged otherwise, as garbled rows in the genre are."""
    trimmed = []
    for row in rows:
        while len(row) > 1 and not row[-1].strip():
            row = row[:-1]
        trimmed.append(row)
    return trimmed


def _regular(rows: list[list[str]]) -> list[list[str]]:
    """Rows of the header's width, as a printed table has: a garbled row's surplus cells folded
    into its second column (the extractor reads a text rendering the same way), short rows
    padded on the right."""
    width = len(rows[0])
    out = []
    for row in rows:
        if len(row) > width and width > 2:
            extra = len(row) - width
            row = [row[0], " ".join(row[1 : 2 + extra]), *row[2 + extra :]]
        out.append(row[:width] + [""] * (width - len(row)))
    return out


def _parts(text: str) -> list[tuple[str, object]]:
    """('heading', (level, text)), ('para', text) and ('table', rows) in order."""
    out: list[tuple[str, object]] = []
    rows: list[list[str]] = []
    for line in text.split("\n"):
        if "\t" in line:
            rows.append(line.split("\t"))
            continue
        if rows and not line.strip():
            continue  # a blank line inside a table (a page break in the source) does not end it
        if rows:
            out.append(("table", _shape(rows)))
            rows = []
        heading = HEADING_RE.match(line)
        if heading:
            out.append(("heading", (len(heading[1]), clean(heading[2]))))
        elif line.strip():
            out.append(("para", line))
    if rows:
        out.append(("table", _shape(rows)))
    return out


def _cell_paragraphs(fragment: str) -> list[tuple[str, bool]]:
    paras, items = list_items(fragment)
    return [(p, False) for p in paras] + [(i, True) for i in items]


def to_html(text: str, *, printed: bool = False) -> str:
    body = []
    for kind, value in _parts(text):
        if kind == "table" and printed:
            value = _regular(value)  # type: ignore[arg-type]
        if kind == "heading":
            level, words = value  # type: ignore[misc]
            body.append(f"<h{min(level, 6)}>{html.escape(words)}</h{min(level, 6)}>")
        elif kind == "para":
            line = str(value)
            bullet = BULLET_RE.match(line)
            if bullet:  # a list item, nested by its indent
                depth = len(bullet[1]) // 2 + 1
                body.append("<ul>" * depth + f"<li>{html.escape(clean(bullet[2]))}</li>"
                            + "</ul>" * depth)  # fmt: skip
            elif re.fullmatch(r"\*[^*].*\*", line.strip()):
                body.append(f"<p><i>{html.escape(clean(line))}</i></p>")
            else:
                body.append(f"<p>{html.escape(clean(line))}</p>")
        else:
            trs = []
            for row in value:  # type: ignore[union-attr]
                cells = []
                for fragment in row:
                    inner = "".join(
                        f"<li>{html.escape(t)}</li>" if item else f"<p>{html.escape(t)}</p>"
                        for t, item in _cell_paragraphs(fragment)
                    )
                    cells.append(f"<td>{inner}</td>")
                trs.append(f"<tr>{''.join(cells)}</tr>")
            body.append(f"<table>{''.join(trs)}</table>")
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Document</title>"
        "<style>@page{size:A4 landscape;margin:10mm} body{font:8pt sans-serif}"
        "table{border-collapse:collapse;width:100%} td{border:0.5pt solid #000;padding:2pt;"
        "vertical-align:top} tr{break-inside:avoid} p{margin:0 0 3pt} li{margin:0}</style></head>"
        f"<body>{''.join(body)}</body></html>"
    )


def to_docx(text: str) -> bytes:
    from docx import Document

    document = Document()
    for kind, value in _parts(text):
        if kind == "heading":
            level, words = value  # type: ignore[misc]
            document.add_heading(words, level=min(level, 9))
        elif kind == "para":
            bullet = BULLET_RE.match(str(value))
            if bullet:
                depth = len(bullet[1]) // 2
                style = "List Bullet" if depth == 0 else f"List Bullet {min(depth + 1, 3)}"
                document.add_paragraph(clean(bullet[2]), style=style)
            elif re.fullmatch(r"\*[^*].*\*", str(value).strip()):
                document.add_paragraph().add_run(clean(str(value))).italic = True
            else:
                document.add_paragraph(clean(str(value)))
        else:
            width = max(len(r) for r in value)  # type: ignore[union-attr]
            table = document.add_table(rows=0, cols=width)
            for row in value:  # type: ignore[union-attr]
                cells = table.add_row().cells
                for cell, fragment in zip(cells, row, strict=False):
                    paragraphs = _cell_paragraphs(fragment) or [("", False)]
                    first = True
                    for words, item in paragraphs:
                        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
                        paragraph.add_run(words)
                        if item:
                            paragraph.style = document.styles["List Bullet"]
                        first = False
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def to_pdf(text: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=to_html(text, printed=True)).write_pdf()


RENDERERS = {
    "html": lambda text: to_html(text).encode(),
    "docx": to_docx,
    "pdf": to_pdf,
}
__all__ = ["RENDERERS", "blocks"]
