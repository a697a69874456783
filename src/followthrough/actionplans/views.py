from __future__ import annotations

from itertools import groupby

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from followthrough.core.access import access

from .access import get_action_plan_for_report
from .models import Action
from .services import action_summary


@access("published_or_member")
def action_plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    today = timezone.localdate()
    plan_pk = request.GET.get("plan")
    plan = get_action_plan_for_report(
        request.user, pk, int(plan_pk) if plan_pk and plan_pk.isdigit() else None
    )
    responses = list(
        plan.responses.select_related("recommendation").order_by("recommendation__order")
    )
    actions = (
        Action.objects.filter(response__action_plan=plan)
        .with_state(today=today)
        .order_by("response_id", "order")
    )
    by_response: dict[int, list] = {}
    for action in actions:
        by_response.setdefault(action.response_id, []).append(action)
    for response in responses:
        response.action_list = by_response.get(response.pk, [])
        response.action_summary = action_summary(response.action_list)
    sections = []
    for section, rows in groupby(responses, key=lambda r: r.recommendation.section):
        groups = [
            (addressee, list(items))
            for addressee, items in groupby(rows, key=lambda r: r.recommendation.addressee_text)
        ]
        sections.append((section, groups))
    return render(
        request,
        "actionplans/action_plan_detail.html",
        {"plan": plan, "report": plan.report, "sections": sections, "today": today},
    )
