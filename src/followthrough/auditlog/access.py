"""Who may read the audit trail: an object's history goes with the object; the whole log is for
inspectorate administrators and superusers."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.http import Http404

from followthrough.actionplans.access import get_action_plan_for_report
from followthrough.actionplans.models import Action, ActionPlan, Response
from followthrough.inspections.access import get_recommendation_for_user, get_report_for_user
from followthrough.selfassessment.access import get_assessment_for_user


def get_audited_object_for_user(user: Any, kind: str, pk: int) -> models.Model:
    """The object whose history is asked for, if the user may see the object itself."""
    if kind == "report":
        return get_report_for_user(user, pk)
    if kind == "recommendation":
        return get_recommendation_for_user(user, pk)
    if kind == "action-plan":
        plan = ActionPlan.objects.visible_to(user).filter(pk=pk).first()
        if plan is None:
            raise Http404
        return get_action_plan_for_report(user, plan.report_id, plan.pk)
    if kind == "response":
        response: Response | None = Response.objects.visible_to(user).filter(pk=pk).first()
        if response is None:
            raise Http404
        return response
    if kind == "action":
        action: Action | None = Action.objects.visible_to(user).filter(pk=pk).first()
        if action is None:
            raise Http404
        return action
    if kind == "self-assessment":
        return get_assessment_for_user(user, pk)
    raise Http404
