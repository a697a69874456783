"""Webhook deliveries against a real receiver on loopback: signed, retried with backoff, and
only about records the endpoint's organisation can read."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.db import transaction
from django.utils import timezone

from followthrough.actionplans.models import Action
from followthrough.actionplans.services import progress_update_add
from followthrough.api.webhooks.models import WebhookDelivery, WebhookEndpoint
from followthrough.api.webhooks.services import (
    webhook_endpoint_disable,
    webhook_endpoint_register,
)
from followthrough.api.webhooks.signing import verify
from followthrough.core.tasks import run_queued_tasks
from followthrough.organisations.models import Organisation
from tests.actionplans.factories import ActionFactory
from tests.api.webhook_receiver import receiver_fixture  # noqa: F401 (the receiver fixture)

DOC = Path(__file__).resolve().parents[2] / "docs" / "api.md"


@pytest.fixture
def commits(django_capture_on_commit_callbacks):  # type: ignore[no-untyped-def]
    """Run what waits for a commit (queueing deliveries and retries) as if each block commits."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def run(commits) -> int:  # type: ignore[no-untyped-def]
    """The worker's run, its retries queued as each task's transaction commits."""
    with commits():
        return run_queued_tasks()


def documented_check():  # type: ignore[no-untyped-def]
    """The receiver's signature check exactly as docs/api.md prints it."""
    section = DOC.read_text().split("## Webhooks", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S)
    assert code, "docs/api.md shows how to check a signature"
    namespace: dict = {}  # type: ignore[type-arg]
    exec(code.group(1), namespace)
    return namespace["is_from_followthrough"]


def yjb() -> Organisation:
    return Organisation.objects.get(short_name="YJB")


def an_action(*, status: str = "published") -> Action:
    """An action the Youth Justice Board owns, in a plan it coordinates."""
    return ActionFactory(
        response__action_plan__status=status,
        response__action_plan__coordinating_organisation=yjb(),
        response__responding_organisation=yjb(),
    )


def register(admin, url: str, events=("action.completed",)) -> WebhookEndpoint:  # type: ignore[no-untyped-def]
    organisation = admin.memberships.get().organisation
    with transaction.atomic():
        return webhook_endpoint_register(
            organisation=organisation, url=url, events=events, actor=admin
        )


def complete(action: Action, actor, commits) -> None:  # type: ignore[no-untyped-def]
    with commits(), transaction.atomic():
        progress_update_add(
            action=action,
            on=date.today(),
            text="Guidance published on the intranet",
            new_status="completed",
            evidence="Intranet page reference G-12",
            actor=actor,
            today=date.today(),
        )


def test_completing_an_action_sends_a_signed_delivery(
    commits, receiver, body_admin, body_contributor
):
    endpoint = register(body_admin, receiver.url)
    action = an_action()
    complete(action, body_contributor, commits)

    assert run(commits) == 1
    [got] = receiver.received
    payload = json.loads(got.body)
    assert payload["type"] == "action.completed"
    assert payload["subject"] == {
        "kind": "action",
        "id": action.pk,
        "url": payload["subject"]["url"],
    }
    assert payload["data"]["to"] == "completed"
    assert set(payload) == {"id", "type", "occurred_at", "subject", "data"}
    assert got.headers["Followthrough-Event"] == "action.completed"
    delivery = WebhookDelivery.objects.get()
    assert got.headers["Followthrough-Delivery"] == str(delivery.pk)
    now = int(timezone.now().timestamp())
    signature = got.headers["Followthrough-Signature"]
    assert verify(got.body, signature, secret=endpoint.secret, now=now)
    tampered = got.body.replace(b"completed", b"withdrawn")
    assert not verify(tampered, signature, secret=endpoint.secret, now=now)
    assert not verify(got.body, signature, secret="whsec_someone_else", now=now)
    assert not verify(got.body, signature, secret=endpoint.secret, now=now + 3600)
    checks = documented_check()
    assert checks(got.body, signature, endpoint.secret)
    assert not checks(tampered, signature, endpoint.secret)

    assert delivery.status == WebhookDelivery.Status.DELIVERED
    [attempt] = delivery.attempt_set.all()
    assert (attempt.number, attempt.status_code, attempt.response_body) == (1, 200, "ok")


