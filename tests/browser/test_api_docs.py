"""The API's documentation renders from the site's own files under its content security policy."""

from __future__ import annotations

import re

import pytest

from followthrough.organisations.services import organisations_ensure_known
from tests.browser.conftest import axe_violations, sign_in
from tests.conftest import PASSWORD, persona


@pytest.mark.browser
def test_the_docs_render_in_a_browser_under_the_sites_content_security_policy(
    browser, live_server, transactional_db
):
    context = browser.new_context()
    page = context.new_page()
    refused = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security" in m.text else None)
    page.goto(f"{live_server.url}/api/docs/")
    page.get_by_text("/api/action-plans/{id}/").first.wait_for(timeout=15000)
    assert page.get_by_role("heading", name=re.compile("Followthrough API")).count() >= 1
    assert not refused, refused
    context.close()


@pytest.mark.browser
def test_a_token_made_revoked_on_the_account_page_in_a_browser_fits_a_phone_and_passes_axe(
    browser, live_server, transactional_db
):
    user = persona("token-maker", organisations_ensure_known()[0], "viewer")
    context, page = sign_in(browser, live_server, user.username, PASSWORD, bypass_csp=True)
    page.goto(f"{live_server.url}/account/")
    page.get_by_label("Token name").fill("Our tracker")
    page.get_by_label("Read only").check()
    page.get_by_label("90 days").check()
    page.get_by_role("button", name="Create token").click()
    page.get_by_text("Copy it now: it will not be shown again").wait_for()
    secret = page.locator("code.ft-token").inner_text()
    assert not axe_violations(page)
    page.set_viewport_size({"width": 375, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    calls = context.request
    answer = calls.get(
        f"{live_server.url}/api/reports/", headers={"Authorization": f"Bearer {secret}"}
    )
    assert answer.status == 200
    page.get_by_role("button", name="Revoke token Our tracker").click()
    page.get_by_text("Token Our tracker revoked: it no longer works").wait_for()
    assert not axe_violations(page)
    answer = calls.get(
        f"{live_server.url}/api/reports/", headers={"Authorization": f"Bearer {secret}"}
    )
    assert answer.status == 401
    context.close()
