"""Plan pages: a plan as published and each of its versions; starting a draft, submitting
and publishing it."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from followthrough.core.access import FORM_METHODS, access, allowed
from followthrough.inspections.access import get_report_for_user
from followthrough.organisations.access import get_writer_organisations_for_user

from ..access import get_action_plan_for_report, get_action_plan_for_user, get_plan_version_for_user
from ..models import ActionPlan, Decision
from ..selectors import latest_version_number, plan_smart_score, plan_table, plan_versions
from ..services import action_plan_publish, action_plan_start, action_plan_submit


def plan_url(plan: ActionPlan) -> str:
    """The plan's page: its report's action-plan page, naming the plan."""
    return f"{reverse('actionplans:report-action-plan', args=[plan.report_id])}?plan={plan.pk}"


@access("organisation_writer", methods=FORM_METHODS)
def action_plan_new(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_report_for_user(request.user, pk)
    organisations = get_writer_organisations_for_user(request.user)
    error = None
    if request.method == "POST":
        chosen = next(
            (o for o in organisations if str(o.pk) == request.POST.get("organisation")), None
        )
        if chosen is None:
            error = "Select the organisation the plan is for"
        else:
            try:
                with transaction.atomic():
                    plan = action_plan_start(report=report, organisation=chosen, actor=request.user)
            except ValidationError as exc:
                error = exc.messages[0]
            else:
                return redirect(plan_url(plan))
    return render(
        request,
        "actionplans/action_plan_new.html",
        {"report": report, "organisations": organisations, "error": error},
        status=200,
    )


def _plan_step(request: HttpRequest, pk: int, permission: str, step) -> HttpResponse:  # type: ignore[no-untyped-def]
    plan = get_action_plan_for_user(request.user, pk, perm=permission)
    try:
        with transaction.atomic():
            step(plan)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, f"The plan is now {plan.get_status_display().lower()}")
    return redirect(plan_url(plan))


@access("plan_approver", methods=("POST",))
def action_plan_submit_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _plan_step(
        request,
        pk,
        "actionplans.submit_actionplan",
        lambda plan: action_plan_submit(plan=plan, actor=request.user, today=timezone.localdate()),
    )


@access("plan_approver", methods=("POST",))
def action_plan_publish_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _plan_step(
        request,
        pk,
        "actionplans.publish_actionplan",
        lambda plan: action_plan_publish(plan=plan, actor=request.user),
    )


@access("published_or_member")
def action_plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    today = timezone.localdate()
    plan = get_action_plan_for_report(request.user, pk, request.GET.get("plan"))
    sections = plan_table(plan, today=today, user=request.user)
    score = plan_smart_score(sections)
    can_submit = plan.status == "draft" and allowed(
        request.user, "actionplans.submit_actionplan", plan
    )
    can_publish = plan.status == "submitted" and allowed(
        request.user, "actionplans.publish_actionplan", plan
    )
    can_mark_historic = plan.status == "published" and allowed(
        request.user, "actionplans.mark_historic_actionplan", plan
    )
    versions = plan_versions(plan)
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
            "can_mark_historic": can_mark_historic,
            "versions": versions,
        },
    )


@access("published_or_member")
def plan_version(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    """One version of a plan, read back exactly as it stood."""
    version = get_plan_version_for_user(request.user, pk, number)
    plan = version.action_plan
    return render(
        request,
        "actionplans/plan_version.html",
        {
            "plan": plan,
            "report": plan.report,
            "version": version,
            "decisions": dict(Decision.choices),
            "latest": latest_version_number(plan),
        },
    )
