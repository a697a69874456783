"""A service's self-assessments: the list, starting one, the assessment page, the summary and the
board's view, the exports, and sign-off, scope, reopening and sharing."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from followthrough.core.access import FORM_METHODS, access, allowed
from followthrough.core.forms import apply_errors, int_param

from .. import selectors
from ..access import CHANGE, get_assessment_for_user, get_services_for_user, services_for
from ..exports import answers_xlsx, plan_docx
from ..forms import StartForm
from ..models import Rating, SelfAssessment
from ..selectors import contributors, scope_missing, scope_recommendations
from ..services import (
    assessment_reopen,
    assessment_scope_add,
    assessment_share,
    assessment_sign_off,
    assessment_start,
)


@access("service_writer", methods=FORM_METHODS)
def assessment_new(request: HttpRequest) -> HttpResponse:
    """Start an assessment: the service, the year, and the scope (every recommendation made to
    youth justice services and their boards, ticked by default)."""
    services = get_services_for_user(request.user)
    scope = scope_recommendations()
    initial = {
        "year": timezone.localdate().year,
        "recommendations": [r.pk for r in scope],
        "organisation": services[0].pk if len(services) == 1 else None,
    }
    form = StartForm(request.POST or None, initial=initial, organisations=services, scope=scope)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        chosen = next(s for s in services if s.pk == data["organisation"])
        try:
            with transaction.atomic():
                assessment = assessment_start(
                    organisation=chosen,
                    year=data["year"],
                    actor=request.user,
                    recommendation_ids=data["recommendations"],
                )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, f"The {assessment.year} self-assessment has started")
            return redirect("selfassessment:assessment-detail", pk=assessment.pk)
    groups: dict[int, tuple] = {}
    for rec in scope:
        groups.setdefault(rec.report_id, (rec.report, []))[1].append(rec)
    selected = {n for v in form["recommendations"].value() or [] if (n := int_param(v)) is not None}
    return render(
        request,
        "selfassessment/assessment_new.html",
        {"form": form, "groups": list(groups.values()), "selected": selected},
    )


def _assessment_step(request: HttpRequest, pk: int, perm: str, step, done: str) -> HttpResponse:  # type: ignore[no-untyped-def]
    assessment = get_assessment_for_user(request.user, pk, perm=perm)
    try:
        with transaction.atomic():
            step(assessment)
    except ValidationError as exc:
        for message in exc.messages[:10]:
            messages.error(request, message)
        if len(exc.messages) > 10:
            messages.error(request, f"and {len(exc.messages) - 10} more")
    else:
        if done:
            messages.success(request, done)
    return redirect("selfassessment:assessment-detail", pk=assessment.pk)


@access("assessment_signer", methods=("POST",))
def assessment_sign_off_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _assessment_step(
        request,
        pk,
        "selfassessment.signoff_selfassessment",
        lambda a: assessment_sign_off(assessment=a, actor=request.user, today=timezone.localdate()),
        "The assessment is signed off. Its answers are now read-only; the improvement plan "
        "stays open for progress updates",
    )


@access("assessment_writer", methods=("POST",))
def assessment_scope_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Add the recommendations for services imported since the assessment started."""
    added: list[int] = []

    def add(assessment: SelfAssessment) -> None:
        added.append(assessment_scope_add(assessment=assessment, actor=request.user))

    response = _assessment_step(request, pk, CHANGE, add, "")
    if added:
        count = added[0]
        messages.success(
            request,
            f"{count} recommendation{'s' if count != 1 else ''} added to the scope"
            if count
            else "Nothing new to add: the scope already holds every recommendation for services",
        )
    return response


@access("assessment_signer", methods=("POST",))
def assessment_reopen_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _assessment_step(
        request,
        pk,
        "selfassessment.reopen_selfassessment",
        lambda a: assessment_reopen(
            assessment=a, actor=request.user, reason=request.POST.get("reason", "")
        ),
        "The assessment is open again for answers; it needs signing off once more",
    )


