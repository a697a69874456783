from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.text import slugify

from followthrough.actionplans.access import get_action_plan_for_report
from followthrough.actionplans.models import Action
from followthrough.actionplans.rules import WRITERS
from followthrough.core.access import access
from followthrough.inspections.models import Recommendation
from followthrough.organisations.access import standing_of
from followthrough.organisations.models import Organisation

from .charts import bar_chart_svg
from .exports import FORMATS
from .services import (
    STALE_DAYS,
    organisation_dashboard,
    organisation_rows,
    overview_figure,
    overview_figures,
)

SEARCH_LIMIT = 50


@access("signed_in")
def overview(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    return render(
        request,
        "reporting/overview.html",
        {"figures": overview_figures(today=today, user=request.user), "today": today},
    )


@access("signed_in")
def chart(request: HttpRequest, slug: str) -> HttpResponse:
    figure = overview_figure(slug, today=timezone.localdate(), user=request.user)
    if figure is None:
        raise Http404
    response = HttpResponse(
        bar_chart_svg(figure.title, figure.chart_rows), content_type="image/svg+xml"
    )
    response["Cache-Control"] = "private, max-age=300"
    return response


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
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    results = []
    if query:
        results = list(
            Recommendation.objects.visible_to(request.user)
            .matching(query, user=request.user)
            .select_related("report")
            .order_by("report__title", "order")[:SEARCH_LIMIT]
        )
    return render(
        request,
        "reporting/search.html",
        {"query": query, "results": results, "limit": SEARCH_LIMIT},
    )


@access("published_or_member")
def action_plan_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """The plan as CSV, Excel, Word or PDF, with statuses as of today."""
    if fmt not in FORMATS:
        raise Http404
    plan = get_action_plan_for_report(request.user, pk, request.GET.get("plan"))
    today = timezone.localdate()
    content_type, render_export = FORMATS[fmt]
    response = HttpResponse(render_export(plan, today=today), content_type=content_type)
    name = slugify(plan.report.title)[:80] or "action-plan"
    response["Content-Disposition"] = (
        f'attachment; filename="action-plan-{name}-{today:%Y-%m-%d}.{fmt}"'
    )
    return response


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
            "can_report": standing.roles.get(chosen.pk) in WRITERS,
            "statuses": Action.Status.choices,
            **organisation_dashboard(organisation=chosen, today=today, user=request.user),
        },
    )
