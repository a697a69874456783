"""Who may read the audit trail: an object's history goes with the object; the whole log is for
inspectorate administrators and superusers."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.http import Http404

from followthrough.actionplans.access import (
    get_action_for_user,
    get_action_plan_for_user,
    get_response_for_user,
)
from followthrough.inspections.access import get_recommendation_for_user, get_report_for_user
from followthrough.selfassessment.access import get_assessment_for_user


def get_audited_object_for_user(user: Any, kind: str, pk: int) -> models.Model:
    """The object whose history is asked for, if the user may see the object itself."""
    if kind == "report":
        return get_report_for_user(user, pk)
    if kind == "recommendation":
        return get_recommendation_for_user(user, pk)
    if kind == "action-plan":
        return get_action_plan_for_user(user, pk)
    if kind == "response":
        return get_response_for_user(user, pk)
    if kind == "action":
        return get_action_for_user(user, pk)
    if kind == "self-assessment":
        return get_assessment_for_user(user, pk)
    raise Http404
