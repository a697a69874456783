"""The API's documentation renders from the site's own files under its content security policy."""

from __future__ import annotations

import re

import pytest


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
