"""How the API knows who is calling: a personal token (`Authorization: Bearer ft_…`) or the
browser's session (with its CSRF check); what a token's scope allows; throttling per token."""

from __future__ import annotations

from typing import Any

from django.core.cache import caches
from django.utils import timezone
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import exceptions, permissions, throttling
from rest_framework.authentication import BaseAuthentication, get_authorization_header

from .models import ApiToken
from .selectors import token_presented
from .services import token_mark_used


class BearerTokenAuthentication(BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request: Any) -> tuple[Any, ApiToken] | None:
        parts = get_authorization_header(request).decode("latin-1").split()
        if not parts or parts[0].lower() != self.keyword.lower():
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed("Give one token after Bearer")
        token = token_presented(parts[1])
        if token is None or not token.usable_on(timezone.localdate()):
            raise exceptions.AuthenticationFailed(
                "The token is not valid, has expired or was revoked"
            )
        if not token.owner.is_active:
            raise exceptions.AuthenticationFailed("The token's owner can no longer sign in")
        token_mark_used(token=token, now=timezone.now())
        return token.owner, token

    def authenticate_header(self, request: Any) -> str:
        return self.keyword


class TokenScope(permissions.BasePermission):
    """A read-only token may only read; the browser's session may do what its user may."""

    message = "This token can only read: create a read and write token to make changes"

    def has_permission(self, request: Any, view: Any) -> bool:
        if request.method in permissions.SAFE_METHODS or not isinstance(request.auth, ApiToken):
            return True
        return request.auth.writes_allowed


class TokenRateThrottle(throttling.SimpleRateThrottle):
    """Each token has its own allowance; the browser's session is throttled per user."""

    scope = "token"
    # Counted in the database, so every web process and machine draws on one allowance.
    cache = caches["shared"]

    def get_cache_key(self, request: Any, view: Any) -> str | None:
        if isinstance(request.auth, ApiToken):
            ident = f"token-{request.auth.pk}"
        elif request.user and request.user.is_authenticated:
            ident = f"user-{request.user.pk}"
        else:
            ident = self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}


class BearerTokenScheme(OpenApiAuthenticationExtension):
    """How the schema describes the token: an HTTP bearer scheme."""

    target_class = BearerTokenAuthentication
    name = "personalToken"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A personal API token from your account page: ft_ and 8 characters, "
            "an underscore, then the secret.",
        }
