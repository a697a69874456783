"""Versions of a published plan: the plan frozen at publication and after every amendment, with
what changed in words. Part of the write side: callers hold the transaction."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError

from followthrough.core.events import record_event

from ..models import ActionPlan, Decision, PlanVersion

DECISIONS = dict(Decision.choices)


def plan_snapshot(plan: ActionPlan) -> dict[str, Any]:
    """Everything a reader of the published plan sees, as plain data."""
    responses = (
        plan.responses.select_related("recommendation")
        .prefetch_related("actions")
        .order_by("recommendation__order", "pk")
    )
    return {
        "title": plan.title,
        "submitted": plan.submitted.isoformat() if plan.submitted else "",
        "responses": [
            {
                "id": r.pk,
                "label": r.recommendation.display_label,
                "decision": r.decision,
                "reasons": r.reason_categories,
                "agreed_part": r.agreed_part,
                "narrative": r.narrative,
                "actions": [
                    {
                        "id": a.pk,
                        "description": a.description,
                        "owner": a.owner_text,
                        "target": a.target_text,
                        "measure": a.measure,
                    }
                    for a in r.actions.all()
                ],
            }
            for r in responses
        ],
    }


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:59] + "…"


def snapshot_changes(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """What differs between two snapshots, one sentence per change."""
    changes = []
    if "submitted" in before and before["submitted"] != after.get("submitted"):
        was, now = before["submitted"] or "not given", after.get("submitted") or "not given"
        changes.append(f"Plan date {was} → {now}")
    old = {r["id"]: r for r in before.get("responses", [])}
    for response in after.get("responses", []):
        was = old.get(response["id"], {"actions": []})
        label = response["label"]
        if was.get("decision") != response["decision"]:
            changes.append(
                f"{label}: decision {DECISIONS.get(was.get('decision', ''), 'not recorded')} → "
                f"{DECISIONS.get(response['decision'], 'not recorded')}"
            )
        for key, name in (("narrative", "response"), ("agreed_part", "agreed part")):
            if was.get(key, "") != response[key]:
                changes.append(f"{label}: {name} reworded")
        if sorted(was.get("reasons", [])) != sorted(response["reasons"]):
            changes.append(f"{label}: reasons changed")
        old_actions = {a["id"]: a for a in was["actions"]}
        for action in response["actions"]:
            prior = old_actions.get(action["id"])
            if prior is None:
                changes.append(f"{label}: action added – {_short(action['description'])}")
                continue
            for key, name in (
                ("description", "description"),
                ("owner", "owner"),
                ("target", "target"),
                ("measure", "measure of done"),
            ):
                if prior[key] != action[key]:
                    changes.append(f"{label}: action {name} changed – {_short(action[key])}")
    return changes


def version_record(
    plan: ActionPlan, *, actor: Any, note: str = "", before: dict[str, Any] | None = None
) -> PlanVersion:
    """Freeze the plan as it stands now as its next version."""
    latest = plan.versions.order_by("-number").first()
    snapshot = plan_snapshot(plan)
    previous = before if before is not None else (latest.snapshot if latest else {})
    version = PlanVersion.objects.create(
        action_plan=plan,
        number=(latest.number if latest else 0) + 1,
        author=actor if getattr(actor, "is_authenticated", False) else None,
        note=note.strip(),
        changes=snapshot_changes(previous, snapshot) if previous else [],
        snapshot=snapshot,
    )
    record_event(
        plan,
        "actionplans.action_plan.versioned",
        actor=actor,
        data={"number": version.number, "note": version.note, "changes": len(version.changes)},
    )
    return version


def version_refresh(plan: ActionPlan) -> PlanVersion | None:
    """Bring the latest version up to the plan as it now stands, when changes made in the same
    transaction (an import's review corrections) followed it."""
    latest = plan.versions.order_by("-number").first()
    if latest is None:
        return None
    prior = plan.versions.filter(number=latest.number - 1).first()
    latest.snapshot = plan_snapshot(plan)
    latest.changes = snapshot_changes(prior.snapshot, latest.snapshot) if prior else []
    latest.save(update_fields=["snapshot", "changes"])
    return latest


def plan_lock(plan: ActionPlan) -> None:
    """The plan as saved, locked for this transaction: whoever moves or changes it next waits,
    then reads where it now stands."""
    plan.refresh_from_db(from_queryset=ActionPlan.objects.select_for_update())


def amendment_begin(plan: ActionPlan, *, change_reason: str) -> bool:
    """Before changing a published plan: insist on a reason and make sure the plan as first
    published is kept as version 1. Returns whether the plan is published (an amendment).
    The plan is read as saved and locked first: an edit racing the plan's submission waits for
    it, then is refused, whoever makes it."""
    plan_lock(plan)
    if plan.status == ActionPlan.Status.SUBMITTED:
        raise ValidationError(
            "This plan has been submitted: it is not changed until it is published"
        )
    if plan.status != ActionPlan.Status.PUBLISHED:
        return False
    if not change_reason.strip():
        raise ValidationError(
            {"change_reason": "Say why the published plan is changing: readers see the reason"}
        )
    if not plan.versions.exists():
        version_record(plan, actor=None, note="As first published")
    return True
