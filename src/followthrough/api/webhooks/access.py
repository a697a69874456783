"""The fetches webhook pages use: an organisation's endpoints are for its administrators (and
superusers), as its members page is; everyone else gets 404."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404

from followthrough.organisations.access import get_organisation_for_user
from followthrough.organisations.models import Organisation

from .models import WebhookEndpoint


def get_webhook_organisation_for_user(user: Any, pk: int) -> Organisation:
    return get_organisation_for_user(user, pk, for_write=True)


def get_endpoint_for_user(user: Any, organisation_pk: int, pk: int) -> WebhookEndpoint:
    """An endpoint of an organisation the user administers."""
    organisation = get_organisation_for_user(user, organisation_pk, for_write=True)
    return get_object_or_404(
        WebhookEndpoint.objects.select_related("organisation"), pk=pk, organisation=organisation
    )