def test_a_receiver_that_fails_is_tried_again_later(
    commits, receiver, body_admin, body_contributor, time_machine
):
    time_machine.move_to(timezone.now(), tick=False)
    receiver.statuses = [500, 200]
    register(body_admin, receiver.url)
    complete(an_action(), body_contributor, commits)

    assert run(commits) == 1
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == WebhookDelivery.Status.RETRYING
    assert run(commits) == 0  # not before its minute is up

    time_machine.shift(timedelta(minutes=1, seconds=1))
    assert run(commits) == 1
    delivery.refresh_from_db()
    assert delivery.status == WebhookDelivery.Status.DELIVERED
    assert [(a.number, a.status_code) for a in delivery.attempt_set.all()] == [(1, 500), (2, 200)]
    assert len(receiver.received) == 2
    assert receiver.received[0].body == receiver.received[1].body


def test_after_the_last_attempt_the_delivery_has_failed(
    commits, receiver, body_admin, body_contributor, time_machine
):
    time_machine.move_to(timezone.now(), tick=False)
    receiver.statuses = [503]
    register(body_admin, receiver.url)
    complete(an_action(), body_contributor, commits)
    for minutes in (0, 1, 5, 30, 120, 720):
        time_machine.shift(timedelta(minutes=minutes, seconds=1))
        assert run(commits) == 1
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == WebhookDelivery.Status.FAILED
    assert delivery.attempts == 6 and delivery.next_attempt_at is None
    time_machine.shift(timedelta(days=2))
    assert run(commits) == 0


def test_an_organisation_that_cannot_read_the_plan_hears_nothing(
    commits, receiver, body_admin, other_body_admin, body_contributor
):
    register(other_body_admin, receiver.url)  # the Ministry of Justice: the draft is not theirs
    complete(an_action(status="draft"), body_contributor, commits)
    run(commits)
    assert receiver.received == []
    assert not WebhookDelivery.objects.exists()

    register(body_admin, receiver.url)  # the Youth Justice Board's own draft
    complete(an_action(status="draft"), body_contributor, commits)
    run(commits)
    assert len(receiver.received) == 1


def test_disabled_endpoints_and_other_events_receive_nothing(
    commits, receiver, body_admin, body_contributor
):
    endpoint = register(body_admin, receiver.url)
    register(body_admin, receiver.url, events=("review.recorded",))
    with transaction.atomic():
        webhook_endpoint_disable(endpoint=endpoint, actor=body_admin)
    complete(an_action(), body_contributor, commits)
    run(commits)
    assert receiver.received == []


def test_an_endpoint_disabled_after_the_event_is_not_sent_it(
    commits, receiver, body_admin, body_contributor
):
    endpoint = register(body_admin, receiver.url)
    complete(an_action(), body_contributor, commits)
    with transaction.atomic():
        webhook_endpoint_disable(endpoint=endpoint, actor=body_admin)
    run(commits)
    assert receiver.received == []
    assert WebhookDelivery.objects.get().status == WebhookDelivery.Status.CANCELLED


def test_a_receiver_that_cannot_be_reached_is_recorded(
    commits, body_admin, body_contributor, settings
):
    settings.WEBHOOKS_ALLOW_LOOPBACK = True
    register(body_admin, "http://127.0.0.1:9/nothing-listens-here")
    complete(an_action(), body_contributor, commits)
    run(commits)
    delivery = WebhookDelivery.objects.get()
    [attempt] = delivery.attempt_set.all()
    assert attempt.status_code is None and attempt.error.startswith("Could not connect")
    assert delivery.status == WebhookDelivery.Status.RETRYING
