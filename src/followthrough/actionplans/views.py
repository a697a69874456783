from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from followthrough.core.access import access
from followthrough.organisations.access import standing_of

from .access import get_action_plan_for_report
from .models import ActionPlan, Decision, PlanVersion
from .rules import WRITERS
from .services import plan_smart_score, plan_table


@access("published_or_member")
def action_plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    today = timezone.localdate()
    plan = get_action_plan_for_report(request.user, pk, request.GET.get("plan"))
    sections = plan_table(plan, today=today)
    score = plan_smart_score(sections)
    roles = standing_of(request.user).roles
    can_submit = plan.status == "draft" and request.user.has_perm(
        "actionplans.submit_actionplan", plan
    )
    can_publish = plan.status == "submitted" and request.user.has_perm(
        "actionplans.publish_actionplan", plan
    )
    versions = list(plan.versions.select_related("author").order_by("-number"))
    plan_writer = roles.get(plan.coordinating_organisation_id) in WRITERS
    for part in sections:
        for _, responses in part.groups:
            for response in responses:
                response.can_edit = plan.status in ("draft", "published") and (
                    plan_writer or roles.get(response.responding_organisation_id) in WRITERS
                )
    return render(
        request,
        "actionplans/action_plan_detail.html",
        {
            "plan": plan,
            "report": plan.report,
            "sections": sections,
            "today": today,
            "smart_score": score,
            "can_submit": can_submit,
            "can_publish": can_publish,
            "versions": versions,
        },
    )


@access("published_or_member")
def plan_version(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    """One version of a plan, read back exactly as it stood."""
    plan = get_object_or_404(
        ActionPlan.objects.visible_to(request.user).select_related("report"), pk=pk
    )
    version = get_object_or_404(
        PlanVersion.objects.select_related("author"), action_plan=plan, number=number
    )
    return render(
        request,
        "actionplans/plan_version.html",
        {
            "plan": plan,
            "report": plan.report,
            "version": version,
            "decisions": dict(Decision.choices),
            "latest": plan.versions.order_by("-number").values_list("number", flat=True).first(),
        },
    )
