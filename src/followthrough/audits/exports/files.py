"""The findings for download: a Word document for board papers, a spreadsheet (findings,
ratings, agreement) and a CSV of one row per criterion, or per category of a categorical one.
Each is made from the page's layout, so an outsider's file hides what their page hides."""

from __future__ import annotations

import csv
import io
from typing import Any

from django.utils import timezone
from docx.shared import Mm
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from followthrough.cases.suppression import HIDDEN, THRESHOLD
from followthrough.core.documents import add_row, header_table, landscape_document, to_bytes
from followthrough.core.spreadsheets import spreadsheet_safe

from ..selectors.findings import CriterionFinding
from ..statistics import Agreement
from .chart import section_chart
from .tables import (
    SMALL_TAG,
    SUPPRESSED,
    DistributionTable,
    Layout,
    Line,
    chart_title,
    kappa_words,
    pct,
)

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv; charset=utf-8"
STILL_MARKING = "This audit is still being marked: figures will change."
CSV_HEADER = [
    "Section",
    "Code",
    "Criterion",
    "Asked when",
    "Answer type",
    "Category",
    "Cases in category",
    "Yes",
    "No",
    "Not applicable",
    "Not asked",
    "n",
    "Percent",
    "Interval low",
    "Interval high",
    "Small number",
    "National percent",
    "National n",
    "Difference",
    "Previous percent",
]


def title_of(layout: Layout) -> str:
    return f"Case audit findings: {layout.findings.audit.title}"


def notes(layout: Layout) -> list[str]:
    """What a reader of a file needs to read the figures right."""
    findings = layout.findings
    said = [
        "Yes is the share of the cases answered yes or no (not applicable left out), a whole "
        "number with halves rounded up; the interval is the 95% Wilson interval.",
        f"{SMALL_TAG}: one case moves the figure by more than 10 points.",
        "National cases are the cases the inspection read; a criterion's own base may be "
        "smaller, so each is shown as up to that number.",
    ]
    note = findings.audit.criteria_set.national_note
    if note:
        said.append(f"National figures: {note}")
    if findings.outsider:
        said.append(f'A figure from fewer than 5 cases reads "{SUPPRESSED}".')
    return said


def _count(value: int, outsider: bool) -> int | str:
    """A count of cases as a file gives it: outside the service, 1 to 4 reads "fewer than 5",
    so the columns the page does not show (not applicable, not asked) hide small numbers too."""
    return HIDDEN if outsider and 0 < value < THRESHOLD else value


def _finding_rows(
    section: str, f: CriterionFinding, condition: str, outsider: bool
) -> list[list[Any]]:
    """One row for a yes / no criterion, one per category for a categorical one."""
    c = f.criterion
    head = [section, c.code, c.text, condition, c.get_answer_type_display()]
    hidden = f.suppressed
    if f.tally is not None:
        t = f.tally
        bounds = f.interval
        counts: list[Any] = (
            [None] * 5
            if hidden
            else [_count(v, outsider) for v in (t.yes, t.no, t.not_applicable, t.not_asked)] + [t.n]
        )
        percent: Any = SUPPRESSED if hidden else f.percent
        return [
            [
                *head,
                None,
                None,
                *counts,
                percent,
                *(bounds or (None, None)),
                "yes" if f.small else "no",
                c.national_percent,
                c.national_n,
                f.difference,
                SUPPRESSED if f.previous_suppressed else f.previous,
            ]
        ]
    dist = f.distribution
    assert dist is not None
    national = c.national_values or {}
    rows = []
    for code, label in dist.categories:
        share = None if hidden else dist.percent(code)
        expected = national.get(code)
        rows.append(
            [
                *head,
                label,
                None if hidden else _count(dist.counts.get(code, 0), outsider),
                None,
                None,
                None if hidden else _count(dist.not_applicable, outsider),
                None,
                None if hidden else dist.n,
                SUPPRESSED if hidden else share,
                None,
                None,
                "yes" if f.small else "no",
                expected,
                c.national_n,
                None if share is None or expected is None else share - expected,
                None,
            ]
        )
    return rows


def flat_rows(layout: Layout) -> list[list[Any]]:
    rows = []
    for table in layout.sections:
        items: list[Line | DistributionTable] = [*table.lines, *table.distributions]
        for item in items:
            rows += _finding_rows(
                table.section.title, item.finding, item.condition, layout.findings.outsider
            )
    return rows


