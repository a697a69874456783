"""What each body owns across every report: the organisation list and page, and the signed-in
user's own organisation."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from followthrough.actionplans.models import Action
from followthrough.core.access import access, allowed
from followthrough.organisations.access import get_organisation_for_user
from followthrough.organisations.selectors import organisations_of

from ..selectors import (
    STALE_DAYS,
    organisation_actions,
    organisation_actions_in_responses,
    organisation_dashboard,
    organisation_recommendations,
    organisation_rows,
)


@access("signed_in")
def organisation_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    return render(
        request,
        "reporting/organisation_list.html",
        {"rows": organisation_rows(today=today, user=request.user), "today": today},
    )


@access("signed_in")
def organisation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """What one body owns across every report: one answer, however documents spell its name."""
    today = timezone.localdate()
    organisation = get_organisation_for_user(request.user, pk)
    actions = organisation_actions(organisation, user=request.user, today=today)
    recommendations = organisation_recommendations(organisation)
    return render(
        request,
        "reporting/organisation_detail.html",
        {
            "organisation": organisation,
            "can_manage_members": allowed(
                request.user, "organisations.manage_members", organisation
            ),
            "actions": actions,
            "in_responses": organisation_actions_in_responses(organisation, user=request.user),
            "recommendations": recommendations,
            "today": today,
        },
    )


@access("signed_in")
def my_organisation(request: HttpRequest) -> HttpResponse:
    """The dashboard of the organisation the user works for (they choose if they have several)."""
    organisations = organisations_of(request.user)
    if not organisations:
        return render(request, "reporting/my_organisation.html", {"organisations": []})
    chosen = next(
        (o for o in organisations if str(o.pk) == request.GET.get("org")), organisations[0]
    )
    today = timezone.localdate()
    return render(
        request,
        "reporting/my_organisation.html",
        {
            "organisations": organisations,
            "organisation": chosen,
            "today": today,
            "stale_days": STALE_DAYS,
            # every action listed is owned by the chosen organisation and in a published plan
            "can_report": allowed(request.user, "organisations.write_for", chosen),
            "statuses": Action.Status.choices,
            **organisation_dashboard(organisation=chosen, today=today, user=request.user),
        },
    )
