"""The fetches views use for API tokens: a person reaches only their own; others get 404."""

from __future__ import annotations

from typing import Any

from django.http import Http404

from .models import ApiToken


def get_token_for_user(user: Any, pk: int, *, for_write: bool = False) -> ApiToken:
    token = ApiToken.objects.filter(owner_id=user.pk, pk=pk).first()
    if token is None or (for_write and token.revoked_at is not None):
        raise Http404
    return token
