"""Reads: a person's API tokens, the token a request presents, and the querysets endpoints serve,
filtered by the same `visible_to` as the pages and fetched in a fixed number of queries."""

from __future__ import annotations

import hmac
from typing import Any

from django.db.models import Prefetch, QuerySet

from followthrough.actionplans.models import Action, ActionPlan, Response
from followthrough.cases.models import Case, Task
from followthrough.inspections.models import Recommendation, Report
from followthrough.organisations.models import Organisation

from ..models import ApiToken
from ..services import TOKEN_START, token_hash


def tokens_of(user: Any) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(owner_id=user.pk).order_by("revoked_at", "-created_at", "-id")


def token_presented(raw: str) -> ApiToken | None:
    """The token a request presents, if it names one (usable or not), else None."""
    if not raw.startswith(TOKEN_START) or raw.count("_") < 2:
        return None
    prefix = raw[len(TOKEN_START) :].split("_", 1)[0]
    token = ApiToken.objects.select_related("owner").filter(prefix=prefix).first()
    if token is None or not hmac.compare_digest(token.secret_hash, token_hash(raw)):
        return None
    return token


def reports_for(user: Any) -> QuerySet[Report]:
    return Report.objects.visible_to(user).prefetch_related("inspectorates")


def recommendations_for(user: Any) -> QuerySet[Recommendation]:
    return (
        Recommendation.objects.visible_to(user)
        .select_related("report")
        .prefetch_related("addressees")
    )


def action_plans_for(user: Any, *, today: Any) -> QuerySet[ActionPlan]:
    """Plans the user may read, with responses and their actions, each action's state worked out
    as of today by the same expression the pages use."""
    actions = Action.objects.with_state(today=today).select_related("owner_organisation")
    responses = Response.objects.select_related(
        "recommendation", "responding_organisation"
    ).prefetch_related(Prefetch("actions", queryset=actions.order_by("order", "id")))
    return (
        ActionPlan.objects.visible_to(user)
        .select_related("report", "coordinating_organisation")
        .prefetch_related(Prefetch("responses", queryset=responses.order_by("id")))
    )


def action_plan_summaries_for(user: Any) -> QuerySet[ActionPlan]:
    """Plans the user may read, without their responses: what the list shows."""
    return ActionPlan.objects.visible_to(user)


def organisations_for(user: Any) -> QuerySet[Organisation]:
    # Every organisation is listed to any signed-in user, as on the organisations page.
    if not getattr(user, "is_authenticated", False):
        return Organisation.objects.none()
    return Organisation.objects.all()


def response_written(pk: int, *, today: Any) -> Response:
    """A response as an API write returns it: with its actions' state as of today."""
    actions = Action.objects.with_state(today=today).select_related("owner_organisation")
    responses = Response.objects.select_related("recommendation").prefetch_related(
        Prefetch("actions", queryset=actions.order_by("order", "id"))
    )
    return responses.get(pk=pk)


def action_written(pk: int, *, today: Any) -> Action:
    """An action as an API write returns it, its state worked out as the pages do."""
    action: Action = Action.objects.with_state(today=today).get(pk=pk)
    return action


def case_written(pk: int) -> Case:
    """A case as the API returns it: the layout's fields and its tasks, nothing that names the
    child (a case holds nothing that does)."""
    tasks = Task.objects.select_related("owner", "pathway").order_by("id")
    case: Case = (
        Case.objects.select_related("home_local_authority", "establishment")
        .prefetch_related(Prefetch("tasks", queryset=tasks))
        .get(pk=pk)
    )
    return case
