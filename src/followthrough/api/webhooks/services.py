"""Writes for webhooks: register and disable endpoints, queue a delivery for each endpoint that
may hear of an event, and record each attempt with its retry. Callers hold the transaction."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from followthrough.core.models import DomainEvent
from followthrough.organisations.models import Organisation

from .models import MAX_ATTEMPTS, RETRY_MINUTES, WebhookAttempt, WebhookDelivery, WebhookEndpoint
from .selectors import endpoints_wanting, may_hear, payload_for
from .signing import new_secret

LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}


def _addresses(host: str) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError):
        return []
    return [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]


# Addresses that carry an IPv4 address inside (NAT64, 6to4): judged by the address they carry.
NAT64 = ipaddress.ip_network("64:ff9b::/96")
LOCAL_NAT64 = ipaddress.ip_network("64:ff9b:1::/48")


def _inside(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Whether a connection to it could reach a private, local or multicast network."""
    if isinstance(address, ipaddress.IPv6Address):
        if address in LOCAL_NAT64:
            return True
        carried = address.ipv4_mapped or address.sixtofour
        if carried is None and address in NAT64:
            carried = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if carried is not None and _inside(carried):
            return True
    return not address.is_global or address.is_multicast


def url_problem(url: str) -> str | None:
    """Why a receiver's address is refused, or None (see `checked_addresses`)."""
    return checked_addresses(url)[0]


