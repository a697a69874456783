"""The annual progress report as Word and PDF: summary charts with their figures, then each
recommendation with decisions, actions, status, latest update and the inspectorate's judgement."""

from __future__ import annotations

import io
from typing import Any

from django.template.loader import render_to_string
from docx.shared import Mm

from followthrough.core.documents import add_row, header_table, landscape_document, to_bytes

from ..figures import bar_figure, burn_up_figure
from ..selectors import ActionProgress, AnnualReport
from .rows import DECISIONS, PAST_TARGET_FLAGS

ACTION_HEADER = ["What will be done", "Owner", "Target", "Status", "Latest update"]
ACTION_WIDTHS = [75, 45, 35, 28, 90]


def charts(report: AnnualReport, fmt: str) -> list[dict[str, Any]]:
    """The summary figures, each as an image and as the table that says the same."""
    figures = [
        bar_figure("status", "Actions by status", ["Status", "Actions"], report.by_state, fmt),
        bar_figure(
            "judgement",
            "Recommendations by latest judgement",
            ["Judgement", "Recommendations"],
            report.by_judgement,
            fmt,
        ),
    ]
    if report.burn_up:
        figures.append(burn_up_figure(report.burn_up, fmt))
    return figures


def _action_cells(row: ActionProgress) -> list[str]:
    action, update = row.action, row.latest_update
    status = action.get_status_display()
    if action.state in PAST_TARGET_FLAGS:
        status += f" ({PAST_TARGET_FLAGS[action.state]})"
    promise = " ".join(action.description.split()[:40])
    if len(action.description.split()) > 40:
        promise += " …"
    return [
        promise or "Not stated",
        action.owner_text or "No owner",
        action.target_text or "No target",
        status,
        f"{update.date:%-d %b %Y}: {update.text}" if update else "No update recorded",
    ]


def annual_docx(report: AnnualReport) -> bytes:
    title = f"Progress report: {report.report.title}"
    document = landscape_document(f"{title} – as at {report.as_at:%-d %B %Y}")
    document.add_heading(title, level=1)
    document.add_paragraph(
        f"Report published {report.report.published_display}. Progress as at "
        f"{report.as_at:%-d %B %Y}: {len(report.entries)} recommendations, "
        f"{report.action_count} actions."
    )
    document.add_heading("Summary", level=2)
    for figure in charts(report, "png"):
        document.add_picture(io.BytesIO(figure["image"]), width=Mm(150))
        table = header_table(document, figure["columns"], [60] * len(figure["columns"]))
        for row in figure["rows"]:
            add_row(table, list(row), [60] * len(figure["columns"]))
        document.add_paragraph()
    document.add_heading("Recommendations", level=2)
    for entry in report.entries:
        rec = entry.recommendation
        document.add_heading(f"{rec.display_label}", level=3)
        document.add_paragraph(rec.text)
        decisions = "; ".join(
            f"{r.responding_organisation.short_name if r.responding_organisation else 'Body'}: "
            f"{DECISIONS.get(r.decision, 'Not recorded')}"
            for r in entry.responses
        )
        document.add_paragraph(f"Decision: {decisions or 'No response recorded'}")
        if entry.actions:
            table = header_table(document, ACTION_HEADER, ACTION_WIDTHS)
            for row in entry.actions:
                add_row(table, _action_cells(row), ACTION_WIDTHS)
        else:
            document.add_paragraph("No actions recorded.")
        judged = entry.judgement
        if entry.review:
            judged += (
                f" ({entry.review.date:%-d %B %Y}, {entry.review.get_evidence_grade_display()})"
            )
            if entry.review.commentary:
                judged += f": {entry.review.commentary}"
        document.add_paragraph(f"Inspectorate's judgement: {judged}")
    return to_bytes(document)


def annual_pdf(report: AnnualReport) -> bytes:
    from weasyprint import HTML

    html = render_to_string(
        "reporting/annual_print.html",
        {"ar": report, "figures": charts(report, "png")},
    )
    return HTML(string=html, base_url=None).write_pdf()


ANNUAL_FORMATS = {
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        annual_docx,
    ),
    "pdf": ("application/pdf", annual_pdf),
}
