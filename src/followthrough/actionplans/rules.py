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


# Writing: the workflow's views check these through actionplans/access.py; docs/security.md
# lists them and tests/actionplans/test_rules.py checks every role against that table. The role
# sets are organisations.models.WRITERS, read through each user's standing.
def _role(user, organisation_id) -> str | None:
    return standing_of(user).roles.get(organisation_id)


@rules.predicate
def writes_for_response(user, response) -> bool:
    if response is None:
        return False
    plan_org = response.action_plan.coordinating_organisation_id
    standing = standing_of(user)
    return standing.writes_for(response.responding_organisation_id) or standing.writes_for(plan_org)


@rules.predicate
def writes_for_action(user, action) -> bool:
    if action is None:
        return False
    return standing_of(user).writes_for(action.owner_organisation_id) or writes_for_response(
        user, action.response
    )


@rules.predicate
def approves_for_plan(user, plan) -> bool:
    return plan is not None and _role(user, plan.coordinating_organisation_id) == "approver"


@rules.predicate
def is_inspectorate_reviewer(user) -> bool:
    return standing_of(user).is_reviewer


rules.add_perm(
    "actionplans.change_response",
    rules.is_authenticated & (writes_for_response | rules.is_superuser),
)
rules.add_perm(
    "actionplans.change_action", rules.is_authenticated & (writes_for_action | rules.is_superuser)
)
rules.add_perm(
    "actionplans.submit_actionplan",
    rules.is_authenticated & (approves_for_plan | rules.is_superuser),
)
rules.add_perm(
    "actionplans.publish_actionplan",
    rules.is_authenticated & (approves_for_plan | rules.is_superuser),
)
rules.add_perm(
    "actionplans.add_review",
    rules.is_authenticated & (is_inspectorate_reviewer | rules.is_superuser),
)
rules.add_perm(
    "actionplans.mark_historic_actionplan",
    rules.is_authenticated & (is_inspectorate_reviewer | rules.is_superuser) & is_published,
)


@rules.predicate
def plan_is_draft(user, response) -> bool:
    return response is not None and response.action_plan.status == "draft"


rules.add_perm(
    "actionplans.edit_draft_response",
    rules.is_authenticated & (writes_for_response | rules.is_superuser) & plan_is_draft,
)


@rules.predicate
def plan_is_published(user, response) -> bool:
    return response is not None and response.action_plan.status == "published"


# A published plan is amended, never overwritten: each change, with its reason, is a new version.
rules.add_perm(
    "actionplans.amend_response",
    rules.is_authenticated
    & (writes_for_response | rules.is_superuser)
    & (plan_is_draft | plan_is_published),
)


@rules.predicate
def action_plan_is_published(user, action) -> bool:
    return action is not None and action.response.action_plan.status == "published"


rules.add_perm(
    "actionplans.add_progress",
    rules.is_authenticated & (writes_for_action | rules.is_superuser) & action_plan_is_published,
)


@rules.predicate
def approves_for_action(user, revision) -> bool:
    if revision is None:
        return False
    response = revision.action.response
    return "approver" in (
        _role(user, response.action_plan.coordinating_organisation_id),
        _role(user, response.responding_organisation_id),
    )


rules.add_perm(
    "actionplans.decide_target",
    rules.is_authenticated & (approves_for_action | rules.is_superuser),
)
