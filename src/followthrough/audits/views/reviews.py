"""A service's review against the resettlement standard: the list, starting one, the review page,
the key questions and reflection questions, sign-off and sharing, and the improvement actions
that close its gaps."""

from __future__ import annotations

from functools import partial

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from followthrough.actionplans.forms import ProgressForm
from followthrough.actionplans.selectors import progress_updates
from followthrough.actionplans.smart import tracked_advice
from followthrough.actionplans.views.progress import progress_post
from followthrough.core.access import FORM_METHODS, access, allowed
from followthrough.core.forms import apply_errors, save_versioned
from followthrough.core.once import once_per_token
from followthrough.core.uploads import upload_response_for

from ..access import (
    TRACK_IMPROVEMENT,
    get_review_for_user,
    get_review_improvement_for_user,
    get_review_improvement_update_file_for_user,
)
from ..forms.reviews import KeyQuestionForm, ReflectionForm, ReviewImprovementForm, ReviewStartForm
from ..models import KEY_QUESTIONS, ReviewImprovement, StandardReview
from ..selectors.citations import link
from ..selectors.reviews import (
    finished_audits,
    key_question_answer,
    reflection_answer,
    reflection_question,
    review_improvement_state,
    review_page,
    review_services_for,
    reviews_for,
)
from ..services.reviews import (
    CASES,
    GAP_PARTS,
    key_question_save,
    reflection_save,
    review_improvement_save,
    review_share,
    review_sign_off,
    review_start,
)

CHANGE = "audits.change_review"
PARTS = {**{code: text.split(":")[0] for code, text in KEY_QUESTIONS.items()}, CASES: "Cases"}


@access("signed_in")
def review_list(request: HttpRequest) -> HttpResponse:
    """Every review the user may read: their own service's, and those shared with them."""
    return render(
        request,
        "audits/review_list.html",
        {
            "reviews": reviews_for(request.user),
            "can_start": bool(review_services_for(request.user)),
        },
    )


@access("standard_review_starter", methods=FORM_METHODS)
@once_per_token
def review_new(request: HttpRequest) -> HttpResponse:
    """Start the year's review: the service, the year, and the audit its case-based part reads."""
    services = review_services_for(request.user)
    if not services:
        raise Http404
    audits = finished_audits(services)
    initial = {
        "year": timezone.localdate().year,
        "organisation": services[0].pk if len(services) == 1 else None,
    }
    form = ReviewStartForm(
        request.POST or None, initial=initial, organisations=services, audits=audits
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        chosen = next(s for s in services if s.pk == data["organisation"])
        audit = next((a for a in audits if a.pk == data["audit"]), None)
        try:
            if audit is not None and audit.organisation_id != chosen.pk:
                raise ValidationError({"audit": "Select one of this service's finished audits"})
            with transaction.atomic():
                review = review_start(
                    organisation=chosen, year=data["year"], audit=audit, actor=request.user
                )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, f"The {review.year} review has started")
            return redirect("audits:review-detail", pk=review.pk)
    return render(request, "audits/review_new.html", {"form": form})


@access("standard_review_reader")
def review_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The key questions, the case-based part from the audit, the reflection questions beside
    last year's, the improvement actions and the overall summary."""
    review = get_review_for_user(request.user, pk)
    user = request.user
    today = timezone.localdate()
    can_read_audit = review.audit is not None and allowed(user, "audits.view_audit", review.audit)
    return render(
        request,
        "audits/review_detail.html",
        {
            "review": review,
            "page": review_page(review, user=user, today=today),
            "today": today,
            "parts": PARTS,
            "can_change": allowed(user, CHANGE, review),
            "can_sign": allowed(user, "audits.signoff_review", review),
            "can_share": allowed(user, "audits.share_review", review),
            "can_track": allowed(user, TRACK_IMPROVEMENT, review),
            "findings_url": link("audits:audit-findings", review.audit_id)
            if can_read_audit
            else "",
        },
    )


def _back(review: StandardReview, anchor: str) -> str:
    return f"{reverse('audits:review-detail', args=[review.pk])}#{anchor}"


