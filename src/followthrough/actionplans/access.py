"""Fetching plans, responses, actions and target revisions for a user: outsiders get 404, never a
hint. Every view reaches these records only through these functions; the rules they check are in
rules.py."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404

from followthrough.core.access import allowed
from followthrough.core.forms import int_param
from followthrough.inspections.access import get_report_for_user

from .models import Action, ActionPlan, PlanVersion, ProgressUpdate, Response, TargetRevision

# What `for_write=True` asks of each record: a published plan is amended, never overwritten.
AMEND = "actionplans.amend_response"
PROGRESS = "actionplans.add_progress"


def _require(user: Any, perm: str, obj: Any) -> None:
    if not allowed(user, perm, obj):
        raise Http404


def get_action_plan_for_report(
    user: Any, report_pk: int, plan_pk: int | str | None = None
) -> ActionPlan:
    """The report's plan (the latest, unless one is named) if the user may see it, else 404."""
    if isinstance(plan_pk, str):  # straight from ?plan=, which anyone can type
        plan_pk = int_param(plan_pk)
    report = get_report_for_user(user, report_pk)
    plans = (
        report.action_plans.visible_to(user)
        .select_related("report", "source")
        .order_by("-submitted", "-pk")
    )
    plan = plans.filter(pk=plan_pk).first() if plan_pk else plans.first()
    if plan is None:
        raise Http404
    _require(user, "actionplans.view_actionplan", plan)
    return plan


def get_action_plan_for_user(user: Any, pk: int, *, perm: str | None = None) -> ActionPlan:
    """A plan the user may see and, when `perm` is named (submit, publish), may act on."""
    plan = get_object_or_404(
        ActionPlan.objects.visible_to(user).select_related("report", "source"), pk=pk
    )
    _require(user, "actionplans.view_actionplan", plan)
    if perm:
        _require(user, perm, plan)
    return plan


def get_response_for_user(user: Any, pk: int, *, for_write: bool = False) -> Response:
    response = get_object_or_404(
        Response.objects.visible_to(user).select_related(
            "action_plan__report", "recommendation", "action_plan"
        ),
        pk=pk,
    )
    if for_write:
        _require(user, AMEND, response)
    return response


def get_action_for_user(
    user: Any, pk: int, *, for_write: bool = False, perm: str | None = None
) -> Action:
    """An action the user may see; `for_write` to edit what it says (the amend rule of its
    response), `perm=PROGRESS` to report progress on it (its owner, once published)."""
    action = get_object_or_404(
        Action.objects.visible_to(user).select_related(
            "response__action_plan", "response__recommendation"
        ),
        pk=pk,
    )
    if for_write:
        _require(user, AMEND, action.response)
    if perm:
        _require(user, perm, action)
    return action


def get_target_revision_for_user(user: Any, pk: int, *, for_write: bool = False) -> TargetRevision:
    revision = get_object_or_404(
        TargetRevision.objects.select_related("action__response__action_plan"),
        pk=pk,
        action__response__action_plan__in=ActionPlan.objects.visible_to(user),
    )
    if for_write:
        _require(user, "actionplans.decide_target", revision)
    return revision


def get_progress_update_with_file_for_user(user: Any, pk: int) -> ProgressUpdate:
    """A progress update carrying an evidence file, to whoever may read its plan."""
    return get_object_or_404(
        ProgressUpdate.objects.filter(
            action__in=Action.objects.visible_to(user).values("pk")
        ).exclude(evidence_file=""),
        pk=pk,
    )


def get_plan_version_for_user(user: Any, plan_pk: int, number: int) -> PlanVersion:
    """One numbered version of a plan the user may see."""
    plan = get_action_plan_for_user(user, plan_pk)
    return get_object_or_404(
        PlanVersion.objects.select_related("author", "action_plan__report"),
        action_plan=plan,
        number=number,
    )
