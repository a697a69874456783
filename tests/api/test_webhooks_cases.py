"""Webhooks about tasks on children's cases: the service that holds the case hears of an
overdue task with its case reference, the agency that owns the task without it, and nobody
else hears of it at all."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from django.db import transaction

from followthrough.api.webhooks.models import WebhookDelivery
from followthrough.api.webhooks.services import webhook_endpoint_register
from followthrough.core.tasks import run_queued_tasks
from followthrough.flows.task_escalation import task_escalations_run
from followthrough.organisations.models import Membership
from tests.api.webhook_receiver import receiver_fixture  # noqa: F401 (the receiver fixture)
from tests.cases.factories import CaseFactory, TaskFactory
from tests.conftest import persona

DUE = date(2026, 11, 2)


def test_an_overdue_task_reaches_the_service_with_its_reference_and_the_agency_without(
    receiver,
    youth_justice_service,
    health_partner,
    body_admin,
    django_capture_on_commit_callbacks,
):
    trust = health_partner.memberships.get().organisation
    case = CaseFactory(service=youth_justice_service, reference="NB-0900")
    task = TaskFactory(case=case, owner=trust, due_date=DUE, description="Book a dentist")
    admins = {
        "service": persona("service-admin", youth_justice_service, Membership.Role.ADMIN),
        "trust": persona("trust-admin", trust, Membership.Role.ADMIN),
        "yjb": body_admin,  # reads no case and owns no task
    }
    endpoints = {}
    with transaction.atomic():
        for name, admin in admins.items():
            endpoints[name] = webhook_endpoint_register(
                organisation=admin.memberships.get().organisation,
                url=receiver.url,
                events=["case_task.overdue"],
                actor=admin,
            )

    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        task_escalations_run(as_of=DUE + timedelta(days=1), quiet=True)
    assert run_queued_tasks() == 2

    by_endpoint = {}
    for got in receiver.received:
        delivery = WebhookDelivery.objects.get(pk=got.headers["Followthrough-Delivery"])
        by_endpoint[delivery.endpoint_id] = json.loads(got.body)
    assert set(by_endpoint) == {endpoints["service"].pk, endpoints["trust"].pk}
    to_service, to_trust = by_endpoint[endpoints["service"].pk], by_endpoint[endpoints["trust"].pk]
    assert to_service["type"] == "case_task.overdue"
    assert to_service["subject"]["kind"] == "case_task" and to_service["subject"]["id"] == task.pk
    assert to_service["data"] == {"step": 1, "days": 1, "case_reference": "NB-0900"}
    assert to_trust["data"] == {"step": 1, "days": 1}
    assert "Book a dentist" not in json.dumps(to_service) + json.dumps(to_trust)


@pytest.fixture(autouse=True)
def _loopback(settings):  # type: ignore[no-untyped-def]
    settings.WEBHOOKS_ALLOW_LOOPBACK = True
