"""The inspectorate's judgement on how far a recommendation has been met."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from followthrough.core.access import FORM_METHODS, access
from followthrough.core.forms import apply_errors
from followthrough.core.once import once_per_token
from followthrough.inspections.access import get_recommendation_for_user

from ..access import get_action_plan_for_user
from ..forms import ReviewForm, StatusAsAtForm
from ..selectors import last_review_date
from ..services import action_plan_status_as_at_set, review_record
from .plans import plan_url


@access("reviewer", methods=FORM_METHODS)
@once_per_token
def review_new(request: HttpRequest, pk: int) -> HttpResponse:
    """The inspectorate records its judgement on how far a recommendation has been met."""
    recommendation = get_recommendation_for_user(request.user, pk, perm="actionplans.add_review")
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
            return redirect("reporting:recommendation-detail", pk=recommendation.pk)
    return render(request, "actionplans/review_new.html", {"rec": recommendation, "form": form})


@access("reviewer", methods=FORM_METHODS)
@once_per_token
def plan_status_as_at(request: HttpRequest, pk: int) -> HttpResponse:
    """The inspectorate marks a historic plan's status as at its last review, or tracks it again."""
    plan = get_action_plan_for_user(request.user, pk, perm="actionplans.mark_historic_actionplan")
    today = timezone.localdate()
    initial = {
        "as_at": plan.status_as_at or last_review_date(plan),
        "note": plan.status_as_at_note,
    }
    form = StatusAsAtForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                action_plan_status_as_at_set(
                    plan=plan,
                    as_at=data["as_at"],
                    note=data["note"],
                    actor=request.user,
                    today=today,
                )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(
                request,
                "The plan is no longer tracked" if data["as_at"] else "The plan is tracked again",
            )
            return redirect(plan_url(plan))
    return render(request, "actionplans/plan_status_as_at.html", {"plan": plan, "form": form})
