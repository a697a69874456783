"""Writes for casework. Callers hold the transaction; every change is recorded with who made it
(field history) and every view of a case with who looked (the access log)."""

from .cases import CASE_FIELDS, case_open, case_update, case_view_record, case_views_record
from .records import meeting_record, outcome_record
from .retention import CASE_TEXT, case_anonymise, cases_due_for_retention
from .tasks import task_add, task_due, task_update, tasks_redate

__all__ = [
    "CASE_FIELDS",
    "CASE_TEXT",
    "case_anonymise",
    "case_open",
    "case_update",
    "case_view_record",
    "case_views_record",
    "cases_due_for_retention",
    "meeting_record",
    "outcome_record",
    "task_add",
    "task_due",
    "task_update",
    "tasks_redate",
]
