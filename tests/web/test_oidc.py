"""OpenID Connect sign-in: off by default, configured entirely by environment variables."""

from __future__ import annotations

import os
import subprocess
import sys

from django.test import override_settings
from django.urls import NoReverseMatch, reverse

from followthrough.web.oidc import OIDCBackend

OIDC_ENV = {
    "OIDC_RP_CLIENT_ID": "followthrough",
    "OIDC_RP_CLIENT_SECRET": "client-secret",
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "https://idp.example.invalid/authorize",
    "OIDC_OP_TOKEN_ENDPOINT": "https://idp.example.invalid/token",
    "OIDC_OP_USER_ENDPOINT": "https://idp.example.invalid/userinfo",
    "OIDC_OP_JWKS_ENDPOINT": "https://idp.example.invalid/jwks",
}
PROBE = (
    "import django; django.setup();"
    "from django.urls import reverse; from django.test import Client;"
    "print(reverse('oidc_authentication_init'));"
    "page = Client().get('/accounts/login/');"
    "print('organisation' in page.content.decode())"
)


def run(env: dict) -> subprocess.CompletedProcess:
    full = {**os.environ, "DJANGO_SETTINGS_MODULE": "followthrough.settings", **env}
    full.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=full, check=False
    )


def test_it_is_off_by_default(client, db):
    try:
        reverse("oidc_authentication_init")
    except NoReverseMatch:
        pass
    else:
        raise AssertionError("OIDC routes exist without configuration")
    assert b"organisation's account" not in client.get(reverse("login")).content


def test_setting_the_environment_turns_it_on(tmp_path):
    result = run({**OIDC_ENV, "FOLLOWTHROUGH_VAR_DIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["/oidc/authenticate/", "True"]


def test_a_partial_configuration_is_refused_with_what_is_missing(tmp_path):
    env = {**OIDC_ENV, "OIDC_OP_JWKS_ENDPOINT": "", "FOLLOWTHROUGH_VAR_DIR": str(tmp_path)}
    result = run(env)
    assert result.returncode != 0
    assert "OpenID Connect needs OIDC_OP_JWKS_ENDPOINT" in result.stderr


@override_settings(**OIDC_ENV, OIDC_RP_SIGN_ALGO="RS256", OIDC_CREATE_USER=False)
def test_only_existing_active_accounts_with_verified_addresses_sign_in(db, viewer):
    viewer.email = "viewer@example.invalid"
    viewer.save()
    backend = OIDCBackend()
    assert list(backend.filter_users_by_claims({"email": "VIEWER@example.invalid"})) == [viewer]
    assert not backend.filter_users_by_claims({"email": "stranger@example.invalid"}).exists()
    assert backend.verify_claims({"email": "viewer@example.invalid"})
    assert not backend.verify_claims({"email": "viewer@example.invalid", "email_verified": False})
    viewer.is_active = False
    viewer.save()
    assert not backend.filter_users_by_claims({"email": "viewer@example.invalid"}).exists()
