"""A service's review against the resettlement standard as its page shows it: the three key
questions with their evidence and ratings, the case-based part read live from the linked audit,
the practice guide's reflection questions with this year's and last year's answers, the
improvement actions with their state and SMART advice, and an overall summary. A fixed number of
queries, however many answers, questions or actions."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from followthrough.actionplans.smart import Advice, tracked_advice
from followthrough.core.access import allowed
from followthrough.inspections.models import Report
from followthrough.organisations.access import standing_of
from followthrough.organisations.models import Organisation

from ..models import (
    KEY_QUESTIONS,
    Audit,
    KeyQuestionAnswer,
    ReflectionAnswer,
    ReviewImprovement,
    StandardReview,
)
from ..ratings import KeyQuestionRating, StandardRating, rate_standard
from ..services.reviews import asks_for_score
from .findings import AuditFindings, audit_findings


def reviews_for(user: Any) -> list[StandardReview]:
    """Every review the user may read: their own service's, and those shared with them."""
    return list(
        StandardReview.objects.visible_to(user)
        .select_related("organisation", "audit")
        .order_by("organisation__name", "-year")
    )


def review_services_for(user: Any) -> list[Organisation]:
    """The youth justice services the user writes for: they may start a review for them."""
    return list(
        Organisation.objects.filter(
            pk__in=standing_of(user).writer_organisation_ids,
            kind=Organisation.Kind.YOUTH_JUSTICE_SERVICE,
        ).order_by("name")
    )


def finished_audits(services: list[Organisation]) -> list[Audit]:
    """The services' finished audits, newest first: what a review's case-based part reads."""
    return list(
        Audit.objects.filter(organisation__in=services, status=Audit.Status.FINISHED)
        .select_related("organisation")
        .order_by("-finished_on", "-pk")
    )


@dataclass(frozen=True)
class Question:
    index: int
    perspective: str
    question: str

    @property
    def scored(self) -> bool:
        """The question asks for a score out of 10."""
        return asks_for_score(self.question)


def practice_guide() -> Report | None:
    """The resettlement effective practice guide (the newest, where more than one is held)."""
    guides = Report.objects.filter(kind=Report.Kind.PRACTICE_GUIDE).order_by("-published", "-pk")
    return guides.filter(title__icontains="resettlement").first() or guides.first()


def reflection_questions(guide: Report | None) -> list[Question]:
    """The guide's reflection questions, as extracted, each by its position."""
    found = (guide.guide or {}).get("reflection_questions", []) if guide is not None else []
    return [
        Question(i, str(q.get("perspective", "")), str(q.get("question", "")))
        for i, q in enumerate(found)
        if q.get("question")
    ]


def reflection_question(index: int) -> Question | None:
    return next((q for q in reflection_questions(practice_guide()) if q.index == index), None)


@dataclass
class KeyQuestionView:
    code: str
    text: str
    answer: KeyQuestionAnswer | None
    previous: KeyQuestionAnswer | None
    improvements: list[ImprovementView] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.text.split(":")[0]


@dataclass
class ReflectionView:
    question: Question
    answer: ReflectionAnswer | None
    previous: ReflectionAnswer | None

    @property
    def change(self) -> int | None:
        """This year's score less last year's, where both were given."""
        if self.answer is None or self.previous is None:
            return None
        if self.answer.score is None or self.previous.score is None:
            return None
        return self.answer.score - self.previous.score


@dataclass(frozen=True)
class ImprovementView:
    action: ReviewImprovement
    advice: list[Advice]


@dataclass
class ReviewPage:
    review: StandardReview
    key_questions: list[KeyQuestionView]
    findings: AuditFindings | None
    reflections: list[ReflectionView]
    previous: StandardReview | None
    previous_findings: AuditFindings | None
    improvements: list[ImprovementView]
    overall: StandardRating
    previous_overall: StandardRating | None
    guide: Report | None
    # In place of the case-based part's findings when the reader may not read the audit.
    findings_withheld: str = ""
    previous_findings_withheld: str = ""

    @property
    def case_improvements(self) -> list[ImprovementView]:
        """The gaps found in the case-based part."""
        return [i for i in self.improvements if i.action.key_question not in KEY_QUESTIONS]


