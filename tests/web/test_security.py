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
