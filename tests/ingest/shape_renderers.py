"""The generated shapes (tests/ingest/shape_generator.py) written out as the bytes a user is
sent: text, HTML, Word or PDF. Lists and prose go through tests/ingest/renderings.py; response
tables are written as real tables (header rows in <thead>, so a PDF repeats them on each page
unless the shape says not), or, as text, with the shape's own separator."""

from __future__ import annotations

import html
import io
import re
from typing import Any

from tests.ingest.renderings import to_docx, to_html
from tests.ingest.shape_generator import Generated, Table


def as_lists(text: str) -> str:
    """Bullets of any mark as the "- " items, two spaces a level, that the renderings nest."""
    bullet = re.compile(r"^( *)[•–*◦▪-] +", re.MULTILINE)
    widths = sorted({len(m[1]) for m in bullet.finditer(text)})
    return bullet.sub(lambda m: "  " * widths.index(len(m[1])) + "- ", text)


def _fragment(paragraphs: list[str]) -> str:
    if len(paragraphs) <= 1:
        return paragraphs[0] if paragraphs else ""
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def table_text(table: Table) -> str:
    rows = [list(h) for h in table.headers] + [[_fragment(c) if table.separator == "tab"
                                                else " ".join(c) for c in row]
                                               for row in table.rows]  # fmt: skip
    if table.separator == "tab":
        return "".join("\t".join(r) + "\n" for r in rows)
    if table.separator == "pipe":
        rule = "|" + "|".join("---" for _ in rows[0]) + "|\n"
        lines = ["| " + " | ".join(r) + " |\n" for r in rows]
        return lines[0] + rule + "".join(lines[1:])
    if table.separator == "spaces_wrapped":  # each cell wrapped in a column 28 wide
        return _wrapped(rows)
    widths = [max(len(r[i]) for r in rows) + 3 for i in range(len(rows[0]))]
    return "".join("".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() + "\n"
                   for r in rows)  # fmt: skip


def _wrapped(rows: list[list[str]], width: int = 28) -> str:
    """Every cell wrapped in a column at most `width` wide, the columns lined up down the table."""
    import textwrap

    wrapped = [[textwrap.wrap(c, width) or [""] for c in row] for row in rows]
    widths = [max(len(line) for row in wrapped for line in row[i]) + 3
              for i in range(len(rows[0]))]  # fmt: skip
    lines = []
    for row in wrapped:
        for n in range(max(len(c) for c in row)):
            cells = [c[n] if n < len(c) else "" for c in row]
            lines.append("".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip())
    return "\n".join(lines) + "\n"


def text_of(shape: Generated) -> str:
    if shape.table is None:
        return shape.text
    return shape.text + table_text(shape.table)


def table_html(shape: Generated) -> str:
    table = shape.table
    assert table is not None

    def cell(paragraphs: list[str], tag: str = "td") -> str:
        return f"<{tag}>{''.join(f'<p>{html.escape(p)}</p>' for p in paragraphs)}</{tag}>"

    head = "".join("<tr>" + "".join(cell([h], "th") for h in r) + "</tr>" for r in table.headers)
    body = "".join("<tr>" + "".join(cell(c) for c in row) + "</tr>" for row in table.rows)
    grid = (f"<table><thead>{head}</thead><tbody>{body}</tbody></table>" if table.repeat_header
            else f"<table><tbody>{head}{body}</tbody></table>")  # fmt: skip
    intro = "".join(f"<p>{html.escape(p)}</p>" for p in shape.text.split("\n\n") if p.strip())
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Plan</title><style>"
        f"@page{{size:A4 {'landscape' if table.landscape else 'portrait'};margin:12mm}}"
        "body{font:9pt sans-serif} table{border-collapse:collapse;width:100%}"
        "td,th{border:0.5pt solid #000;padding:3pt;vertical-align:top;text-align:left}"
        "tr{break-inside:auto} p{margin:0 0 5pt}"
        + ("td,th{border:0;padding:3pt 12pt 3pt 0}" if table.unruled else "")
        + "</style></head>"
        f"<body>{intro}{grid}</body></html>"
    )


