"""Word: the plan in its published six-column layout, A4 landscape, header row repeated on every
page, page numbers in the footer."""

from __future__ import annotations

from datetime import date

from docx.shared import Mm, RGBColor

from followthrough.actionplans.models import ActionPlan
from followthrough.actionplans.selectors import plan_table
from followthrough.core.documents import (
    cell_lines,
    header_table,
    landscape_document,
    to_bytes,
)

from .rows import DECISIONS, PAST_TARGET_FLAGS

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
            for view in responses:
                response, actions = view.response, [a.action for a in view.actions]
                rec = response.recommendation
                row = table.add_row().cells
                row[0].text = rec.label
                items = [
                    f"{i['label'] + '. ' if i.get('label') else '• '}{i['text']}" for i in rec.items
                ]
                cell_lines(row[1], [rec.text, *items])
                row[2].text = DECISIONS.get(response.decision, "Not recorded")
                cell_lines(row[3], response.narrative.split("\n\n"))
                cell_lines(
                    row[4],
                    [
                        f"{a.description}: {a.owner_text or 'No owner'}"
                        if a.description and a.description != response.narrative
                        else a.owner_text or "No owner"
                        for a in actions
                    ],
                )
                row[5].text = ""
                for index, action in enumerate(actions):
                    paragraph = row[5].paragraphs[0] if index == 0 else row[5].add_paragraph()
                    paragraph.add_run(action.target_text or "No target")
                    if action.state in PAST_TARGET_FLAGS:
                        flag = paragraph.add_run(f" ({PAST_TARGET_FLAGS[action.state]})")
                        flag.bold, flag.font.color.rgb = True, OVERDUE_RED
                for cell, width in zip(row, WIDTHS_MM, strict=True):
                    cell.width = Mm(width)
    if plan.notes:
        document.add_heading("Notes", level=2)
        for note in plan.notes:
            document.add_paragraph(note, style="List Bullet")
    return to_bytes(document)
