"""The security baseline: headers, lockout, admin for superusers only, production checks."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from django.urls import reverse

from tests.conftest import PASSWORD, production_env


def test_every_page_sends_the_security_headers(client, viewer):
    client.force_login(viewer)
    response = client.get(reverse("reporting:overview"))
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_pages_carry_no_inline_script_or_style(client, viewer, sample_plan):
    client.force_login(viewer)
    for name in ("reporting:overview", "reporting:report-list"):
        html = client.get(reverse(name)).content.decode()
        scripts = re.findall(r"<script\b[^>]*>", html)
        assert scripts and all(" src=" in tag for tag in scripts), scripts
        assert " style=" not in html and "<style" not in html


def test_repeated_failed_sign_ins_lock_the_account_out(client, viewer, settings):
    url = reverse("login")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(url, {"username": viewer.username, "password": "wrong password"})
        assert response.status_code == 200
        assert b"There is a problem" in response.content
    last = client.post(url, {"username": viewer.username, "password": "wrong password"})
    assert last.status_code == 429
    locked = client.post(url, {"username": viewer.username, "password": PASSWORD})
    assert locked.status_code == 429
    assert b"You cannot sign in for now" in locked.content


def test_the_lockout_page_says_how_long_in_words_and_the_last_try_is_warned(
    client, viewer, settings
):
    url = reverse("login")
    wrong = {"username": viewer.username, "password": "wrong password"}
    for _ in range(settings.AXES_FAILURE_LIMIT - 2):
        assert b"will be locked" not in client.post(url, wrong).content
    warned = client.post(url, wrong).content.decode()
    assert "If the next attempt to sign in is unsuccessful" in warned
    assert "locked for 15 minutes" in warned
    locked = client.post(url, wrong).content.decode()
    assert "Try again in 15 minutes" in locked
    assert "PT15M" not in locked


def test_a_correct_password_signs_in(client, viewer):
    response = client.post(reverse("login"), {"username": viewer.username, "password": PASSWORD})
    assert response.status_code == 302


def test_admin_is_for_superusers_only(client, viewer, superuser):
    viewer.is_staff = True
    viewer.save()
    client.force_login(viewer)
    assert client.get("/admin/").status_code == 302  # sent to the admin's own sign-in
    client.force_login(superuser)
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_read_only_pages_refuse_writes(client, viewer, method):
    client.force_login(viewer)
    response = getattr(client, method)(reverse("reporting:report-list"))
    assert response.status_code == 405


def test_production_settings_pass_djangos_deployment_checks(tmp_path):
    env = production_env(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "followthrough", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _fail_sign_in(client, username: str, forwarded_for: str, times: int) -> int:
    status = 0
    for _ in range(times):
        status = client.post(
            reverse("login"),
            {"username": username, "password": "wrong password"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=forwarded_for,
        ).status_code
    return status


def test_behind_a_trusted_proxy_one_attacker_cannot_lock_everyone_out(client, viewer, settings):
    """Issue 12, item 14: behind a proxy every request comes from the proxy's address, so a
    lockout keyed on it locks the person out for everyone; with TRUSTED_PROXY_COUNT set, the
    client's own address (the one the proxy saw) is used."""
    settings.TRUSTED_PROXY_COUNT = 1
    limit = settings.AXES_FAILURE_LIMIT
    # The attacker forges a leading X-Forwarded-For entry; the proxy appends what it saw.
    assert _fail_sign_in(client, viewer.username, "192.0.2.99, 198.51.100.6", limit) == 429
    signed_in = client.post(
        reverse("login"),
        {"username": viewer.username, "password": PASSWORD},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.7",
    )
    assert signed_in.status_code == 302
    client.logout()
    # Forging another leading entry does not get the attacker a fresh count.
    assert _fail_sign_in(client, viewer.username, "192.0.2.100, 198.51.100.6", 1) == 429


def test_without_a_trusted_proxy_forwarded_headers_are_ignored(client, viewer, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    limit = settings.AXES_FAILURE_LIMIT
    for n in range(limit):
        _fail_sign_in(client, viewer.username, f"198.51.100.{n}", 1)
    assert _fail_sign_in(client, viewer.username, "198.51.100.200", 1) == 429


def test_invitation_links_use_the_configured_site_url_not_the_host_header(
    client, body_admin, settings
):
    from django.core import mail

    from followthrough.organisations.models import Organisation

    settings.SITE_URL = "https://followthrough.example"
    settings.ALLOWED_HOSTS = ["testserver", "evil.example"]
    client.force_login(body_admin)
    client.post(
        reverse(
            "organisations:member-invite",
            args=[Organisation.objects.get(short_name="YJB").pk],
        ),
        {"email": "new.colleague@example.invalid", "role": "viewer"},
        HTTP_HOST="evil.example",
    )
    [email] = mail.outbox
    assert "https://followthrough.example/accounts/password/reset/" in email.body
    assert "evil.example" not in email.body


def test_password_reset_links_use_the_configured_site_url(client, viewer, settings):
    from django.core import mail

    settings.SITE_URL = "https://followthrough.example"
    settings.ALLOWED_HOSTS = ["testserver", "evil.example"]
    viewer.email = "viewer@example.invalid"
    viewer.save()
    client.post(reverse("password_reset"), {"email": viewer.email}, HTTP_HOST="evil.example")
    [email] = mail.outbox
    assert "https://followthrough.example/accounts/password/reset/" in email.body
    assert "evil.example" not in email.body


def test_the_sign_out_address_shows_a_page_with_a_button(client, viewer):
    client.force_login(viewer)
    page = client.get(reverse("logout"))
    assert page.status_code == 200
    html = page.content.decode()
    assert '<h1 class="govuk-heading-l">Sign out</h1>' in html
    assert f'action="{reverse("logout")}"' in html and ">Sign out</button>" in html
    assert "_auth_user_id" in client.session  # looking at the page does not sign out
    assert client.post(reverse("logout")).status_code == 302
    assert "_auth_user_id" not in client.session
    assert "You are signed out" in client.get(reverse("logout")).content.decode()


def test_signed_out_people_see_no_main_navigation(client, viewer):
    signed_out = client.get(reverse("login")).content.decode()
    assert 'aria-label="Menu"' not in signed_out and "Your account" not in signed_out
    client.force_login(viewer)
    signed_in = client.get(reverse("reporting:overview")).content.decode()
    assert 'aria-label="Menu"' in signed_in and "Your account" in signed_in
