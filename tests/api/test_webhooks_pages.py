"""An organisation's administrators register, list and disable webhook endpoints, see each
delivery's answers and send a test event; nobody else finds the pages."""

from __future__ import annotations

import ipaddress

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from followthrough.api.webhooks import services
from followthrough.api.webhooks.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint
from followthrough.core.tasks import run_queued_tasks
from followthrough.organisations.models import Organisation
from tests.api.webhook_receiver import receiver_fixture  # noqa: F401 (the receiver fixture)


def yjb() -> Organisation:
    return Organisation.objects.get(short_name="YJB")


@pytest.fixture
def resolves(monkeypatch):  # type: ignore[no-untyped-def]
    """Host names resolve to what the test says (no network in tests)."""
    table: dict[str, str] = {"receiver.example": "93.184.215.14"}
    monkeypatch.setattr(
        services,
        "_addresses",
        lambda host: [ipaddress.ip_address(table[host])] if host in table else [],
    )
    return table


def endpoint_of(admin) -> WebhookEndpoint:  # type: ignore[no-untyped-def]
    return WebhookEndpoint.objects.create(
        organisation=yjb(),
        url="https://receiver.example/hook",
        events=["action.completed"],
        secret="whsec_sample",
        created_by=admin,
    )


def test_an_admin_adds_a_webhook_and_sees_its_secret_once(client, body_admin, resolves):
    client.force_login(body_admin)
    page = client.post(
        reverse("webhooks:endpoint-create", args=[yjb().pk]),
        {"url": "https://receiver.example/hook", "events": ["action.completed", "review.recorded"]},
    ).content.decode()
    endpoint = WebhookEndpoint.objects.get()
    assert "Webhook added" in page and endpoint.secret in page
    assert "it will not be shown again" in page
    assert endpoint.events == ["action.completed", "review.recorded"]
    assert endpoint.created_by == body_admin and endpoint.is_active
    listing = client.get(reverse("webhooks:endpoint-list", args=[yjb().pk])).content.decode()
    assert "https://receiver.example/hook" in listing
    assert "Action completed, Review recorded" in listing
    assert endpoint.secret not in listing
    detail = client.get(reverse("webhooks:endpoint-detail", args=[yjb().pk, endpoint.pk]))
    assert endpoint.secret not in detail.content.decode()
    assert "Nothing has been sent to this webhook yet" in detail.content.decode()


def test_errors_are_explained(client, body_admin, resolves):
    client.force_login(body_admin)
    url = reverse("webhooks:endpoint-create", args=[yjb().pk])
    html = client.post(url, {}).content.decode()
    assert "There is a problem" in html
    assert "Enter the receiver address" in html and "Select at least one event" in html
    plain = client.post(
        url, {"url": "http://receiver.example/hook", "events": ["action.completed"]}
    )
    assert "Enter an address that starts with https://" in plain.content.decode()
    assert not WebhookEndpoint.objects.exists()


@pytest.mark.parametrize(
    "address", ["10.0.0.5", "192.168.1.20", "127.0.0.1", "169.254.169.254", "::1", "fd00::1"]
)
def test_hosts_on_private_or_local_addresses_are_refused(address, resolves, settings):
    settings.WEBHOOKS_ALLOW_LOOPBACK = False
    resolves["inside.example"] = address
    problem = services.url_problem("https://inside.example/hook")
    assert problem == "Enter an address on the internet: private and local addresses cannot receive"
    assert services.url_problem("https://receiver.example/hook") is None


def test_loopback_is_refused_unless_the_setting_allows_it(settings):
    settings.WEBHOOKS_ALLOW_LOOPBACK = False
    assert services.url_problem("http://127.0.0.1:8000/hook") == (
        "Enter an address that starts with https://"
    )
    assert services.url_problem("https://localhost/hook") is not None
    assert services.url_problem("https://user:pw@receiver.example/") is not None
    assert services.url_problem("ftp://receiver.example/") is not None
    settings.WEBHOOKS_ALLOW_LOOPBACK = True
    assert services.url_problem("http://127.0.0.1:8000/hook") is None
    assert services.url_problem("http://10.0.0.5/hook") is not None


def test_outsiders_and_members_who_are_not_admins_get_404(
    client, outsider, body_viewer, body_contributor, other_body_admin, body_admin
):
    endpoint = endpoint_of(body_admin)
    urls = [
        reverse("webhooks:endpoint-list", args=[yjb().pk]),
        reverse("webhooks:endpoint-detail", args=[yjb().pk, endpoint.pk]),
    ]
    for user in (outsider, body_viewer, body_contributor, other_body_admin):
        client.force_login(user)
        for url in urls:
            assert client.get(url).status_code == 404, (user, url)
        disable = reverse("webhooks:endpoint-disable", args=[yjb().pk, endpoint.pk])
        assert client.post(disable).status_code == 404
    endpoint.refresh_from_db()
    assert endpoint.is_active
    other = Organisation.objects.get(short_name="MoJ")
    client.force_login(other_body_admin)
    wrong_place = reverse("webhooks:endpoint-detail", args=[other.pk, endpoint.pk])
    assert client.get(wrong_place).status_code == 404


def test_disabling_keeps_the_endpoint_listed_and_sends_nothing_more(client, body_admin):
    endpoint = endpoint_of(body_admin)
    client.force_login(body_admin)
    response = client.post(
        reverse("webhooks:endpoint-disable", args=[yjb().pk, endpoint.pk]), follow=True
    )
    html = response.content.decode()
    assert "Nothing more will be sent to https://receiver.example/hook" in html
    assert "Disabled on" in html and "Send a test event" not in html
    endpoint.refresh_from_db()
    assert not endpoint.is_active and endpoint.disabled_at is not None
    listing = client.get(reverse("webhooks:endpoint-list", args=[yjb().pk])).content.decode()
    assert "Disabled" in listing and "https://receiver.example/hook" in listing
    test = client.post(reverse("webhooks:endpoint-test", args=[yjb().pk, endpoint.pk]), follow=True)
    assert "Enable this endpoint to send it a test event" in test.content.decode()


def test_a_test_event_reaches_the_receiver_and_its_answer_is_listed(
    client, body_admin, receiver, django_capture_on_commit_callbacks
):
    endpoint = endpoint_of(body_admin)
    endpoint.url = receiver.url
    endpoint.save()
    client.force_login(body_admin)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("webhooks:endpoint-test", args=[yjb().pk, endpoint.pk]))
    assert run_queued_tasks() == 1
    [got] = receiver.received
    assert got.headers["Followthrough-Event"] == "ping"
    html = client.get(reverse("webhooks:endpoint-detail", args=[yjb().pk, endpoint.pk]))
    text = html.content.decode()
    assert "Attempt 1" in text and "status 200" in text and "Delivered" in text


def test_deliveries_are_listed_fifty_a_page_in_the_same_number_of_queries(
    client, body_admin, django_assert_max_num_queries
):
    endpoint = endpoint_of(body_admin)
    client.force_login(body_admin)
    url = reverse("webhooks:endpoint-detail", args=[yjb().pk, endpoint.pk])

    def add(n: int) -> None:
        for _ in range(n):
            d = WebhookDelivery.objects.create(
                endpoint=endpoint, event_type="action.completed", payload={}, attempts=1
            )
            WebhookAttempt.objects.create(
                delivery=d, number=1, sent_at=d.created_at, status_code=500, response_body="no"
            )

    add(5)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    add(55)
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get(url).content.decode()
    assert html.count("Attempt 1,") == 50
    assert "Page 1 of 2" in html
    assert client.get(url + "?page=2").content.decode().count("Attempt 1,") == 10
