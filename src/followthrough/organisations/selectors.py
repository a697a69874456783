"""Reads for the member-management pages."""

from __future__ import annotations

from .models import Membership, Organisation


def members_of(organisation: Organisation) -> list[Membership]:
    """An organisation's memberships, active first, by username."""
    return list(
        organisation.memberships.select_related("user").order_by("-is_active", "user__username")
    )
