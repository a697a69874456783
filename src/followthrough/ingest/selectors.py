"""Reads for the import pages."""

from __future__ import annotations

from typing import Any

from .models import ImportReview

RECENT_REVIEWS = 50


def import_reviews_recent() -> Any:
    """The imports waiting for review first, then the newest decided, at most fifty."""
    return ImportReview.objects.select_related("created_by", "source").order_by(
        "status", "-created_at"
    )[:RECENT_REVIEWS]
