"""Reads for the member-management pages."""

from __future__ import annotations

from typing import Any

from .access import standing_of
from .models import Membership, Organisation


def members_of(organisation: Organisation) -> list[Membership]:
    """An organisation's memberships, active first, by username."""
    return list(
        organisation.memberships.select_related("user").order_by("-is_active", "user__username")
    )


def organisations_of(user: Any) -> list[Organisation]:
    """The organisations the user is an active member of, by name."""
    ids = standing_of(user).organisation_ids
    return list(Organisation.objects.filter(pk__in=ids).order_by("name"))
