"""Writes for case audits; callers hold the transaction."""

from .audits import audit_case_assign, audit_create, audit_draw, population
from .citations import MEASURES, citation_add, citation_withdraw
from .criteria import (
    CriterionRow,
    criteria_set_replace,
    criteria_set_update,
    criterion_add,
    criterion_remove,
    criterion_update,
    section_add,
    section_remove,
    section_update,
)
from .marking import (
    Given,
    answers_record,
    asked,
    audit_finish,
    audit_share,
    disagreements,
    marking_finish,
    moderation_record,
)
from .reviews import (
    asks_for_score,
    key_question_save,
    reflection_save,
    review_improvement_save,
    review_share,
    review_sign_off,
    review_start,
)
from .rules_table import rating_rules_current, rating_rules_record
from .sets import (
    criteria_set_create,
    criteria_set_from_report,
    criteria_set_new_version,
    criteria_set_publish,
    ensure_draft,
)

__all__ = [
    "MEASURES",
    "CriterionRow",
    "Given",
    "answers_record",
    "asked",
    "asks_for_score",
    "audit_case_assign",
    "audit_create",
    "audit_draw",
    "audit_finish",
    "audit_share",
    "citation_add",
    "citation_withdraw",
    "criteria_set_create",
    "criteria_set_from_report",
    "criteria_set_new_version",
    "criteria_set_publish",
    "criteria_set_replace",
    "criteria_set_update",
    "criterion_add",
    "criterion_remove",
    "criterion_update",
    "disagreements",
    "ensure_draft",
    "key_question_save",
    "marking_finish",
    "moderation_record",
    "population",
    "rating_rules_current",
    "rating_rules_record",
    "reflection_save",
    "review_improvement_save",
    "review_share",
    "review_sign_off",
    "review_start",
    "section_add",
    "section_remove",
    "section_update",
]
