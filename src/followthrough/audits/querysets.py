"""Who sees which audits and standard reviews: the same rule as audits/rules.py, for lists."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models

from followthrough.organisations.access import standing_of

if TYPE_CHECKING:
    from .models import Audit, StandardReview  # noqa: F401


def _visible(user: Any) -> models.Q | None:
    """The service's own members (its board members read findings too); the inspectorate where
    the service shared it; superusers. Partner agencies see nothing. None means nothing."""
    if not getattr(user, "is_authenticated", False):
        return None
    standing = standing_of(user)
    if standing.is_superuser:
        return models.Q()
    visible = models.Q(organisation_id__in=standing.service_ids & standing.organisation_ids)
    if standing.is_inspectorate:
        visible |= models.Q(shared_with_inspectorate=True)
    return visible


class AuditQuerySet(models.QuerySet["Audit"]):
    def visible_to(self, user: Any) -> AuditQuerySet:
        visible = _visible(user)
        return self.none() if visible is None else self.filter(visible)


class StandardReviewQuerySet(models.QuerySet["StandardReview"]):
    def visible_to(self, user: Any) -> StandardReviewQuerySet:
        visible = _visible(user)
        return self.none() if visible is None else self.filter(visible)
