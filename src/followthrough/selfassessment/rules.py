"""Who may see and change a self-assessment: the service's own members; the inspectorate only
when the service shares it; superusers. `SelfAssessmentQuerySet.visible_to` is the same rule for
lists."""

from __future__ import annotations

import rules

from followthrough.organisations.access import standing_of


def _role(user, assessment) -> str | None:  # type: ignore[no-untyped-def]
    return standing_of(user).roles.get(assessment.organisation_id)


@rules.predicate
def member_of_service(user, assessment) -> bool:
    return assessment is not None and _role(user, assessment) is not None


@rules.predicate
def shared_with_inspectorate(user, assessment) -> bool:
    return (
        assessment is not None
        and assessment.shared_with_inspectorate
        and standing_of(user).is_inspectorate
    )


@rules.predicate
def in_progress(user, assessment) -> bool:
    return assessment is not None and assessment.status == "in_progress"


@rules.predicate
def writes_for_service(user, assessment) -> bool:
    return assessment is not None and standing_of(user).writes_for(assessment.organisation_id)


@rules.predicate
def signs_for_service(user, assessment) -> bool:
    return assessment is not None and standing_of(user).signs_for(assessment.organisation_id)


rules.add_perm(
    "selfassessment.view_selfassessment",
    rules.is_authenticated & (member_of_service | shared_with_inspectorate | rules.is_superuser),
)
rules.add_perm(
    "selfassessment.change_selfassessment",
    rules.is_authenticated & in_progress & (writes_for_service | rules.is_superuser),
)
rules.add_perm(
    "selfassessment.signoff_selfassessment",
    rules.is_authenticated & in_progress & (signs_for_service | rules.is_superuser),
)
# Reopening is checked on the status by the service, so a refusal can say why.
rules.add_perm(
    "selfassessment.reopen_selfassessment",
    rules.is_authenticated & (signs_for_service | rules.is_superuser),
)
rules.add_perm(
    "selfassessment.share_selfassessment",
    rules.is_authenticated & (signs_for_service | rules.is_superuser),
)
# The improvement plan stays live after sign-off: the service keeps reporting progress on it.
rules.add_perm(
    "selfassessment.track_improvement",
    rules.is_authenticated & (writes_for_service | rules.is_superuser),
)
