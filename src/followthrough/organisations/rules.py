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
