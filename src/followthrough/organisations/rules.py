"""Who may manage an organisation's members (its administrators and superusers), use the pages
only the inspectorate uses, and read the whole audit log."""

import rules

from .access import standing_of


@rules.predicate
def is_admin_of(user, organisation) -> bool:
    return organisation is not None and standing_of(user).roles.get(organisation.pk) == "admin"


rules.add_perm(
    "organisations.manage_members", rules.is_authenticated & (is_admin_of | rules.is_superuser)
)


@rules.predicate
def sees_all_drafts(user) -> bool:
    return standing_of(user).sees_all_drafts


@rules.predicate
def reads_audit_log(user) -> bool:
    return standing_of(user).reads_audit_log


# The dashboard and imports do not admit to existing for anyone outside the inspectorate.
rules.add_perm("organisations.use_inspectorate_pages", rules.is_authenticated & sees_all_drafts)
rules.add_perm("organisations.read_audit_log", rules.is_authenticated & reads_audit_log)


@rules.predicate
def writes_for_organisation(user, organisation) -> bool:
    return organisation is not None and standing_of(user).writes_for(organisation.pk)


@rules.predicate
def writes_for_any_organisation(user) -> bool:
    return bool(standing_of(user).writer_organisation_ids)


# Contributors, approvers and admins write for their organisation: they start its plans and
# report progress on its actions (each record's own rules say which, and when).
rules.add_perm("organisations.write_for", rules.is_authenticated & writes_for_organisation)
rules.add_perm("organisations.write_for_any", rules.is_authenticated & writes_for_any_organisation)


@rules.predicate
def works_cases(user) -> bool:  # type: ignore[no-untyped-def]
    return bool(standing_of(user).case_service_ids)


# The caseload is for those who work a service's cases: its case managers and managers.
rules.add_perm("organisations.use_caseload", rules.is_authenticated & works_cases)


@rules.predicate
def member_of_a_service(user) -> bool:  # type: ignore[no-untyped-def]
    return bool(standing_of(user).service_ids)


# A service's board pack (aggregates, small numbers suppressed) is for any member of the
# service, its board members included.
rules.add_perm("organisations.read_board_pack", rules.is_authenticated & member_of_a_service)


@rules.predicate
def reads_national_casework(user) -> bool:  # type: ignore[no-untyped-def]
    return standing_of(user).reads_national_casework


# National casework figures, by service and in total, for the YJB and the inspectorates.
rules.add_perm(
    "organisations.read_national_casework", rules.is_authenticated & reads_national_casework
)


@rules.predicate
def administers_a_service(user) -> bool:  # type: ignore[no-untyped-def]
    standing = standing_of(user)
    return any(standing.roles.get(s) == "admin" for s in standing.service_ids)


# Who has looked at which child's case is for the service's administrators.
rules.add_perm("organisations.read_case_access_log", rules.is_authenticated & administers_a_service)
