"""Webhook deliveries, sent by the worker: one POST per attempt, signed, 10 seconds at most,
redirects not followed, to the address the host was checked at."""

from __future__ import annotations

import http.client
import json
import socket
import ssl
import time
from urllib.parse import urlsplit

from django.db import transaction
from django.utils import timezone

from followthrough.core.tasks import task

from .models import WebhookDelivery
from .selectors import delivery_to_send, may_hear
from .services import checked_addresses, webhook_attempt_record, webhook_delivery_cancel
from .signing import HEADER, sign

TIMEOUT_SECONDS = 10


def tls_context() -> ssl.SSLContext:
    """The system's trusted authorities, the host name checked (tests trust their own)."""
    return ssl.create_default_context()


class _PinnedHTTP(http.client.HTTPConnection):
    """Connects to the checked addresses, each in turn until one answers; the Host header still
    names the host."""

    def __init__(self, host: str, port: int, *, addresses: list[str]) -> None:
        # The port is given, so an IPv6 literal host is taken whole, never split at a colon.
        super().__init__(host, port, timeout=TIMEOUT_SECONDS)
        self.addresses = addresses

    def connect(self) -> None:
        failure: OSError = OSError("no address to connect to")
        for address in self.addresses:
            try:
                self.sock = socket.create_connection((address, self.port), self.timeout)
                return
            except OSError as exc:
                failure = exc
        raise failure


class _PinnedHTTPS(_PinnedHTTP):
    default_port = http.client.HTTPS_PORT

    def connect(self) -> None:
        super().connect()
        # The certificate must name the host, whatever address it was reached at.
        self.sock = tls_context().wrap_socket(self.sock, server_hostname=self.host)


def _post(
    url: str, addresses: list[str], body: bytes, headers: dict[str, str]
) -> tuple[int | None, str, str]:
    """The receiver's status and the start of its answer, or the error that stopped it.
    A redirect is an answer like any other: it is recorded, not followed."""
    parts = urlsplit(url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    # Only http(s) addresses get this far: services.checked_addresses refused every other scheme.
    kind = _PinnedHTTPS if parts.scheme == "https" else _PinnedHTTP
    connection = None
    try:
        port = parts.port or kind.default_port
        connection = kind(parts.hostname or "", port, addresses=addresses)
        connection.request("POST", target, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, response.read(1024).decode("utf-8", "replace"), ""
    except (OSError, ValueError, http.client.HTTPException) as exc:
        return None, "", f"Could not connect: {exc}"[:300]
    finally:
        if connection is not None:
            connection.close()


@task()
def deliver_webhook(delivery_id: int) -> str:
    """Send one delivery once; says what became of it."""
    delivery = delivery_to_send(delivery_id)
    if delivery is None or delivery.status not in (
        WebhookDelivery.Status.PENDING,
        WebhookDelivery.Status.RETRYING,
    ):
        return "gone"
    endpoint = delivery.endpoint
    # Checked again now: the endpoint may have been disabled, its registrant may have left,
    # the record may have become unreadable, or the host may now resolve somewhere private.
    problem, addresses = checked_addresses(endpoint.url)
    if (
        not endpoint.is_active
        or (delivery.event is not None and not may_hear(endpoint, delivery.event))
        or problem
    ):
        with transaction.atomic():
            webhook_delivery_cancel(delivery=delivery)
        return "cancelled"
    body = json.dumps(delivery.payload, separators=(",", ":")).encode()
    sent_at = timezone.now()
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "Followthrough-Webhooks/1",
        HEADER: sign(body, secret=endpoint.secret, timestamp=int(sent_at.timestamp())),
        "Followthrough-Event": delivery.event_type,
        "Followthrough-Delivery": str(delivery.pk),
    }
    started = time.monotonic()
    status, answer, error = _post(endpoint.url, addresses, body, headers)
    duration_ms = int((time.monotonic() - started) * 1000)
    with transaction.atomic():
        webhook_attempt_record(
            delivery=delivery,
            sent_at=sent_at,
            status_code=status,
            response_body=answer,
            error=error,
            duration_ms=duration_ms,
        )
    return delivery.status
