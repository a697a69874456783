"""Field history for every domain model, with the acting user's organisations at the time.

`organisations` fills `history_organisations` as each historical row is written (see
organisations/apps.py), so the audit trail says which body a person acted for even after their
memberships change.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from simple_history.models import HistoricalRecords


class AuditedHistory(models.Model):
    history_organisations = models.CharField(
        max_length=300,
        blank=True,
        help_text="Short names of the acting user's organisations when the change was made.",
    )

    class Meta:
        abstract = True


def audited_history(**kwargs: Any) -> HistoricalRecords:
    return HistoricalRecords(bases=[AuditedHistory], **kwargs)
