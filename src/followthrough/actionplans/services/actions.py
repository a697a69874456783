"""Tracked actions: what they say, their targets and the target ledger, and progress with
evidence. Shared by plan actions and improvement actions; callers hold the transaction."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone

from followthrough.core.concurrency import locked_for_edit
from followthrough.core.events import record_event
from followthrough.core.targets import Target, parse_target
from followthrough.core.uploads import upload_check, upload_store
from followthrough.organisations.models import Organisation

from ..models import Action, ProgressRecord, Response, TargetRevision, Tracked
from .versions import amendment_begin, version_record

# Dates before this are typing slips (0001-01-01), not when anything in a plan happened.
EARLIEST_DATE = date(2000, 1, 1)
EVIDENCE_KINDS = {"pdf", "docx", "xlsx", "png", "jpeg", "text"}


TARGET_HELP = (
    "Enter a target we can read, like March 2027, 31 March 2027, Q3 2026, 2026/27, "
    "or Ongoing, review October 2026"
)


def tracked_fill(
    current: Tracked, *, description: str, owner_text: str, target_text: str, measure: str
) -> Target:
    """Set what an action says and read its target the way published plans are read; a target
    nobody can read is refused with examples. Shared by plan actions and improvement actions."""
    target_text = target_text.strip()
    if not target_text:
        raise ValidationError({"target_text": "Enter a target date, or Ongoing with a review date"})
    target = parse_target(target_text)
    if target.kind == "unknown":
        raise ValidationError({"target_text": TARGET_HELP})
    current.description = description.strip()
    current.owner_text = owner_text.strip()
    current.target_text = target_text
    current.target_kind = target.kind
    current.target_value = target.value or ""
    current.due_date = date.fromisoformat(target.due) if target.due else None
    current.measure = measure.strip()
    if target.kind == "completed":
        current.status = Tracked.Status.COMPLETED
    elif target.kind == "ongoing" and current.status == Tracked.Status.PLANNED:
        current.status = Tracked.Status.ONGOING
    return target


def tracked_commit(
    current: Tracked,
    *,
    changed: bool,
    actor: Any,
    description: str,
    owner_text: str,
    target_text: str,
    measure: str,
) -> None:
    """Fill, check and save a service's improvement action (a self-assessment's or a standard
    review's), new or `changed`: its first target kept, its version moved on, the domain event
    recorded with the target before and after. Shared so both mean exactly the same."""
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
    current.version = (current.version or 0) + (1 if changed else 0)
    current._history_user = actor
    current.save()
    record_event(
        current,
        f"{current.EVENT_PREFIX}.{'changed' if changed else 'added'}",
        actor=actor,
        data={"before": before, "target_text": current.target_text, "kind": target.kind},
    )


def action_save(
    *,
    response: Response,
    action: Action | None,
    description: str,
    owner_text: str,
    owner_organisation: Organisation | None,
    target_text: str,
    measure: str,
    version: int | None,
    actor: Any,
    change_reason: str = "",
) -> Action:
    """Add an action to a response, or change one, reading the target as published plans do.
    On a published plan the change needs a reason and becomes the plan's next version, and an
    existing target moves only through the target ledger."""
    if action is not None:
        current = locked_for_edit(action, version)
    else:
        current = Action(response=response, order=response.actions.count())
    amending = amendment_begin(response.action_plan, change_reason=change_reason)
    target_text = target_text.strip()
    if amending and action is not None and target_text != current.target_text:
        raise ValidationError(
            {
                "target_text": "A published target moves only through the target ledger: "
                "propose a new target on the action's progress page"
            }
        )
    before = {"target_text": current.target_text, "owner_text": current.owner_text}
    target = tracked_fill(
        current,
        description=description,
        owner_text=owner_text,
        target_text=target_text,
        measure=measure,
    )
    changed_target = action is None or target_text != before["target_text"]
    starts = response.action_plan.plan_date(timezone.localdate())
    if changed_target and starts and current.due_date and current.due_date < starts:
        raise ValidationError(
            {"target_text": f"The target date must be after the plan's date, {starts:%-d %B %Y}"}
        )
    current.owner_organisation = owner_organisation or response.responding_organisation
    current.full_clean()
    current.version = (current.version or 0) + (1 if action is not None else 0)
    current._history_user = actor
    current.save()
    code = "actionplans.action.changed" if action is not None else "actionplans.action.added"
    record_event(
        current,
        code,
        actor=actor,
        data={"before": before, "target_text": target_text, "kind": target.kind},
    )
    if amending:
        version_record(response.action_plan, actor=actor, note=change_reason)
    return current


def progress_update_add(
    *,
    action: Tracked,
    on: date,
    text: str,
    new_status: str,
    evidence: str,
    actor: Any,
    today: date,
    evidence_file: tuple[str, bytes] | None = None,
) -> ProgressRecord:
    """Record what happened on an action and move its status; completion needs evidence, a
    reference or a file (given as (name, bytes), checked by what the bytes are). Works for any
    tracked action: the update is made in the action's own `updates` table."""
    errors: dict[str, str] = {}
    kind = ""
    if evidence_file is not None:
        try:
            kind = upload_check(data=evidence_file[1], allowed=EVIDENCE_KINDS)
        except ValidationError as exc:
            errors["evidence_file"] = exc.messages[0]
    if on > today:
        errors["on"] = "The date of the update must be today or in the past"
    elif on < EARLIEST_DATE:
        errors["on"] = f"The date of the update must be in {EARLIEST_DATE.year} or later"
    if not text.strip():
        errors["text"] = (
            "Say why the action is withdrawn"
            if new_status == "withdrawn"
            else "Enter what has happened"
        )
    if new_status == Tracked.Status.COMPLETED and not evidence.strip() and not evidence_file:
        errors["evidence"] = "Give the evidence that shows the action is done"
    if new_status and new_status not in Tracked.Status.values:
        errors["new_status"] = "Select a status from the list"
    if errors:
        raise ValidationError(errors)
    update: ProgressRecord = action.updates.model(
        action=action,
        date=on,
        author=actor if getattr(actor, "is_authenticated", False) else None,
        new_status=new_status,
        text=text.strip(),
        evidence=evidence.strip(),
    )
    if evidence_file is not None:
        update.evidence_file = upload_store(data=evidence_file[1], kind=kind)
        update.evidence_file_kind = kind
        update.evidence_file_name = evidence_file[0][:255]
    update._history_user = actor
    update.full_clean()
    update.save()
    before = action.status
    if new_status and new_status != action.status:
        action.status = new_status
        if new_status == Tracked.Status.COMPLETED:
            action.completed_on = on
            action.evidence = evidence.strip() or f"File: {update.evidence_file_name}"
        action.version += 1
        action._history_user = actor
        action.save()
    outcome = {"completed": "completed", "withdrawn": "withdrawn"}.get(new_status)
    code = f"{action.EVENT_PREFIX}.{outcome or 'progress_reported'}"
    record_event(
        action, code, actor=actor, data={"from": before, "to": action.status, "update": update.pk}
    )
    return update


