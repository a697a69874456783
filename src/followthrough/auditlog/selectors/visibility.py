"""Who may read which record's history and events: the history of a record follows the record's
own visibility."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Exists, OuterRef, Q

from followthrough.core.models import DomainEvent
from followthrough.organisations.access import standing_of

# Records whose history is read only by those who may read the record: the path from each model
# to the record whose visible_to decides (the record itself when the path is empty). Reports,
# recommendations, organisations and memberships are open to every reader of the log, and so are
# criteria sets, their sections and criteria, and rating rules: reference data.
VISIBLE_THROUGH: dict[str, tuple[str, str]] = {
    "actionplans.ActionPlan": ("actionplans.ActionPlan", ""),
    "actionplans.Response": ("actionplans.ActionPlan", "action_plan"),
    "actionplans.Action": ("actionplans.ActionPlan", "response__action_plan"),
    "actionplans.ProgressUpdate": ("actionplans.ActionPlan", "action__response__action_plan"),
    "actionplans.TargetRevision": ("actionplans.ActionPlan", "action__response__action_plan"),
    "selfassessment.SelfAssessment": ("selfassessment.SelfAssessment", ""),
    "selfassessment.AssessedRecommendation": ("selfassessment.SelfAssessment", "assessment"),
    "selfassessment.EnquiryAnswer": ("selfassessment.SelfAssessment", "item__assessment"),
    "selfassessment.EvidenceHeld": ("selfassessment.SelfAssessment", "item__assessment"),
    "selfassessment.ImprovementAction": ("selfassessment.SelfAssessment", "item__assessment"),
    "selfassessment.ImprovementUpdate": (
        "selfassessment.SelfAssessment",
        "action__item__assessment",
    ),
    "audits.EvidenceCitation": ("selfassessment.SelfAssessment", "item__assessment"),
    "audits.Audit": ("audits.Audit", ""),
    "audits.StandardReview": ("audits.StandardReview", ""),
    "audits.KeyQuestionAnswer": ("audits.StandardReview", "review"),
    "audits.ReflectionAnswer": ("audits.StandardReview", "review"),
    "audits.ReviewImprovement": ("audits.StandardReview", "review"),
    "audits.ReviewImprovementUpdate": ("audits.StandardReview", "action__review"),
}

# Children's case records, and a case audit's sampled cases, answers and moderation: their
# history only to the service's own case workers (the lookup from each model to the service's
# id). Superusers and the inspectorate never read them: they hold children's case notes.
CASE_WORKERS_ONLY: dict[str, str] = {
    "cases.Case": "service_id",
    "cases.CasePathway": "case__service_id",
    "cases.Contact": "case__service_id",
    "cases.Meeting": "case__service_id",
    "cases.Outcome": "case__service_id",
    "cases.ReleaseDay": "case__service_id",
    "cases.Task": "case__service_id",
    "audits.AuditCase": "audit__organisation_id",
    "audits.Answer": "audit_case__audit__organisation_id",
    "audits.Moderation": "audit_case__audit__organisation_id",
}


def _visible_ids(
    model: type[models.Model], user: Any, known: dict[str, Any] | None = None
) -> Any | None:
    """The ids of the model's records the user may read, as a subquery; None when every reader
    of the log may read them all. `known` keeps the subqueries built for one reader, so a page
    that asks for many builds each once."""
    known = {} if known is None else known
    label = model._meta.label
    if label in known:
        return known[label]
    if label in CASE_WORKERS_ONLY:
        services = standing_of(user).case_service_ids
        lookup = f"{CASE_WORKERS_ONLY[label]}__in"
        known[label] = model._default_manager.filter(**{lookup: services}).values("pk")
        return known[label]
    rule = VISIBLE_THROUGH.get(label)
    if rule is None:
        return None
    root_label, path = rule
    if not path:
        records: Any = model._default_manager  # every root's manager reads visible_to
        known[label] = records.visible_to(user).values("pk")
        return known[label]
    visible_roots = _visible_ids(apps.get_model(root_label), user, known)
    known[label] = model._default_manager.filter(**{f"{path}__in": visible_roots}).values("pk")
    return known[label]


def _sees_none(model: type[models.Model], user: Any) -> bool:
    """Whether the user may read none of the model's records: children's case records to anyone
    who works no service's cases. (_visible_ids then matches nothing; this says so without a
    query.)"""
    return model._meta.label in CASE_WORKERS_ONLY and not standing_of(user).case_service_ids


def _restricted_with_events() -> set[int]:
    """The content types of restricted records that have any event, in one query (an index seek
    each): the others need no visibility test."""
    restricted = [
        ContentType.objects.get_for_model(apps.get_model(label)).pk
        for label in [*VISIBLE_THROUGH, *CASE_WORKERS_ONLY]
    ]
    return set(
        ContentType.objects.filter(pk__in=restricted)
        .filter(Exists(DomainEvent.objects.filter(content_type=OuterRef("pk"))))
        .values_list("pk", flat=True)
    )


def _visible_events(
    user: Any, known: dict[str, Any] | None = None, present: set[int] | None = None
) -> Q:
    """Events about records of the restricted models only where the user may read the record.
    With `present` (_restricted_with_events), the kinds of record with no event are left out
    whole rather than tested record by record."""
    condition = Q()
    for label in [*VISIBLE_THROUGH, *CASE_WORKERS_ONLY]:
        model = apps.get_model(label)
        content_type = ContentType.objects.get_for_model(model)
        if _sees_none(model, user) or (present is not None and content_type.pk not in present):
            condition &= ~Q(content_type=content_type)
            continue
        visible: Any = _visible_ids(model, user, known)  # never None for these records
        # A correlated EXISTS, not IN: only the events read are checked, instead of every
        # visible record's id being gathered first.
        condition &= ~Q(content_type=content_type) | Q(
            Exists(visible.filter(pk=OuterRef("object_id")))
        )
    return condition
