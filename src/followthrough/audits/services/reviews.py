"""Writing a service's review against the resettlement standard: starting one a year, the three
key questions and the practice guide's reflection questions, sign-off, sharing, and the gaps as
improvement actions tracked like every other action. Callers hold the transaction."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError

from followthrough.actionplans.services import tracked_commit
from followthrough.core.concurrency import locked_for_edit
from followthrough.core.events import record_event
from followthrough.organisations.models import Organisation
from followthrough.selfassessment.models import Rating

from ..models import (
    KEY_QUESTIONS,
    Audit,
    KeyQuestionAnswer,
    ReflectionAnswer,
    ReviewImprovement,
    StandardReview,
)

# A reflection question that asks for a score out of 10: "On a scale from 1 to 10, how would you
# rate …", "… out of 10", "(1-10)".
SCORE_RE = re.compile(
    r"scale\s+(?:from|of)\s+(?:1|one)\s+to\s+(?:10|ten)|out\s+of\s+(?:10|ten)\b|\b1\s*[-–]\s*10\b",
    re.IGNORECASE,
)
EARLIEST_YEAR, LATEST_YEAR = 2015, 2099
# Where a gap is found: a key question, or the case-based part read from the audit.
CASES = "cases"
GAP_PARTS = {*KEY_QUESTIONS, CASES}


def asks_for_score(question: str) -> bool:
    return bool(SCORE_RE.search(question))


def review_start(
    *, organisation: Organisation, year: int, audit: Audit | None, actor: Any
) -> StandardReview:
    """A service's review for the year (one a year), optionally reading its case-based part from
    one of the service's finished audits."""
    errors: dict[str, str] = {}
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        errors["year"] = f"Enter a year between {EARLIEST_YEAR} and {LATEST_YEAR}"
    elif StandardReview.objects.filter(organisation=organisation, year=year).exists():
        errors["year"] = f"{organisation.short_name} already has a {year} review"
    if audit is not None and (
        audit.organisation_id != organisation.pk or audit.status != Audit.Status.FINISHED
    ):
        errors["audit"] = "Select one of the service's finished audits"
    if errors:
        raise ValidationError(errors)
    review = StandardReview(
        organisation=organisation,
        year=year,
        audit=audit,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    review._history_user = actor
    review.full_clean()
    review.save()
    record_event(
        review,
        "audits.review.started",
        actor=actor,
        data={"year": year, "audit": audit.pk if audit else None},
    )
    return review


def _open(review: StandardReview) -> StandardReview:
    """The review as saved, locked so that two first answers to one question take turns."""
    current = StandardReview.objects.select_for_update().get(pk=review.pk)
    if current.status != StandardReview.Status.IN_PROGRESS:
        raise ValidationError("A signed-off review is read-only; its improvement actions stay open")
    return current


def key_question_save(
    *,
    review: StandardReview,
    code: str,
    evidence: str,
    rating: str,
    version: int | None,
    actor: Any,
) -> KeyQuestionAnswer:
    """Answer policy, provision or evaluation with its evidence and a rating on the four-point
    scale. A form opened before someone else saved is refused (StaleEdit)."""
    if code not in KEY_QUESTIONS:
        raise ValidationError("Select policy, provision or evaluation")
    current = _open(review)
    row = KeyQuestionAnswer.objects.filter(review=current, code=code).first()
    if row is None:
        if version not in (None, 0):
            raise ValidationError("Open the page again: this answer is not where the form expected")
        row = KeyQuestionAnswer(review=current, code=code, version=0)
    else:
        row = locked_for_edit(row, version)
    errors: dict[str, str] = {}
    if rating and rating not in Rating.values:
        errors["rating"] = "Select a rating from the four-point scale"
    if rating and not evidence.strip():
        errors["evidence"] = "Enter the evidence for the rating: what shows it"
    if errors:
        raise ValidationError(errors)
    before = row.rating
    row.evidence, row.rating = evidence.strip(), rating
    row.version += 1
    _save(row, actor)
    record_event(
        current,
        "audits.review.key_question_answered",
        actor=actor,
        data={"code": code, "rating": {"from": before, "to": rating}},
    )
    return row


def reflection_save(
    *,
    review: StandardReview,
    index: int,
    question: str,
    answer: str,
    score: int | None,
    answered_on: date | None,
    version: int | None,
    actor: Any,
    today: date,
) -> ReflectionAnswer:
    """Answer one of the practice guide's reflection questions, dated; a question asking for a
    score out of 10 keeps one from 1 to 10, to compare year on year."""
    current = _open(review)
    row = ReflectionAnswer.objects.filter(review=current, index=index).first()
    if row is None:
        if version not in (None, 0):
            raise ValidationError("Open the page again: this answer is not where the form expected")
        row = ReflectionAnswer(review=current, index=index, version=0)
    else:
        row = locked_for_edit(row, version)
    errors: dict[str, str] = {}
    scored = asks_for_score(question)
    if score is not None and not scored:
        errors["score"] = "This question does not ask for a score"
    elif (score is not None and not 1 <= score <= 10) or (
        scored and answer.strip() and score is None
    ):
        errors["score"] = "Enter a score from 1 to 10"
    if answered_on is not None and answered_on > today:
        errors["answered_on"] = "The date answered must be today or in the past"
    if answered_on is not None and answered_on.year < EARLIEST_YEAR:
        errors["answered_on"] = f"The date answered must be in {EARLIEST_YEAR} or later"
    if errors:
        raise ValidationError(errors)
    row.question = question
    row.answer = answer.strip()
    row.score = score
    row.answered_on = answered_on or (today if (answer.strip() or score) else None)
    row.version += 1
    _save(row, actor)
    record_event(
        current,
        "audits.review.reflection_answered",
        actor=actor,
        data={"index": index, "score": score},
    )
    return row


def review_sign_off(*, review: StandardReview, actor: Any, today: date) -> StandardReview:
    """A manager signs the review off once each key question is rated with its evidence; it is
    then read-only, though its improvement actions stay open."""
    current = _open(review)
    answers = {a.code: a for a in current.answers.all()}
    problems = [
        f"{text.split(':')[0]}: rate it and give the evidence"
        for code, text in KEY_QUESTIONS.items()
        if code not in answers or not answers[code].rating or not answers[code].evidence
    ]
    if problems:
        raise ValidationError(problems)
    current.status = StandardReview.Status.SIGNED_OFF
    current.signed_off_by = actor
    current.signed_off_on = today
    current.version += 1
    current._history_user = actor
    current.save()
    record_event(current, "audits.review.signed_off", actor=actor, data={})
    return current


def review_share(*, review: StandardReview, shared: bool, actor: Any) -> StandardReview:
    """The service lets the inspectorate read the review, or stops it doing so."""
    if review.shared_with_inspectorate != shared:
        review.shared_with_inspectorate = shared
        review._history_user = actor
        review.save()
        record_event(
            review,
            "audits.review.shared" if shared else "audits.review.unshared",
            actor=actor,
            data={"shared": shared},
        )
    return review


def review_improvement_save(
    *,
    review: StandardReview,
    action: ReviewImprovement | None,
    key_question: str,
    description: str,
    owner_text: str,
    target_text: str,
    measure: str,
    version: int | None,
    actor: Any,
) -> ReviewImprovement:
    """Turn a gap the review found into an improvement action, or change one: the target read as
    every target is, so overdue, SMART and reminders mean what they mean for plan actions."""
    if action is not None:
        current: ReviewImprovement = locked_for_edit(action, version)
    else:
        if key_question not in GAP_PARTS:
            raise ValidationError("Select policy, provision, evaluation or the cases")
        current = ReviewImprovement(
            review=review, key_question=key_question, order=review.improvements.count()
        )
    if not description.strip():
        raise ValidationError({"description": "Enter what will be done"})
    tracked_commit(
        current,
        changed=action is not None,
        actor=actor,
        description=description,
        owner_text=owner_text,
        target_text=target_text,
        measure=measure,
    )
    return current


def _save(row: Any, actor: Any) -> None:
    row._history_user = actor
    row.full_clean()
    row.save()


__all__ = [
    "CASES",
    "GAP_PARTS",
    "SCORE_RE",
    "asks_for_score",
    "key_question_save",
    "reflection_save",
    "review_improvement_save",
    "review_share",
    "review_sign_off",
    "review_start",
]
