"""Who may see action plans: published plans are open to every signed-in user; drafts wait for
the roles issue, until then only plans ingested as published exist."""

import rules


@rules.predicate
def is_published(user, plan) -> bool:
    return plan is None or plan.status == "published"


rules.add_perm("actionplans.view_actionplan", rules.is_authenticated & is_published)
