"""Writing a self-assessment: start one, answer each recommendation, sign off and share, and
keep the improvement plan."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from followthrough.actionplans.edit_views import apply_errors, progress_post, save_versioned
from followthrough.actionplans.forms import ProgressForm
from followthrough.actionplans.writes import StaleEdit
from followthrough.core.access import access

from . import summary
from .access import (
    get_assessment_for_user,
    get_improvement_for_user,
    get_item_for_user,
    services_for,
)
from .forms import ImprovementForm, ItemForm, StartForm
from .history import item_history
from .improvements import improvement_advice, improvement_save
from .models import AssessedRecommendation, ImprovementAction, SelfAssessment
from .services import (
    Evidence,
    assessment_reopen,
    assessment_scope_add,
    assessment_share,
    assessment_sign_off,
    assessment_start,
    item_save,
    scope_recommendations,
)

FORM_METHODS = ("GET", "HEAD", "POST")
CHANGE = "selfassessment.change_selfassessment"
TRACK = "selfassessment.track_improvement"


@access("service_writer", methods=FORM_METHODS)
def assessment_new(request: HttpRequest) -> HttpResponse:
    """Start an assessment: the service, the year, and the scope (every recommendation made to
    youth justice services and their boards, ticked by default)."""
    services = services_for(request.user)
    if not services:
        raise Http404
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
    selected = {int(v) for v in form["recommendations"].value() or [] if str(v).isdigit()}
    return render(
        request,
        "selfassessment/assessment_new.html",
        {"form": form, "groups": list(groups.values()), "selected": selected},
    )


def _item_view(item: AssessedRecommendation) -> summary.ItemView:
    views = summary.item_views(
        AssessedRecommendation.objects.filter(pk=item.pk), today=timezone.localdate()
    )
    return views[0]


@access("assessment_writer", methods=FORM_METHODS)
def item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Answer one recommendation: every line of enquiry, the evidence held, and the rating."""
    item = get_item_for_user(request.user, pk, CHANGE)
    view = _item_view(item)
    stale = None
    if request.method != "POST":
        form = ItemForm(initial=_initial(view), view=view)
        return _item_page(request, item, view, form)
    form = ItemForm(request.POST, request.FILES, view=view)
    if form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                item_save(
                    item=item,
                    version=data["version"],
                    rating=data["rating"],
                    rationale=data["rationale"],
                    answers={
                        line.index: (data[f"answer_{line.index}"], data[f"comment_{line.index}"])
                        for line in view.lines
                    },
                    evidence={
                        s.index: Evidence(
                            held=data[f"held_{s.index}"],
                            link=data[f"link_{s.index}"],
                            note=data[f"note_{s.index}"],
                            file=_file(data[f"file_{s.index}"]),
                        )
                        for s in view.sources
                    },
                    actor=request.user,
                )
        except StaleEdit as exc:
            stale = exc.current
            form = ItemForm(request.POST | {"version": str(stale.version)}, view=view)
            form.is_valid()
            form.add_error(
                None,
                "Someone else saved this recommendation after you opened it. Your answers are "
                "shown below and theirs are kept in its history; save again to replace theirs "
                "with yours.",
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, f"{item.recommendation.display_label} saved")
            return redirect(_next_url(item, request.POST.get("next") == "1"))
    return _item_page(request, item, view, form, stale=stale)


def _file(upload) -> tuple[str, bytes] | None:  # type: ignore[no-untyped-def]
    return (upload.name, upload.read()) if upload else None


def _initial(view: summary.ItemView) -> dict:
    initial: dict = {
        "rating": view.item.rating,
        "rationale": view.item.rationale,
        "version": view.item.version,
    }
    for line in view.lines:
        if line.answer is not None:
            initial[f"answer_{line.index}"] = line.answer.answer
            initial[f"comment_{line.index}"] = line.answer.comment
    for source in view.sources:
        if source.entry is not None:
            initial[f"held_{source.index}"] = source.entry.held
            initial[f"link_{source.index}"] = source.entry.link
            initial[f"note_{source.index}"] = source.entry.note
    return initial


