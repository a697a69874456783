"""Fetching audits, their cases, criteria sets and standard reviews for a user: 404 for anything
they may not see or do, so another service's audit is never confirmed to exist."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404

from followthrough.core.access import allowed
from followthrough.organisations.access import standing_of
from followthrough.organisations.models import Organisation
from followthrough.selfassessment.access import get_item_for_user

from .models import (
    Answer,
    Audit,
    AuditCase,
    CriteriaSet,
    Criterion,
    EvidenceCitation,
    ReviewImprovement,
    ReviewImprovementUpdate,
    Section,
    StandardReview,
)
from .selectors.sets import criteria_owner_choices

VIEW = "audits.view_audit"
WORK = "audits.work_audit"
MANAGE = "audits.manage_audit"


def get_audit_for_user(user: Any, pk: int, *, perm: str = VIEW) -> Audit:
    """An audit the user may read (`perm=WORK` to see its cases, `MANAGE` to run it, or
    `audits.share_audit`)."""
    audit = get_object_or_404(
        Audit.objects.visible_to(user).select_related(
            "organisation", "criteria_set", "rating_rules"
        ),
        pk=pk,
    )
    if not allowed(user, perm, audit):
        raise Http404
    return audit


def get_audit_case_for_user(
    user: Any, audit_pk: int, pk: int, *, marker: int | None = None
) -> AuditCase:
    """A sampled case, to the service's case workers; with `marker`, only to the person assigned
    that marking (the second marker never reaches the first's page, nor the other way round).
    Every fetch is logged as a view of the child's case."""
    audit = get_audit_for_user(user, audit_pk, perm=WORK)
    audit_case = get_object_or_404(
        AuditCase.objects.select_related("case", "first_marker", "second_marker"),
        pk=pk,
        audit=audit,
    )
    audit_case.audit = audit
    if marker is not None:
        assigned = (
            audit_case.first_marker_id if marker == Answer.FIRST else audit_case.second_marker_id
        )
        if assigned is None or assigned != user.pk:
            raise Http404
    return audit_case


def audit_services_for(user: Any) -> list[Organisation]:
    """The services whose audits the user may run: managers who also work its cases."""
    standing = standing_of(user)
    ids = [org for org in standing.case_service_ids if standing.signs_for(org)]
    return list(Organisation.objects.filter(pk__in=ids).order_by("name"))


def get_audit_services_for_user(user: Any) -> list[Organisation]:
    services = audit_services_for(user)
    if not services:
        raise Http404
    return services


def get_criteria_set_for_user(user: Any, pk: int, *, for_write: bool = False) -> CriteriaSet:
    criteria_set = get_object_or_404(CriteriaSet.objects.select_related("owner", "report"), pk=pk)
    perm = "audits.change_criteriaset" if for_write else "audits.view_criteriaset"
    if not allowed(user, perm, criteria_set):
        raise Http404
    return criteria_set


def get_review_for_user(user: Any, pk: int, *, perm: str = "audits.view_review") -> StandardReview:
    review = get_object_or_404(
        StandardReview.objects.visible_to(user).select_related("organisation", "audit"), pk=pk
    )
    if not allowed(user, perm, review):
        raise Http404
    return review


TRACK_IMPROVEMENT = "audits.track_review_improvement"


def get_review_improvement_for_user(
    user: Any, pk: int, *, for_write: bool = False
) -> ReviewImprovement:
    """An improvement action of a review; `for_write` to change it or report progress (writers
    of the service, live after sign-off)."""
    action = get_object_or_404(
        ReviewImprovement.objects.filter(
            review__in=StandardReview.objects.visible_to(user).values("pk")
        ).select_related("review__organisation"),
        pk=pk,
    )
    perm = TRACK_IMPROVEMENT if for_write else "audits.view_review"
    if not allowed(user, perm, action.review):
        raise Http404
    return action


def get_review_improvement_update_file_for_user(user: Any, pk: int) -> ReviewImprovementUpdate:
    """A progress update's evidence file, to whoever may read the review."""
    return get_object_or_404(
        ReviewImprovementUpdate.objects.filter(
            action__review__in=StandardReview.objects.visible_to(user).values("pk")
        ).exclude(evidence_file=""),
        pk=pk,
    )


def get_citation_for_user(user: Any, pk: int) -> EvidenceCitation:
    """A citation, to a writer of the self-assessment item it is on, while the assessment is in
    progress (the item's own rule)."""
    citation = get_object_or_404(EvidenceCitation.objects.select_related("item"), pk=pk)
    citation.item = get_item_for_user(user, citation.item_id, for_write=True)
    return citation


def get_section_for_user(user: Any, set_pk: int, pk: int) -> Section:
    """A section of a set the user may change."""
    criteria_set = get_criteria_set_for_user(user, set_pk, for_write=True)
    section = get_object_or_404(Section, pk=pk, criteria_set=criteria_set)
    section.criteria_set = criteria_set
    return section


def get_criterion_for_user(user: Any, set_pk: int, pk: int) -> Criterion:
    """A criterion of a set the user may change."""
    criteria_set = get_criteria_set_for_user(user, set_pk, for_write=True)
    criterion = get_object_or_404(
        Criterion.objects.select_related("section", "parent__section"),
        pk=pk,
        criteria_set=criteria_set,
    )
    criterion.criteria_set = criteria_set
    return criterion


def get_criteria_owners_for_user(user: Any) -> list[Organisation]:
    """The organisations whose criteria sets the user may create: the inspectorates and youth
    justice services they administer (all of them for superusers); 404 when none."""
    owners = list(criteria_owner_choices(user))
    if not owners:
        raise Http404
    return owners


def ensure_rating_rules_admin(user: Any) -> None:
    """Only the inspectorate's administrators and superusers change the rating rules."""
    if not allowed(user, "audits.change_ratingrules"):
        raise Http404
