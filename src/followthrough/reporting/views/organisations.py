"""What each body owns across every report: the organisation list and page, and the signed-in
user's own organisation."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from followthrough.actionplans.models import Action
from followthrough.core.access import access, allowed
from followthrough.core.replica import reads_from_replica
from followthrough.organisations.access import get_organisation_for_user
from followthrough.organisations.selectors import organisations_of

from ..selectors import (
    STALE_DAYS,
    organisation_actions,
    organisation_dashboard,
    organisation_recommendations,
    organisation_rows,
    organisation_summary,
)
from ..selectors.overview import (
    DASHBOARD_LISTS,
    organisation_action_page,
    organisation_improvements,
)

# Rows a page: enough to scan, small enough that a national body's page stays light.
PAGE_SIZE = 50


@access("signed_in")
@reads_from_replica
def organisation_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    return render(
        request,
        "reporting/organisation_list.html",
        {"rows": organisation_rows(today=today, user=request.user), "today": today},
    )


@access("signed_in")
@reads_from_replica
def organisation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """What one body owns across every report: one answer, however documents spell its name.
    A summary by state first, then the actions and the recommendations a page at a time."""
    today = timezone.localdate()
    organisation = get_organisation_for_user(request.user, pk)
    summary = organisation_summary(organisation, user=request.user, today=today)
    state = request.GET.get("state")
    state = state if state in {row[0] for row in summary.counts} else None
    actions = Paginator(
        organisation_actions(
            organisation, user=request.user, today=today, summary=summary, state=state
        ),
        PAGE_SIZE,
    ).get_page(request.GET.get("actions_page"))
    recommendations = Paginator(
        organisation_recommendations(organisation, user=request.user, today=today, summary=summary),
        PAGE_SIZE,
    ).get_page(request.GET.get("recommendations_page"))
    return render(
        request,
        "reporting/organisation_detail.html",
        {
            "organisation": organisation,
            "can_manage_members": allowed(
                request.user, "organisations.manage_members", organisation
            ),
            "counts": summary.counts,
            "owned": summary.owned,
            "state": state,
            "state_label": next((row[1] for row in summary.counts if row[0] == state), ""),
            "actions": actions,
            "in_responses": summary.in_responses,
            "recommendations": recommendations,
            "today": today,
        },
    )


@access("signed_in")
@reads_from_replica
def my_organisation(request: HttpRequest) -> HttpResponse:
    """The dashboard of the organisation the user works for (they choose if they have several)."""
    organisations = organisations_of(request.user)
    if not organisations:
        return render(request, "reporting/my_organisation.html", {"organisations": []})
    chosen = next(
        (o for o in organisations if str(o.pk) == request.GET.get("org")), organisations[0]
    )
    today = timezone.localdate()
    context = {
        "organisations": organisations,
        "organisation": chosen,
        "today": today,
        "stale_days": STALE_DAYS,
        # every action listed is owned by the chosen organisation and in a published plan
        "can_report": allowed(request.user, "organisations.write_for", chosen),
        "statuses": Action.Status.choices,
    }
    shown = request.GET.get("list")
    if shown in DASHBOARD_LISTS:
        # one list in full, a page at a time, instead of the summary
        actions = organisation_action_page(
            organisation=chosen, slug=shown, today=today, user=request.user
        )
        page = Paginator(actions, 50).get_page(request.GET.get("page"))
        context |= {"shown": shown, "caption": DASHBOARD_LISTS[shown], "page": page}
        return render(request, "reporting/my_organisation_list.html", context)
    dashboard = organisation_dashboard(organisation=chosen, today=today, user=request.user)
    by_report = Paginator(dashboard["by_report"], PAGE_SIZE).get_page(
        request.GET.get("reports_page")
    )
    return render(
        request,
        "reporting/my_organisation.html",
        {
            **context,
            **dashboard,
            "by_report": by_report,
            "improvements": organisation_improvements(
                organisation=chosen, today=today, user=request.user
            ),
        },
    )
