"""Shared by the API write tests: a read and write (or read-only) token, JSON requests with the
headers writes take, and a draft plan the Youth Justice Board is writing."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from django.test import Client

from followthrough.actionplans.models import ActionPlan, Response
from followthrough.api.services import token_create

# A response agreed in words, and an action with a target still to come: what a plan needs to go.
DECIDED = {"decision": "agreed", "narrative": "We will publish new guidance for every service"}
ADDED = {
    "description": "Publish guidance on resettlement planning",
    "owner_text": "Head of Youth Custody Policy",
    "target_text": "March 2099",
    "measure": "The guidance is on the website",
}


def token_for(user: Any, scope: str = "read_write") -> str:
    return token_create(owner=user, name="Tracker", scope=scope, days=90, today=date.today())[1]


def send(
    method: str,
    url: str,
    token: str,
    body: Any = None,
    *,
    if_match: str | None = None,
    key: str | None = None,
) -> Any:
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    if if_match is not None:
        headers["HTTP_IF_MATCH"] = if_match
    if key is not None:
        headers["HTTP_IDEMPOTENCY_KEY"] = key
    call = getattr(Client(), method.lower())
    if method in ("GET", "HEAD"):
        return call(url, **headers)
    return call(url, json.dumps(body or {}), content_type="application/json", **headers)


def drafting(plan: ActionPlan, organisation: Any) -> Response:
    """Make the plan a draft coordinated by `organisation`; its first response from them."""
    ActionPlan.objects.filter(pk=plan.pk).update(
        status="draft", coordinating_organisation=organisation
    )
    return Response.objects.filter(action_plan=plan, responding_organisation=organisation).first()
