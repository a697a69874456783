"""The improvement plan: actions from the gaps, tracked with targets and progress exactly as
action-plan actions are."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from followthrough.actionplans.forms import ProgressForm
from followthrough.actionplans.selectors import progress_updates
from followthrough.actionplans.views.progress import progress_post
from followthrough.core.access import FORM_METHODS, access
from followthrough.core.forms import save_versioned
from followthrough.core.once import once_per_token
from followthrough.core.uploads import upload_response_for

from .. import selectors
from ..access import (
    TRACK,
    get_improvement_for_user,
    get_improvement_update_file_for_user,
    get_item_for_user,
)
from ..forms import ImprovementForm
from ..selectors import improvement_advice
from ..services import improvement_save


def _improvement_page(request, item, action) -> HttpResponse:  # type: ignore[no-untyped-def]
    stale = None
    if request.method == "POST":

        def save(data: dict) -> None:
            improvement_save(
                item=item,
                action=action,
                description=data["description"],
                owner_text=data["owner_text"],
                target_text=data["target_text"],
                measure=data["measure"],
                version=data.get("version"),
                actor=request.user,
            )

        form, stale, saved = save_versioned(request, ImprovementForm, save, "action")
        if saved:
            messages.success(request, "Improvement action saved")
            url = reverse("selfassessment:assessment-detail", args=[item.assessment_id])
            return redirect(f"{url}#item-{item.pk}")
    else:
        initial = {"version": action.version} if action else {}
        if action is not None:
            initial.update(
                description=action.description,
                owner_text=action.owner_text,
                target_text=action.target_text,
                measure=action.measure,
            )
        form = ImprovementForm(initial=initial)
    return render(
        request,
        "selfassessment/improvement_edit.html",
        {
            "form": form,
            "item": item,
            "rec": item.recommendation,
            "assessment": item.assessment,
            "action": action,
            "stale": stale,
            "gaps": selectors.item_view(item, today=timezone.localdate()).gaps,
        },
    )


@access("improvement_writer", methods=FORM_METHODS)
@once_per_token
def improvement_new(request: HttpRequest, pk: int) -> HttpResponse:
    """Turn a gap into an improvement action: owner, target, measure."""
    return _improvement_page(request, get_item_for_user(request.user, pk, perm=TRACK), None)


@access("improvement_writer", methods=FORM_METHODS)
def improvement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    action = get_improvement_for_user(request.user, pk, for_write=True)
    return _improvement_page(request, action.item, action)


@access("improvement_writer", methods=FORM_METHODS)
@once_per_token
def improvement_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """Report progress on an improvement action, exactly as on an action-plan action."""
    action = get_improvement_for_user(request.user, pk, for_write=True)
    today = timezone.localdate()
    if request.method == "POST":
        form, update = progress_post(request, action)
        if update is not None:
            messages.success(request, "Progress recorded")
            return redirect("selfassessment:improvement-progress", pk=action.pk)
    else:
        form = ProgressForm(initial={"on": today})
    state = selectors.improvement_state(action, today=today)
    return render(
        request,
        "selfassessment/improvement_progress.html",
        {
            "action": action,
            "state": state,
            "item": action.item,
            "rec": action.item.recommendation,
            "assessment": action.item.assessment,
            "form": form,
            "updates": progress_updates(action),
            "advice": improvement_advice(action, plan_date=action.item.assessment.signed_off_on),
        },
    )


@access("assessment_reader")
def improvement_update_file(request: HttpRequest, pk: int) -> HttpResponse:
    return upload_response_for(get_improvement_update_file_for_user(request.user, pk))