def table_docx(shape: Generated) -> bytes:
    from docx import Document

    table = shape.table
    assert table is not None
    document = Document()
    for paragraph in shape.text.split("\n\n"):
        if paragraph.strip():
            document.add_paragraph(paragraph.strip())
    grid = document.add_table(rows=0, cols=len(table.headers[0]))
    grid.style = "Table Grid"
    for row in [[[h] for h in r] for r in table.headers] + table.rows:
        for cell, paragraphs in zip(grid.add_row().cells, row, strict=True):
            cell.text = paragraphs[0] if paragraphs else ""
            for extra in paragraphs[1:]:
                cell.add_paragraph(extra)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def render(shape: Generated, fmt: str) -> bytes:
    """The shape's bytes in one format: text, html, docx or pdf."""
    if fmt == "text":
        return text_of(shape).encode()
    if shape.table is not None:
        if fmt == "docx":
            return table_docx(shape)
        page = table_html(shape)
    elif fmt == "docx":
        return to_docx(as_lists(shape.text))
    else:  # lists print in portrait, as most reports do
        page = to_html(as_lists(shape.text), printed=fmt == "pdf")
        page = page.replace("A4 landscape", "A4 portrait")
    if fmt == "html":
        return page.encode()
    from weasyprint import HTML

    return HTML(string=page).write_pdf()  # type: ignore[no-any-return]


def read_back(shape: Generated, fmt: str) -> dict[str, Any]:
    """What the extractors read from the shape in one format, as JSON (no records if refused)."""
    import json

    from followthrough.ingest.extract import ExtractionError, extract
    from followthrough.ingest.extract.formats import to_text

    name = f"{shape.name}.{'txt' if fmt == 'text' else fmt}"
    content = render(shape, fmt)
    text = content.decode() if fmt == "text" else to_text(name, content)[0]
    try:
        return json.loads(json.dumps(extract(text, name).to_dict()))  # type: ignore[no-any-return]
    except ExtractionError as refused:
        return {"recommendations": [], "warnings": [f"refused: {refused}"]}


def cases(shapes: list[Generated], pdf_limit: int = 80) -> list[tuple[Generated, str]]:
    """(shape, format) pairs: every shape in each of its formats, PDF capped at `pdf_limit`
    cases (tables and page layouts first: they are what paging breaks) to keep the run short."""
    pairs = [(s, f) for s in shapes for f in s.formats if f != "pdf"]
    printed = sorted((s for s in shapes if "pdf" in s.formats),
                     key=lambda s: s.family not in ("table", "pdf"))  # fmt: skip
    return pairs + [(s, "pdf") for s in printed[:pdf_limit]]


def report(scores: dict[tuple[str, str], float], worst: int = 10) -> list[str]:
    """The mean, the mean per format and the worst shapes, as lines to print."""
    formats = sorted({f for _, f in scores})
    mean = sum(scores.values()) / len(scores)
    lines = [f"shape fuzz: {len(scores)} cases, {len({n for n, _ in scores})} shapes, "
             f"mean {mean:.3f}"]  # fmt: skip
    for fmt in formats:
        values = [v for (_, f), v in scores.items() if f == fmt]
        lines.append(f"  {fmt:5} mean {sum(values) / len(values):.3f} over {len(values)} cases")
    by_shape: dict[str, list[float]] = {}
    for (name, _), value in scores.items():
        by_shape.setdefault(name, []).append(value)
    ranked = sorted(by_shape, key=lambda n: (sum(by_shape[n]) / len(by_shape[n]), n))
    lines.append(f"  worst {worst} shapes (mean over formats; per format):")
    for name in ranked[:worst]:
        each = " ".join(f"{f}={scores[(name, f)]:.3f}" for f in formats if (name, f) in scores)
        lines.append(f"    {sum(by_shape[name]) / len(by_shape[name]):.3f}  {name}  [{each}]")
    return lines