def target_revision_propose(
    *, action: Action, new_text: str, reason: str, actor: Any, today: date
) -> TargetRevision:
    """An owner asks to move a target; the old one stays until an approver agrees."""
    errors: dict[str, str] = {}
    target = parse_target(new_text)
    if not new_text.strip():
        errors["new_text"] = "Enter the new target date"
    elif target.kind == "unknown":
        errors["new_text"] = TARGET_HELP
    if not reason.strip():
        errors["reason"] = "Say why the target needs to move"
    if action.target_revisions.filter(status=TargetRevision.Status.PROPOSED).exists():
        errors["new_text"] = "A new target is already waiting for approval"
    if errors:
        raise ValidationError(errors)
    revision = TargetRevision(
        action=action,
        previous_text=action.target_text,
        previous_due=action.due_date,
        new_text=new_text.strip(),
        new_kind=target.kind,
        new_value=target.value or "",
        new_due=date.fromisoformat(target.due) if target.due else None,
        reason=reason.strip(),
        proposed_by=actor,
        proposed_on=today,
    )
    revision._history_user = actor
    revision.full_clean()
    revision.save()
    record_event(
        action,
        "actionplans.action.target_proposed",
        actor=actor,
        data={"from": action.target_text, "to": revision.new_text},
    )
    return revision


def target_revision_decide(
    *, revision: TargetRevision, approve: bool, actor: Any, today: date
) -> TargetRevision:
    """Approve (the action takes the new target; the first one is kept) or reject. Decided
    once: the proposal is read again under a lock, so of two approvers acting at the same moment
    the second is told it is already decided, whatever the page they posted from showed."""
    revision = (
        TargetRevision.objects.select_for_update().select_related("action").get(pk=revision.pk)
    )
    if revision.status != TargetRevision.Status.PROPOSED:
        raise ValidationError("This new target has already been decided")
    if approve and revision.proposed_by_id is not None and revision.proposed_by_id == actor.pk:
        # Four eyes, as a closure has: the person who asked for more time does not grant it.
        raise ValidationError(
            "Someone other than the person who proposed it must approve a new target"
        )
    revision.status = TargetRevision.Status.APPROVED if approve else TargetRevision.Status.REJECTED
    revision.decided_by, revision.decided_on = actor, today
    revision._history_user = actor
    revision.save()
    if approve:
        action = type(revision.action).objects.select_for_update().get(pk=revision.action_id)
        if not action.original_target_text:
            action.original_target_text = action.target_text
        action.target_text, action.target_kind = revision.new_text, revision.new_kind
        action.target_value, action.due_date = revision.new_value, revision.new_due
        action.version += 1
        action._history_user = actor
        action.save()
    record_event(
        revision.action,
        f"actionplans.action.target_{revision.status}",
        actor=actor,
        data={"to": revision.new_text, "slip_days": revision.slip_days},
    )
    return revision
