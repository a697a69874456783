"""An action's timeline: progress with evidence, the target ledger and the escalation steps it
reached; the same progress form serves improvement actions."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from followthrough.core.access import FORM_METHODS, access
from followthrough.core.forms import apply_errors
from followthrough.core.once import once_per_token
from followthrough.core.uploads import upload_response_for

from ..access import (
    PROGRESS,
    get_action_for_user,
    get_progress_update_with_file_for_user,
    get_target_revision_for_user,
)
from ..forms import ProgressForm, TargetForm
from ..models import Action
from ..selectors import escalation_steps, progress_updates, target_revisions
from ..services import progress_update_add, target_revision_decide, target_revision_propose


def _progress_page(
    request: HttpRequest,
    action: Action,
    *,
    form: ProgressForm | None = None,
    target_form: TargetForm | None = None,
) -> HttpResponse:
    today = timezone.localdate()
    revisions = target_revisions(action, user=request.user)
    return render(
        request,
        "actionplans/action_progress.html",
        {
            "action": action,
            "form": form or ProgressForm(initial={"on": today}),
            "target_form": target_form or TargetForm(),
            "updates": progress_updates(action),
            "escalations": escalation_steps(action),
            "revisions": revisions,
            "rec": action.response.recommendation,
            "plan": action.response.action_plan,
        },
    )


def progress_post(request: HttpRequest, action: Any) -> tuple[ProgressForm, Any]:
    """A posted progress form for any tracked action: (form, the update saved or None)."""
    form = ProgressForm(request.POST, request.FILES)
    if not form.is_valid():
        return form, None
    data = form.cleaned_data
    upload = data["evidence_file"]
    try:
        with transaction.atomic():
            update = progress_update_add(
                action=action,
                on=data["on"],
                text=data["text"],
                new_status=data["new_status"],
                evidence=data["evidence"],
                actor=request.user,
                today=timezone.localdate(),
                evidence_file=(upload.name, upload.read()) if upload else None,
            )
    except ValidationError as exc:
        apply_errors(form, exc)
        return form, None
    return form, update


@access("action_owner", methods=FORM_METHODS)
@once_per_token
def action_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """Report progress on an action of a published plan: the owner's timeline and target ledger."""
    action = get_action_for_user(request.user, pk, perm=PROGRESS)
    if request.method != "POST":
        return _progress_page(request, action)
    form, update = progress_post(request, action)
    inline = request.POST.get("inline") == "1"
    if update is not None:
        if inline and request.headers.get("HX-Request"):
            done = _progress_inline(request, action, saved=update)
            done.once_done = True  # type: ignore[attr-defined]
            return done
        messages.success(request, "Progress recorded")
        return redirect("actionplans:action-progress", pk=action.pk)
    if inline and request.headers.get("HX-Request"):
        return _progress_inline(request, action, errors=form.errors)
    return _progress_page(request, action, form=form)


def _progress_inline(request: HttpRequest, action: Action, **context: object) -> HttpResponse:
    """The dashboard's inline update form (htmx): saved, or shown again with its errors.
    Without JavaScript the same form posts here and gets the full progress page instead."""
    return render(
        request,
        "actionplans/_progress_inline.html",
        {
            "action": action,
            "today": timezone.localdate(),
            "statuses": Action.Status.choices,
            "values": request.POST,
            **context,
        },
    )


@access("action_owner", methods=("POST",))
@once_per_token
def target_propose(request: HttpRequest, pk: int) -> HttpResponse:
    action = get_action_for_user(request.user, pk, perm=PROGRESS)
    form = TargetForm(request.POST)
    form.is_valid()
    try:
        with transaction.atomic():
            target_revision_propose(
                action=action,
                new_text=form.cleaned_data.get("new_text", ""),
                reason=form.cleaned_data.get("reason", ""),
                actor=request.user,
                today=timezone.localdate(),
            )
    except ValidationError as exc:
        apply_errors(form, exc)
        return _progress_page(request, action, target_form=form)
    messages.success(request, "New target proposed: it takes effect when an approver agrees")
    return redirect("actionplans:action-progress", pk=action.pk)


@access("target_approver", methods=("POST",))
def target_decide(request: HttpRequest, pk: int) -> HttpResponse:
    revision = get_target_revision_for_user(request.user, pk, for_write=True)
    decision = request.POST.get("decision")
    if decision not in ("approve", "reject"):
        messages.error(request, "Select approve or reject")
    else:
        try:
            with transaction.atomic():
                target_revision_decide(
                    revision=revision,
                    approve=decision == "approve",
                    actor=request.user,
                    today=timezone.localdate(),
                )
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
        else:
            messages.success(request, f"New target {revision.get_status_display().lower()}")
    return redirect("actionplans:action-progress", pk=revision.action_id)


@access("published_or_member")
def evidence_file(request: HttpRequest, pk: int) -> HttpResponse:
    """An evidence file, to whoever may read the plan it belongs to."""
    return upload_response_for(get_progress_update_with_file_for_user(request.user, pk))
