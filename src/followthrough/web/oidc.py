"""Optional OpenID Connect sign-in (mozilla-django-oidc), on only when OIDC_RP_CLIENT_ID is set.

Only people who already have an account (invited by their organisation's admin) can sign in
this way: the identity provider proves who they are, Followthrough still decides what they see.
"""

from __future__ import annotations

from typing import Any

from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView

from followthrough.core.events import record_event


class OIDCBackend(OIDCAuthenticationBackend):
    def verify_claims(self, claims: dict[str, Any]) -> bool:
        # A provider that says the address is unverified must not vouch for it.
        return bool(claims.get("email")) and claims.get("email_verified", True) is not False

    def filter_users_by_claims(self, claims: dict[str, Any]) -> Any:
        return super().filter_users_by_claims(claims).filter(is_active=True)


class CallbackView(OIDCAuthenticationCallbackView):
    def login_success(self) -> Any:
        response = super().login_success()
        record_event(
            self.user,
            "accounts.user.signed_in",
            actor=self.user,
            data={"address": self.request.META.get("REMOTE_ADDR", ""), "method": "openid_connect"},
        )
        return response
