"""Which self-assessments a user may see: the same rule as selfassessment/rules.py, for lists and
counts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models

from followthrough.organisations.access import standing_of

if TYPE_CHECKING:
    from .models import SelfAssessment  # noqa: F401


class SelfAssessmentQuerySet(models.QuerySet["SelfAssessment"]):
    def visible_to(self, user: Any) -> SelfAssessmentQuerySet:
        """The service's own assessments; shared ones for the inspectorate; all for superusers."""
        standing = standing_of(user)
        if not getattr(user, "is_authenticated", False):
            return self.none()
        if standing.is_superuser:
            return self
        visible = models.Q(organisation_id__in=standing.organisation_ids)
        if standing.is_inspectorate:
            visible |= models.Q(shared_with_inspectorate=True)
        return self.filter(visible)