@access("assessment_signer", methods=("POST",))
def assessment_share_view(request: HttpRequest, pk: int) -> HttpResponse:
    choice = request.POST.get("shared")

    def share(assessment: SelfAssessment) -> None:
        if choice not in ("yes", "no"):
            raise ValidationError("Select whether the inspectorate may read this assessment")
        assessment_share(assessment=assessment, shared=choice == "yes", actor=request.user)

    done = (
        "The inspectorate can now read this assessment"
        if choice == "yes"
        else "The inspectorate can no longer read this assessment"
    )
    return _assessment_step(request, pk, "selfassessment.share_selfassessment", share, done)


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@access("signed_in")
def assessment_list(request: HttpRequest) -> HttpResponse:
    """Every assessment the user may read: their own service's, and those shared with them."""
    return render(
        request,
        "selfassessment/assessment_list.html",
        {
            "assessments": selectors.assessments_for(request.user),
            "can_start": bool(services_for(request.user)),
        },
    )


def _context(request: HttpRequest, assessment: SelfAssessment) -> dict:
    today = timezone.localdate()
    groups = selectors.thematics(assessment, today=today)
    return {
        "assessment": assessment,
        "groups": groups,
        "progress": selectors.progress(groups),
        "ratings": Rating.choices,
        "today": today,
    }


@access("assessment_reader")
def assessment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Every recommendation in scope, its answers, evidence, rating and improvement actions."""
    assessment = get_assessment_for_user(request.user, pk)
    user = request.user
    context = _context(request, assessment)
    can_change = allowed(user, "selfassessment.change_selfassessment", assessment)
    context.update(
        contributors=contributors(assessment),
        missing=scope_missing(assessment) if can_change else [],
        can_change=can_change,
        can_sign=allowed(user, "selfassessment.signoff_selfassessment", assessment),
        can_share=allowed(user, "selfassessment.share_selfassessment", assessment),
        can_reopen=assessment.status == SelfAssessment.Status.SIGNED_OFF
        and allowed(user, "selfassessment.reopen_selfassessment", assessment),
        can_track=allowed(user, "selfassessment.track_improvement", assessment),
    )
    show = request.GET.get("show") or "all"
    show = show if show in selectors.ITEM_FILTERS else "all"
    counts = selectors.filter_counts(context["groups"])
    context.update(
        show=show,
        filters=[(slug, label, counts[slug]) for slug, label in selectors.ITEM_FILTERS.items()],
        shown=counts[show],
        groups=selectors.filtered(context["groups"], show),
    )
    return render(request, "selfassessment/assessment_detail.html", context)


def _summary_context(request: HttpRequest, assessment: SelfAssessment) -> dict:
    context = _context(request, assessment)
    groups = context["groups"]
    comparison = selectors.comparison(assessment, groups)
    context.update(
        comparison=comparison,
        comparison_sections=[("Improved", comparison.improved), ("Slipped", comparison.slipped)],
        improvements=selectors.open_improvements(groups, plan_date=assessment.signed_off_on),
        improvement_counts=selectors.improvement_state_counts(groups),
        columns=[*Rating.choices, ("", "Not rated")],
    )
    return context


@access("assessment_reader")
def assessment_summary(request: HttpRequest, pk: int) -> HttpResponse:
    """The heat map, evidence coverage, open improvement actions and the year-on-year change."""
    assessment = get_assessment_for_user(request.user, pk)
    return render(request, "selfassessment/summary.html", _summary_context(request, assessment))


@access("assessment_reader")
def assessment_board(request: HttpRequest, pk: int) -> HttpResponse:
    """What the management board reads: the summary without any controls, ready to print."""
    assessment = get_assessment_for_user(request.user, pk)
    return render(request, "selfassessment/board.html", _summary_context(request, assessment))


@access("assessment_reader")
def plan_export(request: HttpRequest, pk: int) -> HttpResponse:
    """The Youth Justice Plan section: ratings table and improvement plan, as Word."""
    assessment = get_assessment_for_user(request.user, pk)
    context = _summary_context(request, assessment)
    response = HttpResponse(plan_docx(assessment, context), content_type=DOCX)
    name = f"youth-justice-plan-{assessment.organisation.short_name}-{assessment.year}"
    response["Content-Disposition"] = f'attachment; filename="{_slug(name)}.docx"'
    return response


@access("assessment_reader")
def answers_export(request: HttpRequest, pk: int) -> HttpResponse:
    """Every answer, evidence entry and rating, one row each, as Excel."""
    assessment = get_assessment_for_user(request.user, pk)
    context = _context(request, assessment)
    response = HttpResponse(answers_xlsx(assessment, context["groups"]), content_type=XLSX)
    name = f"self-assessment-{assessment.organisation.short_name}-{assessment.year}"
    response["Content-Disposition"] = f'attachment; filename="{_slug(name)}.xlsx"'
    return response


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")
