"""The improvement plan: what a service will do about the gaps its self-assessment found.

Improvement actions are tracked actions (actionplans.models.Tracked): their targets are read,
checked and followed with the same functions as action-plan actions. Callers hold the
transaction."""

from __future__ import annotations

from datetime import date
from typing import Any

from followthrough.actionplans.smart import Advice, tracked_advice
from followthrough.actionplans.writes import locked_for_edit, tracked_fill
from followthrough.core.events import record_event

from .models import AssessedRecommendation, ImprovementAction


def improvement_save(
    *,
    item: AssessedRecommendation,
    action: ImprovementAction | None,
    description: str,
    owner_text: str,
    target_text: str,
    measure: str,
    version: int | None,
    actor: Any,
) -> ImprovementAction:
    """Add an improvement action to a recommendation's gap, or change one."""
    if action is not None:
        current: ImprovementAction = locked_for_edit(action, version)
    else:
        current = ImprovementAction(item=item, order=item.improvements.count())
    before = {"target_text": current.target_text, "owner_text": current.owner_text}
    target = tracked_fill(
        current,
        description=description,
        owner_text=owner_text,
        target_text=target_text,
        measure=measure,
    )
    if not current.original_target_text:
        current.original_target_text = current.target_text
    current.full_clean()
    current.version = (current.version or 0) + (1 if action is not None else 0)
    current._history_user = actor
    current.save()
    record_event(
        current,
        f"{ImprovementAction.EVENT_PREFIX}.{'changed' if action is not None else 'added'}",
        actor=actor,
        data={"before": before, "target_text": current.target_text, "kind": target.kind},
    )
    return current


def improvement_advice(action: ImprovementAction, *, plan_date: date | None) -> list[Advice]:
    """The SMART check, exactly as an action-plan action gets it."""
    return tracked_advice(action, plan_date=plan_date)