def checked_addresses(url: str) -> tuple[str | None, list[str]]:
    """Why a receiver's address is refused, or the IP addresses to send to, in the order found.
    HTTPS only, to a host on the internet: refused if any address it resolves to is private,
    loopback, link-local or multicast, or carries such an IPv4 address (the server would
    otherwise call into its own network). The sender connects only to the addresses returned,
    never resolving the host again: a host that answers public addresses to this check and a
    private one a moment later (DNS rebinding) cannot steer the POST inside.
    WEBHOOKS_ALLOW_LOOPBACK lets tests use 127.0.0.1."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    loopback_allowed = settings.WEBHOOKS_ALLOW_LOOPBACK and host in LOOPBACK_HOSTS
    if parts.scheme != "https" and not (loopback_allowed and parts.scheme == "http"):
        return "Enter an address that starts with https://", []
    if not host or parts.username or parts.password:
        return "Enter the address of the receiver, like https://example.com/webhooks", []
    try:
        parts.port  # noqa: B018 (reading it is the check: a port out of range raises)
    except ValueError:
        return "Enter the address of the receiver, like https://example.com/webhooks", []
    if loopback_allowed:
        return None, ["127.0.0.1" if host == "localhost" else host]
    addresses = _addresses(host)
    if not addresses:
        return "Enter an address whose host can be found", []
    if any(_inside(a) for a in addresses):
        return "Enter an address on the internet: private and local addresses cannot receive", []
    return None, list(dict.fromkeys(str(a) for a in addresses))


def webhook_endpoint_register(
    *, organisation: Organisation, url: str, events: Iterable[str], actor: Any
) -> WebhookEndpoint:
    """A new active endpoint with a new secret, which the page shows once."""
    problem = url_problem(url)
    if problem:
        raise ValidationError({"url": problem})
    chosen = [e for e in WebhookEndpoint.Event.values if e in set(events)]
    if not chosen:
        raise ValidationError({"events": "Select at least one event"})
    endpoint = WebhookEndpoint(
        organisation=organisation, url=url, events=chosen, secret=new_secret(), created_by=actor
    )
    endpoint.full_clean()
    endpoint._history_user = actor
    endpoint.save()
    return endpoint


def webhook_endpoint_disable(*, endpoint: WebhookEndpoint, actor: Any) -> WebhookEndpoint:
    """Nothing more is sent to it; it and its deliveries stay listed."""
    if not endpoint.is_active:
        raise ValidationError("This endpoint is already disabled")
    endpoint.is_active = False
    endpoint.disabled_at = timezone.now()
    endpoint._history_user = actor
    endpoint.save()
    endpoint.deliveries.filter(
        status__in=[WebhookDelivery.Status.PENDING, WebhookDelivery.Status.RETRYING]
    ).update(status=WebhookDelivery.Status.CANCELLED, next_attempt_at=None)
    return endpoint


def _send_later(delivery: WebhookDelivery, run_after: datetime | None = None) -> None:
    from .tasks import deliver_webhook  # the task calls these services: imported when needed

    def enqueue() -> None:
        task = deliver_webhook.using(run_after=run_after) if run_after else deliver_webhook
        task.enqueue(delivery.pk)

    transaction.on_commit(enqueue)


def webhook_deliveries_queue(*, event_ids: Iterable[int]) -> list[WebhookDelivery]:
    """A delivery, sent in the background, to each active endpoint that asked for the event and
    may hear of its record."""
    made = []
    for event in DomainEvent.objects.filter(pk__in=list(event_ids)).select_related("content_type"):
        for endpoint in endpoints_wanting(event.code):
            if not may_hear(endpoint, event):
                continue
            payload = payload_for(endpoint, event)
            delivery, created = WebhookDelivery.objects.get_or_create(
                endpoint=endpoint,
                event=event,
                defaults={"event_type": payload["type"], "payload": payload},
            )
            if created:
                _send_later(delivery)
                made.append(delivery)
    return made


def webhook_test_send(*, endpoint: WebhookEndpoint, actor: Any) -> WebhookDelivery:
    """A test event, so an administrator can check their receiver answers."""
    if not endpoint.is_active:
        raise ValidationError("Enable this endpoint to send it a test event")
    delivery = WebhookDelivery.objects.create(endpoint=endpoint, event_type="ping", payload={})
    delivery.payload = {
        "id": f"test_{delivery.pk}",
        "type": "ping",
        "occurred_at": delivery.created_at.isoformat(),
        "subject": {"kind": "webhook_endpoint", "id": endpoint.pk, "url": None},
        "data": {},
    }
    delivery.save(update_fields=["payload"])
    _send_later(delivery)
    return delivery


def webhook_delivery_cancel(*, delivery: WebhookDelivery) -> None:
    """Not sent: the endpoint was disabled, or may no longer hear of the record."""
    delivery.status = WebhookDelivery.Status.CANCELLED
    delivery.next_attempt_at = None
    delivery.save(update_fields=["status", "next_attempt_at", "updated_at"])


def webhook_attempt_record(
    *,
    delivery: WebhookDelivery,
    sent_at: datetime,
    status_code: int | None,
    response_body: str,
    error: str,
    duration_ms: int,
) -> WebhookAttempt:
    """Keep what the receiver answered; after a failure, try again later (1 minute, then 5, 30,
    2 hours and 12 hours), and after the last attempt the delivery has failed."""
    delivery.attempts += 1
    attempt = WebhookAttempt.objects.create(
        delivery=delivery,
        number=delivery.attempts,
        sent_at=sent_at,
        status_code=status_code,
        response_body=response_body[:1024],
        error=error[:300],
        duration_ms=duration_ms,
    )
    if attempt.succeeded:
        delivery.status, delivery.next_attempt_at = WebhookDelivery.Status.DELIVERED, None
    elif delivery.attempts >= MAX_ATTEMPTS:
        delivery.status, delivery.next_attempt_at = WebhookDelivery.Status.FAILED, None
    else:
        wait = timedelta(minutes=RETRY_MINUTES[delivery.attempts - 1])
        delivery.status = WebhookDelivery.Status.RETRYING
        delivery.next_attempt_at = sent_at + wait
        _send_later(delivery, run_after=delivery.next_attempt_at)
    delivery.save(update_fields=["status", "attempts", "next_attempt_at", "updated_at"])
    return attempt
