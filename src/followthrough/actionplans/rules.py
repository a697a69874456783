"""Who may see action plans: published plans every signed-in user; drafts only the drafting
organisation, the inspectorate and superusers. `ActionPlanQuerySet.visible_to` is the same rule
for lists and counts; tests/web/test_permission_matrix.py checks the two agree."""

import rules

from followthrough.organisations.access import standing_of


@rules.predicate
def is_published(user, plan) -> bool:
    return plan is not None and plan.status == "published"


@rules.predicate
def drafted_by_users_organisation(user, plan) -> bool:
    return (
        plan is not None and plan.coordinating_organisation_id in standing_of(user).organisation_ids
    )


@rules.predicate
def sees_all_drafts(user) -> bool:
    return standing_of(user).sees_all_drafts


rules.add_perm(
    "actionplans.view_actionplan",
    rules.is_authenticated & (is_published | drafted_by_users_organisation | sees_all_drafts),
)
