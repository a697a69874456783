"""One row per action (a response with no action still gets a row), for CSV and XLSX."""

from __future__ import annotations

from datetime import date
from typing import Any

from followthrough.actionplans.models import ActionPlan
from followthrough.actionplans.querysets import STATES
from followthrough.actionplans.selectors import PlanSection, plan_table
from followthrough.inspections.selectors import recommendation_text

# What a printed export adds after a target that has passed: an overdue action, or one whose
# target passed with no progress ever recorded (told apart, as on the pages).
PAST_TARGET_FLAGS = {"overdue": "overdue", "no_update": "target passed, no progress recorded"}

DECISIONS = {"agreed": "Agreed", "partly_agreed": "Partly agreed", "not_agreed": "Not agreed"}


def columns(today: date) -> list[str]:
    return [
        "Report",
        "Section",
        "Rec No",
        "Addressee",
        "Recommendation",
        "Decision",
        "Decision as printed",
        "Response",
        "What will be done",
        "How we will know it is done",
        "Responsible owner",
        "Owner organisation",
        "Target date (as published)",
        "Target kind",
        "Due date",
        f"Status at {today:%-d %B %Y}",
    ]


def action_rows(
    plan: ActionPlan, *, today: date, sections: list[PlanSection] | None = None
) -> list[list[Any]]:
    rows = []
    for part in sections if sections is not None else plan_table(plan, today=today):
        for addressee, responses in part.groups:
            for row in responses:
                response = row.response
                rec = response.recommendation
                common = [
                    plan.report.title,
                    part.title,
                    rec.label,
                    addressee,
                    recommendation_text(rec),
                    DECISIONS.get(response.decision, "Not recorded"),
                    response.decision_text,
                    response.narrative,
                ]
                actions = [a.action for a in row.actions] or [None]
                for action in actions:
                    if action is None:
                        rows.append([*common, "", "", "", "", "", "", None, ""])
                        continue
                    rows.append(
                        [
                            *common,
                            action.description,
                            action.measure,
                            action.owner_text,
                            action.owner_organisation.short_name
                            if action.owner_organisation
                            else "",
                            action.target_text,
                            action.get_target_kind_display(),
                            action.due_date,
                            STATES.get(action.state, action.state),
                        ]
                    )
    return rows
