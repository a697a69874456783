"""Second factor: a user who has an authenticator, or whose organisation requires one, reaches
nothing but the sign-in, two-factor and public pages until they have entered a code."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django_otp.plugins.otp_totp.models import TOTPDevice

from followthrough.organisations.access import standing_of

OPEN_VIEWS = {"two-factor-verify", "two-factor-setup", "logout", "login"}


class TwoFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Any, args: Any, kwargs: Any
    ) -> HttpResponse | None:
        user = request.user
        if not user.is_authenticated or user.is_verified():  # type: ignore[union-attr]
            return None
        match = request.resolver_match
        name = match.url_name if match else None
        if name in OPEN_VIEWS or getattr(view, "access_rule", None) == "public":
            return None
        has_device = TOTPDevice.objects.filter(user=user, confirmed=True).exists()
        if has_device:
            return redirect(
                f"{reverse('two-factor-verify')}?{urlencode({'next': request.get_full_path()})}"
            )
        if standing_of(user).two_factor_required:
            return redirect(
                f"{reverse('two-factor-setup')}?{urlencode({'next': request.get_full_path()})}"
            )
        return None
