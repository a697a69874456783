"""The action-plan write side: every change to a plan, response, action, target, progress update
or review goes through one of these functions. Callers (views, commands) hold the transaction."""

from .actions import (
    EVIDENCE_KINDS,
    TARGET_HELP,
    action_save,
    progress_update_add,
    target_revision_decide,
    target_revision_propose,
    tracked_commit,
    tracked_fill,
)
from .plans import (
    action_plan_find_or_start,
    action_plan_publish,
    action_plan_start,
    action_plan_status_as_at_set,
    action_plan_submit,
    response_record,
    submit_problems,
)
from .reviews import review_record
from .versions import (
    amendment_begin,
    plan_snapshot,
    snapshot_changes,
    version_record,
    version_refresh,
)

__all__ = [
    "EVIDENCE_KINDS",
    "TARGET_HELP",
    "action_plan_find_or_start",
    "action_plan_publish",
    "action_plan_start",
    "action_plan_status_as_at_set",
    "action_plan_submit",
    "action_save",
    "amendment_begin",
    "plan_snapshot",
    "progress_update_add",
    "response_record",
    "review_record",
    "snapshot_changes",
    "submit_problems",
    "target_revision_decide",
    "target_revision_propose",
    "tracked_commit",
    "tracked_fill",
    "version_record",
    "version_refresh",
]
