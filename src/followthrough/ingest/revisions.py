"""A revised copy of a plan already imported: the same report answered again by the same bodies
(a plan re-sent with a new date, a decision moved, a target revised). It is that plan's next
version, never a second plan beside it: responses and actions are updated where they stand, so
progress, reviews and target ledgers recorded on them stay, and the version lists what changed.
Callers hold the transaction."""

from __future__ import annotations

from datetime import date
from typing import Any

from followthrough.actionplans.models import Action, ActionPlan, Response
from followthrough.actionplans.services import plan_snapshot, version_record
from followthrough.core.models import SourceDocument
from followthrough.inspections.models import Recommendation
from followthrough.organisations.services import organisations_resolve

from .extract.types import Extraction
from .extract.types import Recommendation as ExtractedRecommendation
from .loaders import (
    TARGET_STATUS,
    iso_to_date,
    recommendation_fields,
    recommendation_order,
    response_load,
)


def action_plan_revise(
    extraction: Extraction, source: SourceDocument, plan: ActionPlan, *, actor: Any
) -> ActionPlan:
    """Bring `plan` to what the revised document says and record it as the plan's next version."""
    reason = f"Revised plan imported from {source.file_name}"
    if not plan.versions.exists():
        version_record(plan, actor=None, note="As first published")
    before = plan_snapshot(plan)
    doc = extraction.document
    submitted, _ = iso_to_date(doc.submitted)
    plan.submitted = submitted or plan.submitted
    plan.source, plan.source_start, plan.source_end = source, 0, len(source.text)
    _stamp(plan, actor, reason)
    known = {(r.section, r.label): r for r in plan.report.recommendations.all()}
    responses = {r.recommendation_id: r for r in plan.responses.all()}
    for index, rec in enumerate(extraction.recommendations):
        if rec.response is None:
            continue
        row = known.get((rec.section, rec.label))
        if row is None:
            row = Recommendation.objects.create(
                report=plan.report,
                section=rec.section,
                label=rec.label,
                **recommendation_fields(rec, recommendation_order(rec, index), source),
            )
            row.addressees.set(organisations_resolve(text=rec.addressee))
        response = responses.get(row.pk)
        if response is None:
            response_load(plan, row, rec, source)
        else:
            _response_revise(response, rec, source, actor, reason)
    version_record(plan, actor=actor, note=reason, before=before)
    return plan


def _response_revise(
    response: Response, rec: ExtractedRecommendation, source: SourceDocument, actor: Any, why: str
) -> None:
    extracted = rec.response
    assert extracted is not None
    response.decision = extracted.decision or ""
    response.decision_text = extracted.decision_text or ""
    response.narrative = extracted.text
    response.source, response.source_start, response.source_end = source, rec.start, rec.end
    _stamp(response, actor, why)
    current = list(response.actions.order_by("order"))
    matched = _match(current, extracted.actions)
    for order, (new, action) in enumerate(zip(extracted.actions, matched, strict=True)):
        target = new.target
        kind = target.kind if target else Action.TargetKind.UNKNOWN
        if action is None:
            owners = organisations_resolve(text=new.owner)
            action = Action(
                response=response,
                owner_organisation=owners[0] if owners else response.responding_organisation,
                status=TARGET_STATUS.get(kind, Action.Status.PLANNED),
            )
        elif action.status == Action.Status.WITHDRAWN or kind == "completed":
            action.status = TARGET_STATUS.get(kind, Action.Status.PLANNED)
        action.order = order
        action.owner_text = new.owner or ""
        action.target_text = new.target_text or ""
        action.target_kind = kind
        action.target_value = (target.value or "") if target else ""
        action.due_date = date.fromisoformat(target.due) if target and target.due else None
        action.source, action.source_start, action.source_end = source, rec.start, rec.end
        _stamp(action, actor, why)
    kept = {a.pk for a in matched if a is not None}
    for order, gone in enumerate((a for a in current if a.pk not in kept), len(matched)):
        # An action the revised plan no longer lists is withdrawn, never deleted: its progress
        # and history stay readable.
        gone.status = Action.Status.WITHDRAWN
        gone.order = order
        _stamp(gone, actor, why)


def _match(current: list[Action], extracted: list[Any]) -> list[Action | None]:
    """For each action of the revision, the action it continues: the same owner and target,
    else the same owner (its target was revised), else the same target (its owner renamed).
    Anything else is a new action; an existing one left unmatched is withdrawn. Never by
    position, which would move progress onto another commitment."""
    free = list(current)
    out: list[Action | None] = [None] * len(extracted)
    tests = (
        lambda a, n: (a.owner_text, a.target_text) == (n.owner or "", n.target_text or ""),
        lambda a, n: bool(a.owner_text) and a.owner_text == (n.owner or ""),
        lambda a, n: bool(a.target_text) and a.target_text == (n.target_text or ""),
    )
    for same in tests:
        for i, new in enumerate(extracted):
            if out[i] is None:
                found = next((a for a in free if same(a, new)), None)
                if found is not None:
                    out[i] = found
                    free.remove(found)
    return out


def _stamp(record: Any, actor: Any, why: str) -> None:
    if record.pk is not None and isinstance(getattr(record, "version", None), int):
        record.version += 1  # a form opened before the revision is refused as stale
    record._history_user = actor if getattr(actor, "is_authenticated", False) else None
    record._change_reason = why
    record.save()
