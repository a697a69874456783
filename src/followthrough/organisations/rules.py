"""Who may manage an organisation's members: its administrators and superusers."""

import rules

from .access import standing_of


@rules.predicate
def is_admin_of(user, organisation) -> bool:
    return organisation is not None and standing_of(user).roles.get(organisation.pk) == "admin"


rules.add_perm(
    "organisations.manage_members", rules.is_authenticated & (is_admin_of | rules.is_superuser)
)
