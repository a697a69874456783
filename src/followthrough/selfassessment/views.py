"""Reading a self-assessment: the list, the assessment page, the summary, the board's view and
the exports. Each page runs a fixed number of queries however large the assessment."""

from __future__ import annotations

from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from followthrough.core.access import access
from followthrough.core.uploads import upload_response_for

from . import summary
from .access import get_assessment_for_user, services_for
from .exports import answers_xlsx, plan_docx
from .history import contributors
from .models import EvidenceHeld, ImprovementUpdate, Rating, SelfAssessment
from .services import scope_missing

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@access("signed_in")
def assessment_list(request: HttpRequest) -> HttpResponse:
    """Every assessment the user may read: their own service's, and those shared with them."""
    assessments = (
        SelfAssessment.objects.visible_to(request.user)
        .select_related("organisation")
        .annotate(
            recommendations=Count("items", distinct=True),
            rated=Count("items", filter=~Q(items__rating=""), distinct=True),
        )
        .order_by("organisation__name", "-year")
    )
    return render(
        request,
        "selfassessment/assessment_list.html",
        {"assessments": list(assessments), "can_start": bool(services_for(request.user))},
    )


def _context(request: HttpRequest, assessment: SelfAssessment) -> dict:
    today = timezone.localdate()
    groups = summary.thematics(assessment, today=today)
    return {
        "assessment": assessment,
        "groups": groups,
        "progress": summary.progress(groups),
        "ratings": Rating.choices,
        "today": today,
    }


@access("assessment_reader")
def assessment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Every recommendation in scope, its answers, evidence, rating and improvement actions."""
    assessment = get_assessment_for_user(request.user, pk)
    user = request.user
    context = _context(request, assessment)
    can_change = user.has_perm("selfassessment.change_selfassessment", assessment)
    context.update(
        contributors=contributors(assessment),
        missing=scope_missing(assessment) if can_change else [],
        can_change=can_change,
        can_sign=user.has_perm("selfassessment.signoff_selfassessment", assessment),
        can_share=user.has_perm("selfassessment.share_selfassessment", assessment),
        can_reopen=assessment.status == SelfAssessment.Status.SIGNED_OFF
        and user.has_perm("selfassessment.reopen_selfassessment", assessment),
        can_track=user.has_perm("selfassessment.track_improvement", assessment),
    )
    return render(request, "selfassessment/assessment_detail.html", context)


def _summary_context(request: HttpRequest, assessment: SelfAssessment) -> dict:
    context = _context(request, assessment)
    groups = context["groups"]
    comparison = summary.comparison(assessment, groups)
    context.update(
        comparison=comparison,
        comparison_sections=[("Improved", comparison.improved), ("Slipped", comparison.slipped)],
        improvements=summary.open_improvements(groups, plan_date=assessment.signed_off_on),
        improvement_counts=summary.improvement_state_counts(groups),
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


@access("assessment_reader")
def evidence_held_file(request: HttpRequest, pk: int) -> HttpResponse:
    entry = get_object_or_404(
        EvidenceHeld.objects.filter(
            item__assessment__in=SelfAssessment.objects.visible_to(request.user).values("pk")
        ).exclude(evidence_file=""),
        pk=pk,
    )
    return upload_response_for(entry)


@access("assessment_reader")
def improvement_update_file(request: HttpRequest, pk: int) -> HttpResponse:
    update = get_object_or_404(
        ImprovementUpdate.objects.filter(
            action__item__assessment__in=SelfAssessment.objects.visible_to(request.user).values(
                "pk"
            )
        ).exclude(evidence_file=""),
        pk=pk,
    )
    return upload_response_for(update)
