"""The board pack (and the national view) laid out as the tables pages and board papers show, its
chart of cases by phase, and the Word and PDF downloads. The page and the files are made from
the same tables, so a number hidden on the page is hidden in the file."""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from functools import lru_cache

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from django.template.loader import render_to_string
from docx.shared import Mm

from followthrough.core.documents import add_row, header_table, landscape_document, to_bytes

from .board import Pack
from .suppression import Shown

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"
NOT_SHOWN = "not shown"
matplotlib.rcParams["svg.fonttype"] = "none"
matplotlib.rcParams["svg.hashsalt"] = "followthrough"


@dataclass(frozen=True)
class Block:
    """One table as shown: a heading above it (or none), its caption, its header row and rows
    whose first cell names the row."""

    heading: str
    title: str
    headers: list[str]
    rows: list[list[str]]


def _cells(values: list[int | str]) -> list[str]:
    return [str(v) for v in values]


def shown_block(title: str, label: str, table: Shown, heading: str = "") -> Block:
    """A suppressed table with its row and column totals."""
    rows = [[name, *_cells(cells), str(total)] for name, cells, total in table.lines]
    if rows:
        rows.append(["Total", *_cells(table.column_totals), str(table.total)])
    return Block(heading, title, [label, *table.columns, "Total"], rows)


def pack_blocks(pack: Pack, breakdowns: list[str]) -> list[Block]:
    """Every table of the pack, with the breakdowns asked for: one on a page, all in a file."""
    blocks = [shown_block("Cases by phase", "Phase", pack.phases.table, "Cases")]
    for by in breakdowns:
        cohort = pack.cohort[by]
        blocks.append(shown_block(cohort.title, cohort.label, cohort.table))
    for section in pack.sections:
        headers = ["Measure", *section.columns, "Total", "Share", "2015 national"]
        rows = [
            [
                m.rule.title,
                *_cells(m.cells),
                str(m.headline.total),
                m.share or NOT_SHOWN,
                m.national,
            ]
            for m in section.measures
        ]
        blocks.append(Block(section.title, f"{section.title}: every child counted", headers, rows))
        for by in breakdowns:
            label = pack.breakdowns[by]
            groups = section.measures[0].by[by].rows if section.measures else []
            blocks.append(
                Block(
                    "",
                    f"{section.title}, by {label}: the first answer's count of each group",
                    ["Measure", *groups, "All"],
                    [[m.rule.title, *m.summary(by)] for m in section.measures],
                )
            )
    for i, figure in enumerate(pack.figures):
        heading = "Milestones and tasks" if i == 0 else ""
        blocks.append(shown_block(figure.title, figure.label, figure.table, heading))
    measures = [m for section in pack.sections for m in section.measures]
    blocks.append(
        Block(
            "Definitions",
            "What each measure counts and the definition it follows",
            ["Measure", "Who is counted", "Definition"],
            [[m.rule.title, m.rule.counts, m.definition] for m in measures],
        )
    )
    return blocks


@lru_cache(maxsize=32)
def _bar_chart(rows: tuple[tuple[str, int | str], ...], fmt: str) -> bytes:
    labels = [label for label, _ in rows] or ["None"]
    values = [value if isinstance(value, int) else 0 for _, value in rows] or [0]
    # Drawn 4 inches wide like the reporting charts, so its 11 pt text is still 13 px on a
    # 375 px phone (reporting/charts.py).
    fig, ax = plt.subplots(figsize=(4.0, 0.4 * len(labels) + 0.9))
    bars = ax.barh(labels[::-1], values[::-1], color="#1d70b8")
    ax.bar_label(bars, labels=[str(v) for _, v in rows][::-1], padding=3, fontsize=11)
    ax.set_title("Cases by phase", loc="left", fontsize=12)
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(labelsize=11)
    ax.set_xlim(0, max([*values, 1]) * 1.3)
    fig.tight_layout()
    out = io.BytesIO()
    fig.savefig(out, format=fmt, dpi=150 if fmt == "png" else None)
    plt.close(fig)
    data = out.getvalue()
    return data[data.index(b"<svg") :] if fmt == "svg" else data


def phase_chart(pack: Pack, fmt: str = "svg") -> bytes:
    """Cases by phase as bars: a hidden number has no bar and its words beside the axis."""
    table = pack.phases.table
    return _bar_chart(tuple(zip(table.rows, table.row_totals, strict=True)), fmt)


def _intro(pack: Pack) -> list[str]:
    return [
        f"{pack.title}, {pack.today:%-d %B %Y}. Counts of resettlement cases; no child's record "
        "or case reference is included.",
        'A count from 1 to 4 is shown as "fewer than 5". Where a hidden number could be worked '
        'out from a total, another number is "withheld" too. A share is given only where it is '
        f"based on 5 or more children and neither number is hidden ({NOT_SHOWN} otherwise).",
        f"Measures at release follow: {pack.definition}.",
    ]


def pack_docx(pack: Pack) -> bytes:
    """The pack as a Word document (A4 landscape, header rows repeated), every breakdown in it."""
    document = landscape_document(f"Resettlement board pack: {pack.title}")
    document.add_heading(f"Resettlement board pack: {pack.title}", level=1)
    for line in _intro(pack):
        document.add_paragraph(line)
    document.add_picture(io.BytesIO(phase_chart(pack, "png")), width=Mm(150))
    for block in pack_blocks(pack, list(pack.breakdowns)):
        if block.heading:
            document.add_heading(block.heading, level=2)
        document.add_heading(block.title, level=3)
        first = 70 if len(block.headers) > 3 else 90
        rest = (273 - first) // max(1, len(block.headers) - 1)
        widths = [first, *[rest] * (len(block.headers) - 1)]
        table = header_table(document, block.headers, widths)
        for row in block.rows:
            add_row(table, row, widths)
    return to_bytes(document)


def pack_pdf(pack: Pack) -> bytes:
    """The pack printed with WeasyPrint, the same tables as the Word document."""
    from weasyprint import HTML  # imported here: it loads Pango, which only exports need

    html = render_to_string(
        "cases/board_print.html",
        {
            "pack": pack,
            "intro": _intro(pack),
            "chart": phase_chart_uri(pack, "png"),
            "blocks": pack_blocks(pack, list(pack.breakdowns)),
        },
    )
    pdf: bytes = HTML(string=html, base_url=None).write_pdf()
    return pdf


def phase_chart_uri(pack: Pack, fmt: str = "svg") -> str:
    """The chart for an <img>: the CSP allows data: images, so pages need no chart URL."""
    mime = "image/svg+xml" if fmt == "svg" else "image/png"
    return f"data:{mime};base64,{base64.b64encode(phase_chart(pack, fmt)).decode()}"
