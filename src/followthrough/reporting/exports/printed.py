"""PDF: the plan page's layout printed with WeasyPrint, A4 landscape with page numbers."""

from __future__ import annotations

from datetime import date

from django.template.loader import render_to_string

from followthrough.actionplans.models import ActionPlan
from followthrough.actionplans.selectors import plan_table


def plan_pdf(plan: ActionPlan, *, today: date) -> bytes:
    from weasyprint import HTML  # imported here: it loads Pango, which only exports need

    html = render_to_string(
        "reporting/plan_print.html",
        {
            "plan": plan,
            "report": plan.report,
            "sections": plan_table(plan, today=today),
            "today": today,
        },
    )
    return HTML(string=html, base_url=None).write_pdf()
