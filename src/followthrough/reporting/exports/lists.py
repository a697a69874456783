"""The inspectorate's filtered list of open recommendations, in the same four formats as plans:
the rows the page shows, one per recommendation."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.template.loader import render_to_string

from followthrough.core.documents import add_row, header_table, landscape_document, to_bytes
from followthrough.core.spreadsheets import table_csv, table_xlsx
from followthrough.inspections.selectors import recommendation_text
from followthrough.inspections.themes import theme_label

from ..selectors import OpenRecommendation
from .rows import DECISIONS

HEADER = [
    "Report",
    "Published",
    "Recommendation",
    "Text",
    "Addressed to",
    "Themes",
    "Decision",
    "Status",
    "Actions",
    "Overdue actions",
    "Latest judgement",
    "Judged on",
]
XLSX_WIDTHS = [40, 12, 22, 70, 30, 30, 16, 28, 40, 10, 20, 12]
DOCX_HEADER = ["Report", "Recommendation", "Addressed to", "Decision", "Status", "Judgement"]
DOCX_WIDTHS = [50, 90, 35, 25, 40, 33]


def list_rows(recs: list[OpenRecommendation]) -> list[list[Any]]:
    return [
        [
            row.recommendation.report.title,
            row.recommendation.report.published,
            row.recommendation.display_label,
            recommendation_text(row.recommendation),
            row.recommendation.addressee_text,
            "; ".join(theme_label(t) for t in row.recommendation.themes),
            "; ".join(DECISIONS.get(r.decision, "Not recorded") for r in row.responses)
            or "No response",
            row.status_label,
            row.summary,
            row.overdue,
            row.latest_review.get_judgement_display() if row.latest_review else "Not judged",
            row.latest_review.date if row.latest_review else None,
        ]
        for row in recs
    ]


def _title(filters: str, today: date) -> str:
    return f"Open recommendations{f' ({filters})' if filters else ''}, as at {today:%-d %B %Y}"


def list_csv(recs: list[OpenRecommendation], *, today: date, filters: str) -> bytes:
    return table_csv(HEADER, list_rows(recs))


def list_xlsx(recs: list[OpenRecommendation], *, today: date, filters: str) -> bytes:
    return table_xlsx(
        HEADER,
        list_rows(recs),
        widths=XLSX_WIDTHS,
        title=_title(filters, today),
        sheet="Open recommendations",
    )


def _short_rows(recs: list[OpenRecommendation]) -> list[list[str]]:
    rows = []
    for row in list_rows(recs):
        judged = f"{row[10]}, {row[11]:%b %Y}" if row[11] else row[10]
        rows.append([row[0], f"{row[2]}\n{row[3]}", row[4], row[6], f"{row[7]}\n{row[8]}", judged])
    return rows


def list_docx(recs: list[OpenRecommendation], *, today: date, filters: str) -> bytes:
    title = _title(filters, today)
    document = landscape_document(title)
    document.add_heading(title, level=1)
    table = header_table(document, DOCX_HEADER, DOCX_WIDTHS)
    for row in _short_rows(recs):
        add_row(table, row, DOCX_WIDTHS)
    return to_bytes(document)


def list_pdf(recs: list[OpenRecommendation], *, today: date, filters: str) -> bytes:
    from weasyprint import HTML

    html = render_to_string(
        "reporting/table_print.html",
        {"title": _title(filters, today), "header": DOCX_HEADER, "rows": _short_rows(recs)},
    )
    return HTML(string=html, base_url=None).write_pdf()


LIST_FORMATS = {"csv": list_csv, "xlsx": list_xlsx, "docx": list_docx, "pdf": list_pdf}
