"""Who may see and do what with case audits, criteria sets, the rating rules and standard
reviews. An audit is its service's: every member reads its findings (board members included),
its case workers see the sampled cases and mark the ones assigned to them, its managers run it.
The inspectorate reads findings only where the service shared them; superusers read findings;
partner agencies nothing. Nobody outside the service sees a sampled case. `querysets.py` is the
same rule for lists."""

from __future__ import annotations

import rules

from followthrough.organisations.access import standing_of


def _service(record) -> int | None:  # type: ignore[no-untyped-def]
    return getattr(record, "organisation_id", None)


@rules.predicate
def member_of_service(user, record) -> bool:  # type: ignore[no-untyped-def]
    standing = standing_of(user)
    return record is not None and _service(record) in (
        standing.service_ids & standing.organisation_ids
    )


@rules.predicate
def shared_with_inspectorate(user, record) -> bool:  # type: ignore[no-untyped-def]
    return (
        record is not None and record.shared_with_inspectorate and standing_of(user).is_inspectorate
    )


@rules.predicate
def works_cases_of_service(user, record) -> bool:  # type: ignore[no-untyped-def]
    return record is not None and standing_of(user).works_cases_of(_service(record))


@rules.predicate
def signs_for_service(user, record) -> bool:  # type: ignore[no-untyped-def]
    return record is not None and standing_of(user).signs_for(_service(record))


@rules.predicate
def writes_for_service(user, record) -> bool:  # type: ignore[no-untyped-def]
    return record is not None and standing_of(user).writes_for(_service(record))


@rules.predicate
def audit_open(user, audit) -> bool:  # type: ignore[no-untyped-def]
    return audit is not None and audit.status != "finished"


@rules.predicate
def review_open(user, review) -> bool:  # type: ignore[no-untyped-def]
    return review is not None and review.status == "in_progress"


@rules.predicate
def owns_set(user, criteria_set) -> bool:  # type: ignore[no-untyped-def]
    """Administrators of the organisation that owns the set: the inspectorate's for its sets, a
    service's for its own."""
    standing = standing_of(user)
    return criteria_set is not None and standing.roles.get(criteria_set.owner_id) == "admin"


@rules.predicate
def is_inspectorate_admin(user) -> bool:  # type: ignore[no-untyped-def]
    return standing_of(user).is_inspectorate_admin


can_read = rules.is_authenticated & (
    member_of_service | shared_with_inspectorate | rules.is_superuser
)
rules.add_perm("audits.view_audit", can_read)
rules.add_perm("audits.work_audit", rules.is_authenticated & works_cases_of_service)
rules.add_perm(
    "audits.manage_audit",
    rules.is_authenticated & works_cases_of_service & signs_for_service & audit_open,
)
rules.add_perm("audits.share_audit", rules.is_authenticated & signs_for_service)
# Criteria sets are reference data every signed-in user may read; their owners change them.
rules.add_perm("audits.view_criteriaset", rules.is_authenticated)
rules.add_perm(
    "audits.change_criteriaset", rules.is_authenticated & (owns_set | rules.is_superuser)
)
rules.add_perm(
    "audits.change_ratingrules",
    rules.is_authenticated & (is_inspectorate_admin | rules.is_superuser),
)
rules.add_perm("audits.view_review", can_read)
rules.add_perm("audits.change_review", rules.is_authenticated & review_open & writes_for_service)
rules.add_perm("audits.signoff_review", rules.is_authenticated & review_open & signs_for_service)
rules.add_perm("audits.share_review", rules.is_authenticated & signs_for_service)
rules.add_perm("audits.track_review_improvement", rules.is_authenticated & writes_for_service)
