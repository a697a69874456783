"""Password reset by email and password change, with GOV.UK error messages."""

from __future__ import annotations

import re

from django.core import mail
from django.urls import reverse

from tests.conftest import PASSWORD

NEW_PASSWORD = "a brand new long passphrase"


def test_password_reset_by_email_lets_the_user_sign_in_with_a_new_password(client, viewer):
    viewer.email = "viewer@example.invalid"
    viewer.save()
    response = client.post(reverse("password_reset"), {"email": "viewer@example.invalid"})
    assert response.status_code == 302
    [message] = mail.outbox
    link = re.search(r"https?://[^/]+(/accounts/password/reset/\S+)", message.body)[1]
    form_page = client.get(link, follow=True)
    assert b"Choose a new password" in form_page.content
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert done.status_code == 302
    signed_in = client.post(
        reverse("login"), {"username": viewer.username, "password": NEW_PASSWORD}
    )
    assert signed_in.status_code == 302


def test_reset_for_an_unknown_address_says_the_same_and_sends_nothing(client, db):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.invalid"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_password_change_explains_errors_in_govuk_style(client, viewer):
    client.force_login(viewer)
    page = client.post(
        reverse("password_change"),
        {"old_password": "wrong", "new_password1": "short", "new_password2": "other"},
    )
    html = page.content.decode()
    assert "There is a problem" in html
    assert "govuk-error-message" in html and "govuk-input--error" in html
    ok = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert ok.status_code == 302
    viewer.refresh_from_db()
    assert viewer.check_password(NEW_PASSWORD)


def test_an_expired_or_forged_link_explains_what_to_do(client, db):
    page = client.get(reverse("password_reset_confirm", args=["MQ", "forged-token"]))
    assert b"This link has expired" in page.content
