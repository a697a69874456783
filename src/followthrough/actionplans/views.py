from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from followthrough.core.access import access

from .access import get_action_plan_for_report
from .services import plan_smart_score, plan_table


@access("published_or_member")
def action_plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    today = timezone.localdate()
    plan_pk = request.GET.get("plan")
    plan = get_action_plan_for_report(
        request.user, pk, int(plan_pk) if plan_pk and plan_pk.isdigit() else None
    )
    sections = plan_table(plan, today=today)
    score = plan_smart_score(sections)
    return render(
        request,
        "actionplans/action_plan_detail.html",
        {
            "plan": plan,
            "report": plan.report,
            "sections": sections,
            "today": today,
            "smart_score": score,
        },
    )
