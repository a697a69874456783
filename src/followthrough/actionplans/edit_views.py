"""Writing a plan: start a draft for your organisation, record each response."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from followthrough.core.access import access
from followthrough.core.uploads import upload_response_for
from followthrough.inspections.access import get_recommendation_for_user, get_report_for_user
from followthrough.organisations.access import standing_of
from followthrough.organisations.models import Organisation

from .forms import ActionForm, ProgressForm, ResponseForm, ReviewForm, TargetForm
from .models import Action, ActionPlan, ProgressUpdate, Response, TargetRevision
from .rules import WRITERS
from .writes import (
    StaleEdit,
    action_plan_publish,
    action_plan_start,
    action_plan_submit,
    action_save,
    progress_update_add,
    response_record,
    review_record,
    target_revision_decide,
    target_revision_propose,
)

FORM_METHODS = ("GET", "HEAD", "POST")


def plan_url(plan: ActionPlan) -> str:
    """The plan's page: its report's action-plan page, naming the plan."""
    return f"{reverse('actionplans:report-action-plan', args=[plan.report_id])}?plan={plan.pk}"


def apply_errors(form: forms.Form, exc: ValidationError) -> None:
    """Show a service's ValidationError on the form, against the fields it names."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc.messages)
        return
    for field, errors in exc.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def save_versioned(request: HttpRequest, form_class: type[forms.Form], save, what: str):  # type: ignore[no-untyped-def]
    """Run a save on a valid form; a stale version or a rule broken comes back on the form.

    Returns (form, stale record or None, saved)."""
    form = form_class(request.POST)
    if not form.is_valid():
        return form, None, False
    try:
        with transaction.atomic():
            save(form.cleaned_data)
    except StaleEdit as exc:
        form = form_class(request.POST | {"version": str(exc.current.version)})
        form.is_valid()
        form.add_error(
            None,
            f"Someone else saved this {what} after you opened it. Their "
            "version is shown below; save again to replace it with yours.",
        )
        return form, exc.current, False
    except ValidationError as exc:
        apply_errors(form, exc)
        return form, None, False
    return form, None, True


def _writer_organisations(user) -> list[Organisation]:
    standing = standing_of(user)
    ids = [org for org, role in standing.roles.items() if role in WRITERS]
    return list(Organisation.objects.filter(pk__in=ids).order_by("name"))


