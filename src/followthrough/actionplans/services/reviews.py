"""The inspectorate's judgement on a recommendation. Callers hold the transaction."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError

from followthrough.core.events import record_event

from ..models import Review
from .actions import EARLIEST_DATE


def review_record(
    *,
    recommendation: Any,
    on: date,
    judgement: str,
    evidence_grade: str,
    commentary: str,
    actor: Any,
    today: date,
) -> Review:
    """The inspectorate's judgement, with an 'as at' snapshot of every published response and
    action, so later years can show what slipped, by how much and why."""
    errors: dict[str, str] = {}
    if on > today:
        errors["on"] = "The date of the judgement must be today or in the past"
    elif on < EARLIEST_DATE:
        errors["on"] = f"The date of the judgement must be in {EARLIEST_DATE.year} or later"
    if not commentary.strip():
        errors["commentary"] = "Enter the commentary that explains the judgement"
    if errors:
        raise ValidationError(errors)
    snapshot = {
        "as_at": on.isoformat(),
        "responses": [
            {
                "plan": r.action_plan.title,
                "decision": r.decision,
                "actions": [
                    {
                        "id": a.pk,
                        "owner": a.owner_text,
                        "target": a.target_text,
                        "due": a.due_date.isoformat() if a.due_date else None,
                        "status": a.status,
                    }
                    for a in r.actions.all()
                ],
            }
            for r in recommendation.responses.filter(action_plan__status="published")
            .select_related("action_plan")
            .prefetch_related("actions")
        ],
    }
    review = Review(
        recommendation=recommendation,
        reviewer=actor,
        date=on,
        judgement=judgement,
        evidence_grade=evidence_grade,
        commentary=commentary.strip(),
        snapshot=snapshot,
    )
    review.full_clean()
    review._history_user = actor
    review.save()
    record_event(
        review,
        "actionplans.review.recorded",
        actor=actor,
        data={"judgement": judgement, "evidence_grade": evidence_grade},
    )
    return review
