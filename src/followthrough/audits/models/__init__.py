"""Case audits: criteria sets, audits of a service's own cases, double-marking and moderation,
the rating rules, and the service's review of itself against the resettlement standard."""

from .audits import Answer, Audit, AuditCase, Moderation
from .reviews import (
    KEY_QUESTIONS,
    EvidenceCitation,
    KeyQuestionAnswer,
    ReflectionAnswer,
    ReviewImprovement,
    ReviewImprovementUpdate,
    StandardReview,
)
from .sets import (
    ANSWER_LABELS,
    NOT_APPLICABLE,
    CriteriaSet,
    Criterion,
    RatingRules,
    Section,
)

__all__ = [
    "ANSWER_LABELS",
    "KEY_QUESTIONS",
    "NOT_APPLICABLE",
    "Answer",
    "Audit",
    "AuditCase",
    "CriteriaSet",
    "Criterion",
    "EvidenceCitation",
    "KeyQuestionAnswer",
    "Moderation",
    "RatingRules",
    "ReflectionAnswer",
    "ReviewImprovement",
    "ReviewImprovementUpdate",
    "Section",
    "StandardReview",
]
