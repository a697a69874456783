"""The address a request comes from, for the sign-in lockout.

Behind reverse proxies every connection comes from the last proxy, so a lockout keyed on it
would let one attacker lock a person out for everyone. Each trusted proxy appends the address it
received the request from to X-Forwarded-For; entries to the left of those are whatever the
client wrote and are never believed."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str | None:
    """The connection's address, or with TRUSTED_PROXY_COUNT = N the address the outermost of
    the N proxies saw (the N-th entry of X-Forwarded-For counting from the right)."""
    remote = request.META.get("REMOTE_ADDR")
    proxies = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0))
    if proxies <= 0:
        return remote
    forwarded = [
        part.strip()
        for part in str(request.META.get("HTTP_X_FORWARDED_FOR", "")).split(",")
        if part.strip()
    ]
    if len(forwarded) < proxies:
        return remote  # did not come through the proxies: the connection is the client
    return forwarded[-proxies]
