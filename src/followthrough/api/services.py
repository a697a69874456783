"""Writes: personal API tokens made, revoked and marked as used; the requests sent with an
Idempotency-Key; history rows of API writes marked as made through the API."""

from __future__ import annotations

import hashlib
import secrets
from datetime import date, datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from followthrough.core.events import VIA

from .models import ApiToken, IdempotencyKey

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


THROUGH_THE_API = "Through the API"


def history_mark_via_api(sender: Any, history_instance: Any, **kwargs: Any) -> None:
    """A history row written while an API write runs says so in its reason, beside any reason
    the change already gave. Audit metadata only: it writes onto the row being created."""
    if VIA.get() != "api":
        return
    reason = (history_instance.history_change_reason or "").strip()
    history_instance.history_change_reason = (
        f"{reason} ({THROUGH_THE_API.lower()})" if reason else THROUGH_THE_API
    )


def idempotency_claim(*, user: Any, key: str, request_hash: str) -> tuple[IdempotencyKey, bool]:
    """Claim a key for this person, locked until the caller's transaction ends: (claim, True) if
    it is new; (the earlier claim, False) once a simultaneous first request has finished."""
    try:
        with transaction.atomic():
            return IdempotencyKey.objects.create(
                user_id=user.pk, key=key, request_hash=request_hash
            ), True
    except IntegrityError:
        earlier = IdempotencyKey.objects.select_for_update().filter(user_id=user.pk, key=key)
        found = earlier.first()
        if found is None:  # the first request created nothing and let its key go
            return IdempotencyKey.objects.create(
                user_id=user.pk, key=key, request_hash=request_hash
            ), True
        return found, False


def idempotency_settle(*, claim: IdempotencyKey, status: int, body: Any) -> None:
    """Keep the answer a successful first request gave, to answer again."""
    claim.status, claim.body = status, body
    claim.save(update_fields=["status", "body"])


def idempotency_release(*, claim: IdempotencyKey) -> None:
    """A request that created nothing (refused, or in error) does not spend its key."""
    claim.delete()
