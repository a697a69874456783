"""Personal API tokens: made and revoked on the account page, shown once, stored hashed, expiring,
scoped, throttled each on its own; the browser's session works with its CSRF check."""

from __future__ import annotations

import hashlib
import re
from datetime import date, timedelta

import pytest
from django.core.cache import cache, caches
from django.db import connection
from django.test import Client
from django.utils import timezone

from followthrough.api.models import ApiToken
from followthrough.api.services import token_create, token_revoke

TODAY = date.today()


def created_on_the_account_page(client, user, **data) -> tuple[str, str]:
    client.force_login(user)
    form = {"name": "Our tracker", "scope": "read", "days": "90"} | data
    html = client.post("/account/", form).content.decode()
    secret = re.search(r"ft_[0-9a-f]{8}_[\w-]+", html).group(0)
    return secret, html


def bearer(token: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def test_a_token_made_on_the_account_page_is_shown_once_and_stored_only_as_a_hash(
    client, body_viewer
):
    secret, html = created_on_the_account_page(client, body_viewer)
    assert "Copy it now: it will not be shown again" in html
    record = ApiToken.objects.get()
    assert record.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in str(ApiToken.objects.values().get())
    assert record.expires_on == date.today() + timedelta(days=90)
    again = client.get("/account/").content.decode()
    assert secret not in again
    assert "Our tracker" in again and f"ft_{record.prefix}" in again
    assert record.history.count() == 1


def test_the_account_form_says_what_is_missing_in_govuk_words(client, body_viewer):
    client.force_login(body_viewer)
    html = client.post("/account/", {}).content.decode()
    assert "There is a problem" in html
    for message in ("Enter a token name", "Select what the token can do", "Select when"):
        assert message in html
    assert not ApiToken.objects.exists()


def test_a_token_reads_the_api_as_its_owner_and_records_when_it_was_used(client, body_viewer):
    secret, _ = created_on_the_account_page(client, body_viewer)
    anonymous = Client()
    response = anonymous.get("/api/reports/", **bearer(secret))
    assert response.status_code == 200
    assert ApiToken.objects.get().last_used_at is not None
    wrong = secret[:-2] + ("AA" if not secret.endswith("AA") else "BB")
    assert anonymous.get("/api/reports/", **bearer(wrong)).status_code == 401


def test_a_revoked_token_stops_working_and_is_kept_with_its_history(client, body_viewer):
    secret, _ = created_on_the_account_page(client, body_viewer)
    record = ApiToken.objects.get()
    response = client.post("/account/", {"revoke": record.pk})
    assert response.status_code == 302
    page = client.get("/account/").content.decode()
    assert "Token Our tracker revoked: it no longer works" in page
    assert "Revoked" in page
    assert Client().get("/api/reports/", **bearer(secret)).status_code == 401
    record.refresh_from_db()
    assert record.revoked_at is not None
    assert [h.history_change_reason for h in record.history.order_by("history_id")] == [
        "Token created",
        "Token revoked",
    ]


def test_nobody_revokes_another_persons_token(client, body_viewer, other_body_viewer):
    created_on_the_account_page(client, body_viewer)
    client.force_login(other_body_viewer)
    assert client.post("/account/", {"revoke": ApiToken.objects.get().pk}).status_code == 404
    assert ApiToken.objects.get().revoked_at is None


def test_an_expired_token_is_refused(body_viewer):
    _, secret = token_create(
        owner=body_viewer, name="Old", scope="read", days=30, today=date.today() - timedelta(31)
    )
    response = Client().get("/api/reports/", **bearer(secret))
    assert response.status_code == 401
    assert response.json()["detail"] == "The token is not valid, has expired or was revoked"


def test_a_read_only_token_may_not_write(body_viewer):
    _, read = token_create(owner=body_viewer, name="R", scope="read", days=30, today=date.today())
    response = Client().post("/api/reports/", **bearer(read))
    assert response.status_code == 403
    assert "This token can only read" in response.json()["detail"]
    _, write = token_create(
        owner=body_viewer, name="W", scope="read_write", days=30, today=date.today()
    )
    # No endpoint writes yet: a read and write token reaches the method check.
    assert Client().post("/api/reports/", **bearer(write)).status_code == 405


@pytest.fixture
def two_a_minute(settings, db):  # type: ignore[no-untyped-def]
    """Each token may make two requests a minute, counted afresh."""
    from rest_framework.settings import api_settings

    from followthrough.api.authentication import TokenRateThrottle

    rates = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
    settings.REST_FRAMEWORK = settings.REST_FRAMEWORK | {
        "DEFAULT_THROTTLE_RATES": rates | {"token": "2/minute"}
    }
    api_settings.reload()
    TokenRateThrottle.THROTTLE_RATES = api_settings.DEFAULT_THROTTLE_RATES
    caches["shared"].clear()
    yield
    settings.REST_FRAMEWORK = settings.REST_FRAMEWORK | {"DEFAULT_THROTTLE_RATES": rates}
    api_settings.reload()
    TokenRateThrottle.THROTTLE_RATES = api_settings.DEFAULT_THROTTLE_RATES
    caches["shared"].clear()


def test_each_token_is_throttled_on_its_own(two_a_minute, body_viewer):
    _, one = token_create(owner=body_viewer, name="1", scope="read", days=30, today=date.today())
    _, two = token_create(owner=body_viewer, name="2", scope="read", days=30, today=date.today())
    codes = [Client().get("/api/organisations/", **bearer(one)).status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    assert Client().get("/api/organisations/", **bearer(two)).status_code == 200


def test_a_tokens_allowance_is_counted_in_the_database_for_every_process(two_a_minute, body_viewer):
    token, secret = token_create(
        owner=body_viewer, name="1", scope="read", days=30, today=date.today()
    )
    for _ in range(2):
        assert Client().get("/api/organisations/", **bearer(secret)).status_code == 200
    # Another web process reads the same table: it sees both requests, and refuses the third.
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM followthrough_shared_cache")
        keys = [row[0] for row in cursor.fetchall()]
    assert [k for k in keys if k.endswith(f"throttle_token_token-{token.pk}")]
    cache.clear()  # this process's own cache forgets everything: the count is not kept there
    assert Client().get("/api/organisations/", **bearer(secret)).status_code == 429


def test_the_browser_session_needs_its_csrf_token_to_write(body_viewer):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(body_viewer)
    assert browser.get("/api/reports/").status_code == 200
    response = browser.post("/api/reports/")
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


def test_revoking_twice_is_refused(body_viewer):
    record, _ = token_create(owner=body_viewer, name="T", scope="read", days=30, today=date.today())
    token_revoke(token=record, actor=body_viewer, now=timezone.now())
    with pytest.raises(Exception, match="already been revoked"):
        token_revoke(token=record, actor=body_viewer, now=timezone.now())
