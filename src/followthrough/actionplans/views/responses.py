"""Recording a response to a recommendation and the actions that answer it."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from followthrough.core.access import FORM_METHODS, access
from followthrough.core.forms import save_versioned
from followthrough.core.once import once_per_token

from ..access import get_action_for_user, get_response_for_user
from ..forms import ActionForm, ResponseForm
from ..models import Action, Response
from ..services import action_save, response_record
from .plans import plan_url


@access("response_writer", methods=FORM_METHODS)
def response_edit(request: HttpRequest, pk: int) -> HttpResponse:
    response = get_response_for_user(request.user, pk, for_write=True)
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
@once_per_token
def action_new(request: HttpRequest, pk: int) -> HttpResponse:
    return _action_page(request, get_response_for_user(request.user, pk, for_write=True), None)


@access("response_writer", methods=FORM_METHODS)
def action_edit(request: HttpRequest, pk: int) -> HttpResponse:
    action = get_action_for_user(request.user, pk, for_write=True)
    return _action_page(request, action.response, action)
