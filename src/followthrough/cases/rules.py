"""Who may read and change a case and its tasks. A case is its service's: its case managers and
managers read and write it. A partner agency reads and updates only the tasks it owns. Nobody
else reads a case record, superusers and inspectors included: they see aggregates."""

from __future__ import annotations

import rules

from followthrough.organisations.access import standing_of


@rules.predicate
def works_the_case(user, case) -> bool:  # type: ignore[no-untyped-def]
    return case is not None and standing_of(user).works_cases_of(case.service_id)


@rules.predicate
def case_open(user, case) -> bool:  # type: ignore[no-untyped-def]
    return case is not None and case.closed_on is None and case.anonymised_on is None


@rules.predicate
def works_the_tasks_case(user, task) -> bool:  # type: ignore[no-untyped-def]
    return task is not None and standing_of(user).works_cases_of(task.case.service_id)


@rules.predicate
def owns_the_task(user, task) -> bool:  # type: ignore[no-untyped-def]
    return task is not None and task.owner_id in standing_of(user).task_owner_ids


@rules.predicate
def writes_for_the_owner(user, task) -> bool:  # type: ignore[no-untyped-def]
    return task is not None and standing_of(user).updates_tasks_of(task.owner_id)


@rules.predicate
def tasks_case_open(user, task) -> bool:  # type: ignore[no-untyped-def]
    return task is not None and case_open(user, task.case)


rules.add_perm("cases.view_case", rules.is_authenticated & works_the_case)
rules.add_perm("cases.change_case", rules.is_authenticated & works_the_case & case_open)
rules.add_perm("cases.view_task", rules.is_authenticated & (works_the_tasks_case | owns_the_task))
rules.add_perm(
    "cases.change_task",
    rules.is_authenticated & (works_the_tasks_case | writes_for_the_owner) & tasks_case_open,
)
