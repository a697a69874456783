"""Webhook deliveries, sent by the worker: one POST per attempt, signed, 10 seconds at most,
redirects not followed."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from typing import Any

from django.db import transaction
from django.utils import timezone

from followthrough.core.tasks import task

from .models import WebhookDelivery
from .selectors import delivery_to_send, may_hear
from .services import url_problem, webhook_attempt_record, webhook_delivery_cancel
from .signing import HEADER, sign

TIMEOUT_SECONDS = 10


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None  # a redirect is an answer like any other: it is recorded, not followed


_opener = urllib.request.build_opener(_NoRedirects)


def _post(url: str, body: bytes, headers: dict[str, str]) -> tuple[int | None, str, str]:
    """The receiver's status and the start of its answer, or the error that stopped it."""
    # Only http(s) addresses get this far: services.url_problem refused every other scheme.
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")  # noqa: S310
    try:
        with _opener.open(request, timeout=TIMEOUT_SECONDS) as response:
            return response.status, response.read(1024).decode("utf-8", "replace"), ""
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read(1024).decode("utf-8", "replace"), ""
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        return None, "", f"Could not connect: {reason}"[:300]


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
    if (
        not endpoint.is_active
        or (delivery.event is not None and not may_hear(endpoint, delivery.event))
        or url_problem(endpoint.url)
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
    status, answer, error = _post(endpoint.url, body, headers)
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
