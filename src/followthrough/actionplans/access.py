from django.http import Http404

from followthrough.inspections.access import get_report_for_user

from .models import ActionPlan


def get_action_plan_for_report(
    user, report_pk: int, plan_pk: int | str | None = None
) -> ActionPlan:
    """The report's plan (the latest, unless one is named) if the user may see it, else 404."""
    if isinstance(plan_pk, str):  # straight from ?plan=, which anyone can type
        plan_pk = int(plan_pk) if plan_pk.isdigit() else None
    report = get_report_for_user(user, report_pk)
    plans = (
        report.action_plans.visible_to(user)
        .select_related("report", "source")
        .order_by("-submitted", "-pk")
    )
    plan = plans.filter(pk=plan_pk).first() if plan_pk else plans.first()
    if plan is None or not user.has_perm("actionplans.view_actionplan", plan):
        raise Http404
    return plan