@access("standard_review_writer", methods=FORM_METHODS)
def review_key_question(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    """Answer policy, provision or evaluation: the evidence and a rating."""
    review = get_review_for_user(request.user, pk, perm=CHANGE)
    if code not in KEY_QUESTIONS:
        raise Http404
    answer = key_question_answer(review, code)
    stale = None
    if request.method == "POST":

        def save(data: dict) -> None:
            key_question_save(
                review=review,
                code=code,
                evidence=data["evidence"],
                rating=data["rating"],
                version=data.get("version") or 0,
                actor=request.user,
            )

        form, stale, saved = save_versioned(request, KeyQuestionForm, save, "answer")
        if saved:
            messages.success(request, f"{PARTS[code]} saved")
            return redirect(_back(review, f"kq-{code}"))
    else:
        initial = {"version": answer.version if answer else 0}
        if answer is not None:
            initial.update(evidence=answer.evidence, rating=answer.rating)
        form = KeyQuestionForm(initial=initial)
    return render(
        request,
        "audits/review_key_question.html",
        {
            "review": review,
            "code": code,
            "question": KEY_QUESTIONS[code],
            "form": form,
            "stale": stale,
        },
    )


@access("standard_review_writer", methods=FORM_METHODS)
def review_reflection(request: HttpRequest, pk: int, index: int) -> HttpResponse:
    """Answer one of the practice guide's reflection questions, with a score where it asks."""
    review = get_review_for_user(request.user, pk, perm=CHANGE)
    question = reflection_question(index)
    if question is None:
        raise Http404
    answer = reflection_answer(review, index)
    form_class = partial(ReflectionForm, scored=question.scored)
    stale = None
    if request.method == "POST":

        def save(data: dict) -> None:
            reflection_save(
                review=review,
                index=index,
                question=question.question,
                answer=data["answer"],
                score=data.get("score"),
                answered_on=data["answered_on"],
                version=data.get("version") or 0,
                actor=request.user,
                today=timezone.localdate(),
            )

        form, stale, saved = save_versioned(request, form_class, save, "answer")  # type: ignore[arg-type]
        if saved:
            messages.success(request, "Reflection saved")
            return redirect(_back(review, f"reflection-{index}"))
    else:
        initial: dict = {"version": answer.version if answer else 0}
        if answer is not None:
            initial.update(answer=answer.answer, score=answer.score, answered_on=answer.answered_on)
        form = form_class(initial=initial)
    return render(
        request,
        "audits/review_reflection.html",
        {"review": review, "question": question, "form": form, "stale": stale},
    )


def _step(request: HttpRequest, pk: int, perm: str, step, done: str) -> HttpResponse:  # type: ignore[no-untyped-def]
    review = get_review_for_user(request.user, pk, perm=perm)
    try:
        with transaction.atomic():
            step(review)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, done)
    return redirect("audits:review-detail", pk=review.pk)


@access("standard_review_signer", methods=("POST",))
def review_signoff(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        "audits.signoff_review",
        lambda r: review_sign_off(review=r, actor=request.user, today=timezone.localdate()),
        "The review is signed off. Its answers are now read-only; its improvement actions stay "
        "open for progress updates",
    )


@access("standard_review_signer", methods=("POST",))
def review_share_view(request: HttpRequest, pk: int) -> HttpResponse:
    choice = request.POST.get("shared")

    def share(review: StandardReview) -> None:
        if choice not in ("yes", "no"):
            raise ValidationError("Select whether the inspectorate may read this review")
        review_share(review=review, shared=choice == "yes", actor=request.user)

    done = (
        "The inspectorate can now read this review"
        if choice == "yes"
        else "The inspectorate can no longer read this review"
    )
    return _step(request, pk, "audits.share_review", share, done)


def _improvement_page(
    request: HttpRequest, review: StandardReview, code: str, action: ReviewImprovement | None
) -> HttpResponse:
    stale = None
    if request.method == "POST":

        def save(data: dict) -> None:
            review_improvement_save(
                review=review,
                action=action,
                key_question=code,
                description=data["description"],
                owner_text=data["owner_text"],
                target_text=data["target_text"],
                measure=data["measure"],
                version=data.get("version"),
                actor=request.user,
            )

        form, stale, saved = save_versioned(request, ReviewImprovementForm, save, "action")
        if saved:
            messages.success(request, "Improvement action saved")
            return redirect(_back(review, f"kq-{code}"))
    else:
        initial: dict = {"version": action.version} if action else {}
        if action is not None:
            initial.update(
                description=action.description,
                owner_text=action.owner_text,
                target_text=action.target_text,
                measure=action.measure,
            )
        form = ReviewImprovementForm(initial=initial)
    return render(
        request,
        "audits/review_improvement_edit.html",
        {
            "review": review,
            "part": PARTS.get(code, "Cases"),
            "code": code,
            "action": action,
            "form": form,
            "stale": stale,
        },
    )


@access("standard_review_writer", methods=FORM_METHODS)
@once_per_token
def review_improvement_new(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    """Turn a gap in a key question (or in the cases) into an improvement action."""
    review = get_review_for_user(request.user, pk, perm=TRACK_IMPROVEMENT)
    if code not in GAP_PARTS:
        raise Http404
    return _improvement_page(request, review, code, None)


@access("standard_review_writer", methods=FORM_METHODS)
def review_improvement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    action = get_review_improvement_for_user(request.user, pk, for_write=True)
    return _improvement_page(request, action.review, action.key_question or CASES, action)


@access("standard_review_writer", methods=FORM_METHODS)
@once_per_token
def review_improvement_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """Report progress on an improvement action, exactly as on an action-plan action."""
    action = get_review_improvement_for_user(request.user, pk, for_write=True)
    today = timezone.localdate()
    if request.method == "POST":
        form, update = progress_post(request, action)
        if update is not None:
            messages.success(request, "Progress recorded")
            return redirect("audits:review-improvement-progress", pk=action.pk)
    else:
        form = ProgressForm(initial={"on": today})
    return render(
        request,
        "audits/review_improvement_progress.html",
        {
            "action": action,
            "review": action.review,
            "part": PARTS.get(action.key_question, "Cases"),
            "state": review_improvement_state(action, today=today),
            "form": form,
            "updates": progress_updates(action),
            "advice": tracked_advice(action, plan_date=action.review.signed_off_on),
        },
    )


@access("standard_review_reader")
def review_improvement_update_file(request: HttpRequest, pk: int) -> HttpResponse:
    return upload_response_for(get_review_improvement_update_file_for_user(request.user, pk))