def findings_csv(layout: Layout) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    for row in flat_rows(layout):
        writer.writerow([spreadsheet_safe("" if v is None else v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # the mark makes Excel read UTF-8


def _ratings_rows(layout: Layout) -> list[list[Any]]:
    rows: list[list[Any]] = [
        [t.section.title, t.rating.label, t.rating.percent, "\n".join(t.rating.steps)]
        for t in layout.sections
        if t.rating is not None
    ]
    standard = layout.findings.standard
    rows.append(["The standard", standard.label, None, "\n".join(standard.steps)])
    return rows


def _agreement_row(code: str, text: str, result: Agreement) -> list[Any]:
    kappa = None if result.kappa is None else round(result.kappa, 2)
    return [code, text, result.pairs, result.agreed, result.percent, kappa, result.strength]


def _agreement_rows(layout: Layout) -> list[list[Any]]:
    overall = layout.findings.overall_agreement
    return [
        _agreement_row("All", "Every criterion", overall),
        *(
            _agreement_row(d.criterion.code, d.criterion.text, d.agreement)
            for d in layout.differing
        ),
    ]


def _sheet(book: Workbook, name: str, header: list[str], rows: list[list[Any]]) -> None:
    sheet = book.create_sheet(name)
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([spreadsheet_safe(v) for v in row])
    for column in sheet.iter_cols(min_row=2):
        for cell in column:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"


def findings_xlsx(layout: Layout) -> bytes:
    """Findings (a row per criterion with its section), Ratings, Agreement and Notes sheets;
    numbers stay numbers."""
    book = Workbook()
    book.remove(book.active)
    _sheet(book, "Findings", CSV_HEADER, flat_rows(layout))
    _sheet(
        book,
        "Ratings",
        ["Key question", "Rating", "Percent", "How it was worked out"],
        _ratings_rows(layout),
    )
    _sheet(
        book,
        "Agreement",
        ["Code", "Criterion", "Pairs", "Agreed", "Agreement percent", "Kappa", "Strength"],
        _agreement_rows(layout),
    )
    _sheet(book, "Notes", ["Note"], [[n] for n in [*notes(layout), *layout.bands]])
    book["Findings"].column_dimensions["C"].width = 60
    book.properties.title = title_of(layout)[:250]
    book.properties.creator = layout.findings.audit.organisation.name
    book.properties.created = timezone.now().replace(tzinfo=None)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _criterion_cell(line: Line | DistributionTable) -> str:
    c = line.criterion
    said = [f"{c.code} {c.text}"]
    if c.where_appropriate:
        said.append("Where appropriate")
    if line.condition:
        said.append(line.condition)
    if line.small:
        said.append(SMALL_TAG)
    return "\n".join(said)


def _steps(document: Any, heading: str, steps: list[str]) -> None:
    document.add_heading(heading, level=3)
    for step in steps:
        document.add_paragraph(step, style="List Number")


def findings_docx(layout: Layout) -> bytes:
    """For board papers: the summary, the ratings with their steps, each section's chart and
    table in the page's columns, the agreement and the notes."""
    findings = layout.findings
    document = landscape_document(title_of(layout))
    properties = document.core_properties
    properties.title = title_of(layout)
    properties.author = findings.audit.organisation.name
    properties.created = timezone.now()
    document.add_heading(title_of(layout), level=1)
    if not layout.finished:
        document.add_paragraph().add_run(STILL_MARKING).bold = True
    summary = header_table(document, ["Audit", "Detail"], [70, 120])
    for label, value in layout.summary:
        add_row(summary, [label, value], [70, 120])
    _steps(document, f"The standard: {findings.standard.label}", findings.standard.steps)
    document.add_paragraph("Bands in force: " + "; ".join(layout.bands) + ".")
    widths = [95] + [178 // (len(layout.headers) - 1)] * (len(layout.headers) - 1)
    for table in layout.sections:
        document.add_heading(table.section.title, level=2)
        if table.lines:
            png = section_chart(chart_title(table), table.bars, "png")
            document.add_picture(io.BytesIO(png), width=Mm(150))
            grid = header_table(document, layout.headers, widths)
            for line in table.lines:
                cells = line.cells + ([line.previous] if findings.previous is not None else [])
                add_row(grid, [_criterion_cell(line), *cells], widths)
                grid.rows[-1].cells[0].paragraphs[0].paragraph_format.left_indent = Mm(
                    5 * line.depth
                )
        for dist in table.distributions:
            document.add_paragraph(_criterion_cell(dist))
            grid = header_table(document, ["Category", "Cases", "Share", "National"], [90] * 4)
            if dist.message:
                add_row(grid, [dist.message, "", "", ""], [90] * 4)
            for share in dist.shares:
                row = [share.label, share.count, share.percent, share.national]
                add_row(grid, row, [90] * 4)
        if table.rating is not None:
            _steps(document, f"Key question rating: {table.rating.label}", table.rating.steps)
    document.add_heading("Double-marking agreement", level=2)
    overall = findings.overall_agreement
    if overall.pairs:
        document.add_paragraph(
            f"{overall.pairs} pairs of answers compared: {pct(overall.percent)} agreed; "
            f"Cohen's kappa {kappa_words(overall)}."
        )
    else:
        document.add_paragraph("No case has been marked twice yet.")
    if layout.differing:
        grid = header_table(document, ["Criterion", "Pairs", "Agreed", "Kappa"], [130, 40, 40, 60])
        for d in layout.differing:
            a = d.agreement
            row = [f"{d.criterion.code} {d.criterion.text}", str(a.pairs), pct(a.percent)]
            add_row(grid, [*row, kappa_words(a)], [130, 40, 40, 60])
    document.add_heading("Notes", level=2)
    for note in notes(layout):
        document.add_paragraph(note)
    return to_bytes(document)