def _overall(
    answers: dict[str, KeyQuestionAnswer], findings: AuditFindings | None
) -> StandardRating:
    """The review read as the inspectorate reads a standard: its lowest part, the case-based
    part included."""
    parts = [
        KeyQuestionRating(text.split(":")[0], answers[code].rating, None)
        for code, text in KEY_QUESTIONS.items()
        if code in answers and answers[code].rating
    ]
    if findings is not None and findings.standard.rating:
        parts.append(KeyQuestionRating("Cases", findings.standard.rating, None))
    return rate_standard(parts)


WITHHELD = "The case audit behind this part is not shared"


def _findings(audit: Audit | None, outsider: bool, user: Any) -> tuple[AuditFindings | None, str]:
    """The linked audit's findings, or why they are not shown: a shared review does not share
    an audit the service has not shared."""
    if audit is None:
        return None, ""
    if not allowed(user, "audits.view_audit", audit):
        return None, WITHHELD
    return audit_findings(audit, outsider=outsider, compare=False), ""


def _matched(answers: list[ReflectionAnswer], question: Question) -> ReflectionAnswer | None:
    """Last year's answer to the same question: the same words, else the same position."""
    same = [a for a in answers if a.question.strip() == question.question.strip()]
    if same:
        return same[0]
    return next((a for a in answers if a.index == question.index), None)


def previous_review(review: StandardReview, *, user: Any) -> StandardReview | None:
    """The service's latest earlier review that the user may read (a shared review does not
    show last year's unshared one)."""
    return (
        StandardReview.objects.visible_to(user)
        .filter(organisation_id=review.organisation_id, year__lt=review.year)
        .select_related("audit__criteria_set")
        .prefetch_related("answers", "reflections")
        .order_by("-year")
        .first()
    )


def review_page(review: StandardReview, *, user: Any, today: date) -> ReviewPage:
    """Everything the review page shows, in a fixed number of queries."""
    outsider = review.organisation_id not in standing_of(user).organisation_ids
    answers = {a.code: a for a in review.answers.all()}
    mine = list(review.reflections.all())
    previous = previous_review(review, user=user)
    before = {a.code: a for a in previous.answers.all()} if previous else {}
    before_reflections = list(previous.reflections.all()) if previous else []
    actions = [
        ImprovementView(a, tracked_advice(a, plan_date=review.signed_off_on))
        for a in ReviewImprovement.objects.filter(review=review)
        .with_state(today=today)
        .order_by("order", "id")
    ]
    key_questions = [
        KeyQuestionView(
            code,
            text,
            answers.get(code),
            before.get(code),
            [i for i in actions if i.action.key_question == code],
        )
        for code, text in KEY_QUESTIONS.items()
    ]
    guide = practice_guide()
    by_index = {a.index: a for a in mine}
    reflections = [
        ReflectionView(q, by_index.get(q.index), _matched(before_reflections, q))
        for q in reflection_questions(guide)
    ]
    findings, findings_withheld = _findings(review.audit, outsider, user)
    previous_findings, previous_withheld = (
        _findings(previous.audit, outsider, user) if previous else (None, "")
    )
    return ReviewPage(
        review=review,
        key_questions=key_questions,
        findings=findings,
        reflections=reflections,
        previous=previous,
        previous_findings=previous_findings,
        improvements=actions,
        overall=_overall(answers, findings),
        previous_overall=_overall(before, previous_findings) if previous else None,
        guide=guide,
        findings_withheld=findings_withheld,
        previous_findings_withheld=previous_withheld,
    )


def key_question_answer(review: StandardReview, code: str) -> KeyQuestionAnswer | None:
    return review.answers.filter(code=code).first()


def reflection_answer(review: StandardReview, index: int) -> ReflectionAnswer | None:
    return review.reflections.filter(index=index).first()


def review_improvement_state(action: ReviewImprovement, *, today: date) -> str:
    """The action's state as of today (overdue, due soon…), read as every list reads it."""
    state: str = ReviewImprovement.objects.with_state(today=today).get(pk=action.pk).state
    return state


__all__ = [
    "ImprovementView",
    "KeyQuestionView",
    "Question",
    "ReflectionView",
    "ReviewPage",
    "finished_audits",
    "key_question_answer",
    "practice_guide",
    "previous_review",
    "reflection_answer",
    "reflection_question",
    "reflection_questions",
    "review_improvement_state",
    "review_page",
    "review_services_for",
    "reviews_for",
]
