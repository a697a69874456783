"""Writes for casework. Callers hold the transaction; every change is recorded with who made it
(field history) and every view of a case with who looked (the access log)."""

from .cases import (
    CASE_FIELDS,
    case_close,
    case_open,
    case_support_update,
    case_update,
    case_view_record,
    case_views_record,
)
from .records import (
    PATHWAY_FIELDS,
    contact_record,
    meeting_record,
    outcome_record,
    pathway_update,
    release_record,
)
from .retention import CASE_TEXT, case_anonymise, cases_due_for_retention
from .rules import milestone_rules_set, reference_data_ensure
from .tasks import task_add, task_due, task_update, tasks_redate

__all__ = [
    "CASE_FIELDS",
    "CASE_TEXT",
    "PATHWAY_FIELDS",
    "case_anonymise",
    "case_close",
    "case_open",
    "case_support_update",
    "case_update",
    "case_view_record",
    "case_views_record",
    "cases_due_for_retention",
    "contact_record",
    "meeting_record",
    "milestone_rules_set",
    "outcome_record",
    "pathway_update",
    "reference_data_ensure",
    "release_record",
    "task_add",
    "task_due",
    "task_update",
    "tasks_redate",
]
