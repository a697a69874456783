"""Writes: personal API tokens made, revoked and marked as used."""

from __future__ import annotations

import hashlib
import secrets
from datetime import date, datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError

from .models import ApiToken

TOKEN_START = "ft_"
LIFETIMES = (30, 90, 365)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def token_create(
    *, owner: Any, name: str, scope: str, days: int, today: date
) -> tuple[ApiToken, str]:
    """Make a token and return it with its secret, which is shown once and never stored."""
    if days not in LIFETIMES:
        raise ValidationError({"days": "Select when the token expires"})
    prefix = secrets.token_hex(4)
    token = f"{TOKEN_START}{prefix}_{secrets.token_urlsafe(32)}"
    record = ApiToken(
        owner=owner,
        name=name.strip(),
        scope=scope,
        prefix=prefix,
        secret_hash=token_hash(token),
        expires_on=today + timedelta(days=days),
    )
    record.full_clean()
    record._history_user = owner
    record._change_reason = "Token created"
    record.save()
    return record, token


def token_revoke(*, token: ApiToken, actor: Any, now: datetime) -> ApiToken:
    """Stop a token working; the record stays, with its history."""
    if token.revoked_at is not None:
        raise ValidationError("This token has already been revoked")
    token.revoked_at = now
    token._history_user = actor
    token._change_reason = "Token revoked"
    token.save(update_fields=["revoked_at", "updated_at"])
    return token


def token_mark_used(*, token: ApiToken, now: datetime) -> None:
    """Record when a token was last used, at most once a minute and without a history row."""
    if token.last_used_at and now - token.last_used_at < timedelta(minutes=1):
        return
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    token.last_used_at = now
