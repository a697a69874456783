"""An optional second factor (TOTP) that an organisation's admins can require."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from followthrough.core.models import DomainEvent
from followthrough.organisations.models import Membership
from tests.conftest import PASSWORD


def current_code(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def sign_in(client, user):
    return client.post(reverse("login"), {"username": user.username, "password": PASSWORD})


@pytest.fixture
def yjb(known_bodies):
    return known_bodies["YJB"]


def test_without_a_requirement_nothing_changes(client, body_viewer):
    sign_in(client, body_viewer)
    assert client.get(reverse("reporting:overview")).status_code == 200


def test_a_required_second_factor_is_set_up_at_next_sign_in(client, body_viewer, yjb, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # django-otp slows retries after a wrong code
    yjb.require_two_factor = True
    yjb.save()
    sign_in(client, body_viewer)
    page = client.get(reverse("reporting:report-list"))
    assert page.status_code == 302 and page["Location"].startswith(reverse("two-factor-setup"))
    setup = client.get(page["Location"])
    assert b"Set up a second factor" in setup.content
    assert re.search(rb'src="data:image/svg\+xml', setup.content)
    device = TOTPDevice.objects.get(user=body_viewer)
    wrong = client.post(
        page["Location"], {"code": "000000" if current_code(device) != "000000" else "111111"}
    )
    assert b"The code is wrong or has expired" in wrong.content
    done = client.post(page["Location"], {"code": current_code(device)})
    assert done.status_code == 302 and done["Location"] == reverse("reporting:report-list")
    assert client.get(reverse("reporting:report-list")).status_code == 200
    assert DomainEvent.objects.filter(code="accounts.user.second_factor_added").exists()


def test_a_user_with_an_authenticator_enters_a_code_after_the_password(client, other_body_viewer):
    device = TOTPDevice.objects.create(user=other_body_viewer, name="app", confirmed=True)
    sign_in(client, other_body_viewer)
    blocked = client.get(reverse("reporting:overview"))
    assert blocked["Location"].startswith(reverse("two-factor-verify"))
    bad = client.post(reverse("two-factor-verify"), {"code": "12ab56"})
    assert b"Enter the code as six numbers, like 123456" in bad.content
    ok = client.post(
        reverse("two-factor-verify"),
        {"code": current_code(device), "next": "https://evil.example/"},
    )
    assert ok.status_code == 302 and ok["Location"] == "/"  # no open redirect
    assert client.get(reverse("reporting:overview")).status_code == 200


def test_an_admin_requires_it_and_can_reset_a_lost_authenticator(
    client, body_admin, body_viewer, yjb
):
    admin_device = TOTPDevice.objects.create(user=body_admin, name="app", confirmed=True)
    TOTPDevice.objects.create(user=body_viewer, name="app", confirmed=True)  # then lost the phone
    sign_in(client, body_admin)
    client.post(reverse("two-factor-verify"), {"code": current_code(admin_device)})
    client.post(
        reverse("organisations:two-factor-policy", args=[yjb.pk]), {"require_two_factor": "on"}
    )
    yjb.refresh_from_db()
    assert yjb.require_two_factor
    membership = Membership.objects.get(user=body_viewer)
    client.post(
        reverse("organisations:member-change", args=[yjb.pk, membership.pk]),
        {"action": "reset_second_factor"},
    )
    assert not TOTPDevice.objects.filter(user=body_viewer).exists()
    assert yjb.history.count() == 2
    client.post(reverse("organisations:two-factor-policy", args=[yjb.pk]), {})
    yjb.refresh_from_db()
    assert not yjb.require_two_factor


def test_public_pages_and_sign_out_stay_open_before_the_code(client, other_body_viewer):
    TOTPDevice.objects.create(user=other_body_viewer, name="app", confirmed=True)
    sign_in(client, other_body_viewer)
    assert client.get(reverse("web:accessibility")).status_code == 200
    assert client.post(reverse("logout")).status_code == 302
