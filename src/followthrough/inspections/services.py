"""Writes to reports and recommendations made by people rather than by an import."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError

from followthrough.core.concurrency import locked_for_edit
from followthrough.core.events import record_event

from .models import Recommendation

CORRECTION_REASON = "Text corrected against the source document"


def recommendation_correct(
    *, recommendation: Recommendation, text: str, version: int | None, actor: Any
) -> Recommendation:
    """Replace a recommendation's text where it was read wrongly from the document. The text as
    first read is kept beside it, and saving marks the text as checked by a person."""
    current = locked_for_edit(recommendation, version)
    text = text.strip()
    if not text:
        raise ValidationError({"text": "Enter the text of the recommendation"})
    before = current.text
    if not current.text_corrected:
        current.text_as_read = current.text
    current.text = text
    current.text_corrected = True
    current.version += 1
    current.full_clean()
    current._history_user = actor
    current._change_reason = CORRECTION_REASON
    current.save()
    record_event(
        current,
        "inspections.recommendation.text_corrected",
        actor=actor,
        data={"before": {"text": before}, "after": {"text": text}},
    )
    return current
