"""Field history for every domain model, with the acting user's organisations at the time.

`organisations` fills `history_organisations` as each historical row is written (see
organisations/apps.py), so the audit trail says which body a person acted for even after their
memberships change.
"""

from __future__ import annotations

import zlib
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


class _IndexedHistory(HistoricalRecords):  # type: ignore[misc]
    """Each record's versions indexed in order: the audit trail compares every version with the
    one before it, and without this index that look-up reads all of a record's versions, so a
    long trail's download grew with the square of its length."""

    def get_meta_options(self, model: type[models.Model]) -> dict[str, Any]:
        options: dict[str, Any] = super().get_meta_options(model)
        # A stable name that says what it is; the checksum keeps long model names apart.
        label = model._meta.label_lower
        name = f"{label.split('.')[1][:16]}_hv_{zlib.crc32(label.encode()):08x}"
        options["indexes"] = (
            models.Index(fields=(model._meta.pk.attname, "history_date"), name=name),
        )
        return options


def audited_history(**kwargs: Any) -> HistoricalRecords:
    return _IndexedHistory(bases=[AuditedHistory], **kwargs)
