"""A delivery goes to the address its host was checked at: a host that answers a public address
to the check and a private one to the sender (DNS rebinding) cannot steer a POST into our own
network; over HTTPS the receiver's certificate must still name the host."""

from __future__ import annotations

import ipaddress
import socket
import ssl
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import trustme
from django.db import transaction

from followthrough.api.webhooks import services, tasks
from followthrough.api.webhooks.models import WebhookDelivery, WebhookEndpoint
from followthrough.api.webhooks.services import webhook_test_send
from followthrough.core.tasks import run_queued_tasks
from followthrough.organisations.models import Organisation
from tests.api.webhook_receiver import receiver_fixture  # noqa: F401 (the receiver fixture)

PUBLIC = "93.184.215.14"


@pytest.fixture
def rebinding(monkeypatch):  # type: ignore[no-untyped-def]
    """receiver.example answers a public address to every lookup our code makes; any other
    lookup (a sender resolving the host again) would be answered with loopback. Connections
    are recorded, never made."""
    lookups: list[str] = []

    def addresses(host: str) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
        lookups.append(host)
        return [ipaddress.ip_address(PUBLIC)]

    connected: list[tuple[str, int]] = []

    def create_connection(address, *args, **kwargs):  # type: ignore[no-untyped-def]
        connected.append(address)
        raise ConnectionRefusedError("no network in tests")

    monkeypatch.setattr(services, "_addresses", addresses)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    return lookups, connected


def test_the_sender_connects_to_the_address_that_was_checked(
    rebinding, body_admin, django_capture_on_commit_callbacks
):
    lookups, connected = rebinding
    endpoint = WebhookEndpoint.objects.create(
        organisation=Organisation.objects.get(short_name="YJB"),
        url="https://receiver.example/hook",
        events=["action.completed"],
        secret="whsec_sample",
        created_by=body_admin,
    )
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        webhook_test_send(endpoint=endpoint, actor=body_admin)
    with django_capture_on_commit_callbacks(execute=True):
        run_queued_tasks()

    # One lookup, by the check, and the connection made to its answer: never to the host name,
    # which the operating system would look up again.
    assert lookups == ["receiver.example"]
    assert connected == [(PUBLIC, 443)]
    [attempt] = WebhookDelivery.objects.get().attempt_set.all()
    assert attempt.status_code is None and attempt.error.startswith("Could not connect")


@pytest.fixture
def authority() -> trustme.CA:
    return trustme.CA()


@pytest.fixture
def tls_receiver(authority: trustme.CA) -> Iterator[tuple[int, list[str]]]:
    """An HTTPS receiver on loopback whose certificate names receiver.example; it keeps each
    request's Host header."""
    hosts: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            hosts.append(self.headers["Host"])
            self.send_response(202)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert("receiver.example").configure_cert(context)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1], hosts
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def trusting(monkeypatch, authority: trustme.CA) -> None:
    """The sender trusts the test's authority, checking host names as it does in production."""

    def context() -> ssl.SSLContext:
        made = ssl.create_default_context()
        authority.configure_trust(made)
        return made

    monkeypatch.setattr(tasks, "tls_context", context)


def test_https_reaches_the_pinned_address_and_names_the_host(tls_receiver, trusting):
    port, hosts = tls_receiver
    # receiver.example does not resolve here: only the pinned address can reach the receiver.
    status, answer, error = tasks._post(
        f"https://receiver.example:{port}/hook", ["127.0.0.1"], b"{}", {}
    )
    assert (status, answer, error) == (202, "ok", "")
    assert hosts == [f"receiver.example:{port}"]


def test_a_certificate_for_another_host_is_refused(tls_receiver, trusting):
    port, hosts = tls_receiver
    status, _, error = tasks._post(
        f"https://elsewhere.example:{port}/hook", ["127.0.0.1"], b"{}", {}
    )
    assert status is None
    assert error.startswith("Could not connect") and "certificate" in error.lower()
    assert hosts == []


def test_a_certificate_from_an_untrusted_authority_is_refused(tls_receiver):
    port, hosts = tls_receiver
    status, _, error = tasks._post(
        f"https://receiver.example:{port}/hook", ["127.0.0.1"], b"{}", {}
    )
    assert status is None and "certificate verify failed" in error
    assert hosts == []


@pytest.mark.parametrize("url", ["https://receiver.example:99999/hook", "ftp://receiver.example/"])
def test_addresses_the_sender_cannot_use_are_refused_before_it_tries(url, settings):
    problem, addresses = services.checked_addresses(url)
    assert problem and addresses == []


@pytest.mark.parametrize(
    ("found", "refused"),
    [
        ("64:ff9b::a00:1", True),  # NAT64 of 10.0.0.1
        ("64:ff9b:1::5db8:d70e", True),  # local-use NAT64
        ("2002:a00:1::1", True),  # 6to4 of 10.0.0.1
        ("::ffff:10.0.0.1", True),  # IPv4-mapped
        ("64:ff9b::5db8:d70e", False),  # NAT64 of a public address
        ("2606:4700:4700::1111", False),
    ],
)
def test_ipv6_addresses_carrying_a_private_ipv4_address_are_refused(found, refused, monkeypatch):
    monkeypatch.setattr(services, "_addresses", lambda host: [ipaddress.ip_address(found)])
    problem, addresses = services.checked_addresses("https://receiver.example/hook")
    assert bool(problem) is refused and addresses == ([] if refused else [found])


@pytest.mark.parametrize("host", ["2606:4700:4700::1111", "2001:db8::abcd"])
def test_an_ipv6_literal_is_reached_on_the_urls_port_not_split_at_a_colon(host, rebinding):
    _, connected = rebinding
    status, _, error = tasks._post(f"https://[{host}]/hook", [host], b"{}", {})
    assert status is None and error.startswith("Could not connect")
    assert connected == [(host, 443)]


def test_each_checked_address_is_tried_in_turn(receiver):
    """The first address found refuses (nothing listens there); the next one answers."""
    port = receiver.url.split(":")[2].split("/")[0]
    url = f"http://receiver.example:{port}/hook"
    status, answer, _ = tasks._post(url, ["127.0.0.2", "127.0.0.1"], b"{}", {})
    assert (status, answer) == (200, "ok")
    assert receiver.received[0].headers["Host"] == f"receiver.example:{port}"