def _next_url(item: AssessedRecommendation, onward: bool) -> str:
    """After saving: the next recommendation in scope, or back to the assessment."""
    if onward:
        following = (
            AssessedRecommendation.objects.filter(assessment_id=item.assessment_id)
            .filter(order__gt=item.order)
            .order_by("order")
            .first()
        )
        if following is not None:
            return reverse("selfassessment:item-edit", args=[following.pk])
    url = reverse("selfassessment:assessment-detail", args=[item.assessment_id])
    return f"{url}#item-{item.pk}"


def _item_page(request, item, view, form, stale=None) -> HttpResponse:  # type: ignore[no-untyped-def]
    return render(
        request,
        "selfassessment/item_edit.html",
        {
            "item": item,
            "assessment": item.assessment,
            "rec": item.recommendation,
            "view": view,
            "form": form,
            "stale": stale,
            "history": item_history(item),
            "last_year": AssessedRecommendation.objects.filter(
                assessment__organisation_id=item.assessment.organisation_id,
                assessment__year__lt=item.assessment.year,
                recommendation_id=item.recommendation_id,
            )
            .select_related("assessment")
            .order_by("-assessment__year")
            .first(),
        },
    )


def _assessment_step(request: HttpRequest, pk: int, perm: str, step, done: str) -> HttpResponse:  # type: ignore[no-untyped-def]
    assessment = get_assessment_for_user(request.user, pk, perm)
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


def _improvement_page(request, item, action) -> HttpResponse:  # type: ignore[no-untyped-def]
    stale = None
    if request.method == "POST":

        def save(data: dict) -> None:
            improvement_save(
                item=item,
                action=action,
                description=data["description"],
                owner_text=data["owner_text"],
                target_text=data["target_text"],
                measure=data["measure"],
                version=data.get("version"),
                actor=request.user,
            )

        form, stale, saved = save_versioned(request, ImprovementForm, save, "action")
        if saved:
            messages.success(request, "Improvement action saved")
            url = reverse("selfassessment:assessment-detail", args=[item.assessment_id])
            return redirect(f"{url}#item-{item.pk}")
    else:
        initial = {"version": action.version} if action else {}
        if action is not None:
            initial.update(
                description=action.description,
                owner_text=action.owner_text,
                target_text=action.target_text,
                measure=action.measure,
            )
        form = ImprovementForm(initial=initial)
    return render(
        request,
        "selfassessment/improvement_edit.html",
        {
            "form": form,
            "item": item,
            "rec": item.recommendation,
            "assessment": item.assessment,
            "action": action,
            "stale": stale,
            "gaps": _item_view(item).gaps,
        },
    )


@access("improvement_writer", methods=FORM_METHODS)
def improvement_new(request: HttpRequest, pk: int) -> HttpResponse:
    """Turn a gap into an improvement action: owner, target, measure."""
    return _improvement_page(request, get_item_for_user(request.user, pk, TRACK), None)


@access("improvement_writer", methods=FORM_METHODS)
def improvement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    action = get_improvement_for_user(request.user, pk, TRACK)
    return _improvement_page(request, action.item, action)


@access("improvement_writer", methods=FORM_METHODS)
def improvement_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """Report progress on an improvement action, exactly as on an action-plan action."""
    action = get_improvement_for_user(request.user, pk, TRACK)
    today = timezone.localdate()
    if request.method == "POST":
        form, update = progress_post(request, action)
        if update is not None:
            messages.success(request, "Progress recorded")
            return redirect("selfassessment:improvement-progress", pk=action.pk)
    else:
        form = ProgressForm(initial={"on": today})
    state = ImprovementAction.objects.with_state(today=today).get(pk=action.pk).state
    return render(
        request,
        "selfassessment/improvement_progress.html",
        {
            "action": action,
            "state": state,
            "item": action.item,
            "rec": action.item.recommendation,
            "assessment": action.item.assessment,
            "form": form,
            "updates": list(action.updates.select_related("author")),
            "advice": improvement_advice(action, plan_date=action.item.assessment.signed_off_on),
        },
    )
