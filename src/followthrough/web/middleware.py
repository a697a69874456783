"""Second factor: a user who has an authenticator, or whose organisation requires one, reaches
nothing but the sign-in, two-factor and public pages until they have entered a code. Request
ids: every request carries one, in its response and in every log line written while serving it."""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django_otp.plugins.otp_totp.models import TOTPDevice

from followthrough.core.logs import request_id
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


# An id the load balancer gives is kept when it is plainly an id (a UUID, a trace id), never text.
SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{8,128}")
requests_log = logging.getLogger("followthrough.requests")


class RequestIdMiddleware:
    """First in the chain: takes the caller's X-Request-ID when sane or makes one, sets it on the
    response, and logs one line for the request with the user's id (never a name), the path (not
    the query, which may hold what someone searched for), the status and the time taken."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        given = request.headers.get("X-Request-ID", "")
        current = given if SANE_REQUEST_ID.fullmatch(given) else uuid.uuid4().hex
        token = request_id.set(current)
        started = time.monotonic()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = current
            # The user as the authentication middleware already read them: never a query here.
            user = getattr(request, "_cached_user", None)
            requests_log.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "user_id": user.pk if user is not None and user.is_authenticated else None,
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.monotonic() - started) * 1000, 1),
                },
            )
            return response
        finally:
            request_id.reset(token)
