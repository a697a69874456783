"""Writes for case audits; callers hold the transaction."""

from .audits import audit_case_assign, audit_create, audit_draw, population
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
from .rules_table import rating_rules_current, rating_rules_record
from .sets import (
    criteria_set_create,
    criteria_set_from_report,
    criteria_set_new_version,
    criteria_set_publish,
    ensure_draft,
)

__all__ = [
    "Given",
    "answers_record",
    "asked",
    "audit_case_assign",
    "audit_create",
    "audit_draw",
    "audit_finish",
    "audit_share",
    "criteria_set_create",
    "criteria_set_from_report",
    "criteria_set_new_version",
    "criteria_set_publish",
    "disagreements",
    "ensure_draft",
    "marking_finish",
    "moderation_record",
    "population",
    "rating_rules_current",
    "rating_rules_record",
]
