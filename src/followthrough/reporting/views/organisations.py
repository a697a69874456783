"""What each body owns across every report: the organisation list and page, and the signed-in
user's own organisation."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from followthrough.actionplans.models import Action
from followthrough.core.access import access
from followthrough.organisations.access import standing_of
from followthrough.organisations.models import Organisation

from ..selectors import STALE_DAYS, organisation_dashboard, organisation_rows


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
    organisation = get_object_or_404(Organisation, pk=pk)
    actions = list(
        Action.objects.visible_to(request.user)
        .filter(owner_organisation=organisation)
        .with_state(today=today)
        .select_related("response__recommendation__report")
        .order_by(
            "response__recommendation__report__title", "response__recommendation__order", "order"
        )
    )
    recommendations = list(
        organisation.recommendations.select_related("report").order_by("report__title", "order")
    )
    return render(
        request,
        "reporting/organisation_detail.html",
        {
            "organisation": organisation,
            "can_manage_members": request.user.has_perm(
                "organisations.manage_members", organisation
            ),
            "actions": actions,
            "recommendations": recommendations,
            "today": today,
        },
    )


@access("signed_in")
def my_organisation(request: HttpRequest) -> HttpResponse:
    """The dashboard of the organisation the user works for (they choose if they have several)."""
    standing = standing_of(request.user)
    organisations = list(
        Organisation.objects.filter(pk__in=standing.organisation_ids).order_by("name")
    )
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
            "can_report": standing.writes_for(chosen.pk),
            "statuses": Action.Status.choices,
            **organisation_dashboard(organisation=chosen, today=today, user=request.user),
        },
    )