@access("organisation_writer", methods=FORM_METHODS)
def action_plan_new(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_report_for_user(request.user, pk)
    organisations = _writer_organisations(request.user)
    if not organisations:
        raise Http404
    error = None
    if request.method == "POST":
        chosen = next(
            (o for o in organisations if str(o.pk) == request.POST.get("organisation")), None
        )
        if chosen is None:
            error = "Select the organisation the plan is for"
        else:
            try:
                with transaction.atomic():
                    plan = action_plan_start(report=report, organisation=chosen, actor=request.user)
            except ValidationError as exc:
                error = exc.messages[0]
            else:
                return redirect(plan_url(plan))
    return render(
        request,
        "actionplans/action_plan_new.html",
        {"report": report, "organisations": organisations, "error": error},
        status=200,
    )


def _get_response_for_edit(user, pk: int) -> Response:
    response = get_object_or_404(
        Response.objects.visible_to(user).select_related(
            "action_plan__report", "recommendation", "action_plan"
        ),
        pk=pk,
    )
    if not user.has_perm("actionplans.amend_response", response):
        raise Http404
    return response


@access("response_writer", methods=FORM_METHODS)
def response_edit(request: HttpRequest, pk: int) -> HttpResponse:
    response = _get_response_for_edit(request.user, pk)
    stale = None
    if request.method == "POST":
        form, stale, saved = save_versioned(
            request,
            ResponseForm,
            lambda data: response_record(
                response=response,
                decision=data["decision"],
                reason_categories=data["reason_categories"],
                agreed_part=data["agreed_part"],
                narrative=data["narrative"],
                version=data["version"],
                actor=request.user,
                change_reason=data["change_reason"],
            ),
            "response",
        )
        if saved:
            messages.success(
                request, f"Response to recommendation {response.recommendation.label} saved"
            )
            return redirect(plan_url(response.action_plan))
    else:
        form = ResponseForm(
            initial={
                "decision": response.decision,
                "reason_categories": response.reason_categories,
                "agreed_part": response.agreed_part,
                "narrative": response.narrative,
                "version": response.version,
            }
        )
    return render(
        request,
        "actionplans/response_edit.html",
        {
            "response": response,
            "form": form,
            "stale": stale,
            "plan": response.action_plan,
            "rec": response.recommendation,
        },
    )


def _get_action_for_edit(user, pk: int) -> Action:
    action = get_object_or_404(
        Action.objects.visible_to(user).select_related(
            "response__action_plan", "response__recommendation"
        ),
        pk=pk,
    )
    if not user.has_perm("actionplans.amend_response", action.response):
        raise Http404
    return action


def _action_page(request: HttpRequest, response: Response, action: Action | None) -> HttpResponse:
    stale = None
    if request.method == "POST":
        form, stale, saved = save_versioned(
            request,
            ActionForm,
            lambda data: action_save(
                response=response,
                action=action,
                description=data["description"],
                owner_text=data["owner_text"],
                owner_organisation=data["owner_organisation"],
                target_text=data["target_text"],
                measure=data["measure"],
                version=data["version"],
                actor=request.user,
                change_reason=data["change_reason"],
            ),
            "action",
        )
        if saved:
            messages.success(
                request, f"Action on recommendation {response.recommendation.label} saved"
            )
            return redirect(plan_url(response.action_plan))
    elif action is not None:
        form = ActionForm(
            initial={
                "description": action.description,
                "owner_text": action.owner_text,
                "owner_organisation": action.owner_organisation_id,
                "target_text": action.target_text,
                "measure": action.measure,
                "version": action.version,
            }
        )
    else:
        form = ActionForm()
    return render(
        request,
        "actionplans/action_edit.html",
        {
            "response": response,
            "action": action,
            "form": form,
            "stale": stale,
            "plan": response.action_plan,
            "rec": response.recommendation,
        },
    )


@access("response_writer", methods=FORM_METHODS)
def action_new(request: HttpRequest, pk: int) -> HttpResponse:
    return _action_page(request, _get_response_for_edit(request.user, pk), None)


@access("response_writer", methods=FORM_METHODS)
def action_edit(request: HttpRequest, pk: int) -> HttpResponse:
    action = _get_action_for_edit(request.user, pk)
    return _action_page(request, action.response, action)


def _plan_step(request: HttpRequest, pk: int, permission: str, step) -> HttpResponse:  # type: ignore[no-untyped-def]
    plan = get_object_or_404(ActionPlan.objects.visible_to(request.user), pk=pk)
    if not request.user.has_perm(permission, plan):
        raise Http404
    try:
        with transaction.atomic():
            step(plan)
    except ValidationError as exc:
        for message in exc.messages[:10]:
            messages.error(request, message)
    else:
        messages.success(request, f"The plan is now {plan.get_status_display().lower()}")
    return redirect(plan_url(plan))


@access("plan_approver", methods=("POST",))
def action_plan_submit_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _plan_step(
        request,
        pk,
        "actionplans.submit_actionplan",
        lambda plan: action_plan_submit(plan=plan, actor=request.user, today=timezone.localdate()),
    )


@access("plan_approver", methods=("POST",))
def action_plan_publish_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _plan_step(
        request,
        pk,
        "actionplans.publish_actionplan",
        lambda plan: action_plan_publish(plan=plan, actor=request.user),
    )


def _get_action_for_progress(user, pk: int) -> Action:
    action = get_object_or_404(
        Action.objects.visible_to(user).select_related(
            "response__action_plan", "response__recommendation"
        ),
        pk=pk,
    )
    if not user.has_perm("actionplans.add_progress", action):
        raise Http404
    return action


def _progress_page(
    request: HttpRequest,
    action: Action,
    *,
    form: ProgressForm | None = None,
    target_form: TargetForm | None = None,
) -> HttpResponse:
    today = timezone.localdate()
    revisions = list(action.target_revisions.select_related("proposed_by", "decided_by"))
    for revision in revisions:
        revision.can_decide = request.user.has_perm("actionplans.decide_target", revision)
    return render(
        request,
        "actionplans/action_progress.html",
        {
            "action": action,
            "form": form or ProgressForm(initial={"on": today}),
            "target_form": target_form or TargetForm(),
            "updates": list(action.updates.select_related("author")),
            "escalations": list(action.escalations.all()),
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
def action_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """Report progress on an action of a published plan: the owner's timeline and target ledger."""
    action = _get_action_for_progress(request.user, pk)
    if request.method != "POST":
        return _progress_page(request, action)
    form, update = progress_post(request, action)
    inline = request.POST.get("inline") == "1"
    if update is not None:
        if inline and request.headers.get("HX-Request"):
            return _progress_inline(request, action, saved=update)
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
def target_propose(request: HttpRequest, pk: int) -> HttpResponse:
    action = _get_action_for_progress(request.user, pk)
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
    revision = get_object_or_404(
        TargetRevision.objects.select_related("action__response__action_plan"),
        pk=pk,
        action__response__action_plan__in=ActionPlan.objects.visible_to(request.user),
    )
    if not request.user.has_perm("actionplans.decide_target", revision):
        raise Http404
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


@access("reviewer", methods=FORM_METHODS)
def review_new(request: HttpRequest, pk: int) -> HttpResponse:
    """The inspectorate records its judgement on how far a recommendation has been met."""
    recommendation = get_recommendation_for_user(request.user, pk)
    if not request.user.has_perm("actionplans.add_review", recommendation):
        raise Http404
    today = timezone.localdate()
    form = ReviewForm(request.POST or None, initial={"on": today})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                review_record(
                    recommendation=recommendation,
                    on=data["on"],
                    judgement=data["judgement"],
                    evidence_grade=data["evidence_grade"],
                    commentary=data["commentary"],
                    actor=request.user,
                    today=today,
                )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, "Judgement recorded")
            return redirect("inspections:recommendation-detail", pk=recommendation.pk)
    return render(request, "actionplans/review_new.html", {"rec": recommendation, "form": form})


@access("published_or_member")
def evidence_file(request: HttpRequest, pk: int) -> HttpResponse:
    """An evidence file, to whoever may read the plan it belongs to."""
    update = get_object_or_404(
        ProgressUpdate.objects.filter(
            action__in=Action.objects.visible_to(request.user).values("pk")
        ).exclude(evidence_file=""),
        pk=pk,
    )
    return upload_response_for(update)
