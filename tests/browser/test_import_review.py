"""The import review on a phone and without JavaScript: the reviewer says which column is which
and splits a recommendation by label and role; the page passes axe and fits 375 px."""

from __future__ import annotations

import re

import pytest

from followthrough.ingest.models import ColumnMapping, ImportReview
from followthrough.ingest.review import review_start
from tests.browser.conftest import axe_violations, sign_in
from tests.conftest import PASSWORD
from tests.ingest import made_documents as made

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_reviewer_maps_columns_and_splits_on_a_phone_without_javascript(
    browser, live_server, inspector
):
    review = review_start(file_name="made.txt", content=made.as_text().encode(), actor=None)
    context, page = sign_in(
        browser, live_server, inspector.username, PASSWORD, java_script_enabled=False,
        bypass_csp=True,
    )  # fmt: skip
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{live_server.url}/imports/{review.pk}/")
    page.get_by_label("Column 6: “6. Target date”").select_option(
        label="Progress, status or other notes"
    )
    page.get_by_role("button", name="Read the table again").click()
    page.get_by_text("The table was read again with your columns").wait_for()
    assert ColumnMapping.objects.get().column_map["5"] == "progress"
    page.get_by_text("Split or merge recommendations").click()
    page.get_by_label("Recommendation to split").select_option(label="Recommendation 1")
    page.get_by_label("Words the second recommendation starts with").fill("nowhere in it")
    page.get_by_role("button", name="Split", exact=True).click()
    page.get_by_text("There is a problem").wait_for()
    assert page.title().startswith("Error:")
    page.get_by_role("link", name=re.compile("does not have these words")).click()
    page.get_by_label("Words the second recommendation starts with").fill("for instrument loans")
    page.get_by_label("Number of the new recommendation").fill("1a")
    page.get_by_role("button", name="Split", exact=True).click()
    page.get_by_text("The recommendation was split in two").wait_for()
    labels = [r["label"] for r in ImportReview.objects.get().extraction["recommendations"]]
    assert labels[:2] == ["1", "1a"]
    context.close()


def test_the_review_page_passes_axe_and_fits_a_phone_with_and_without_errors(
    browser, live_server, inspector
):
    review = review_start(file_name="made.txt", content=made.as_text().encode(), actor=None)
    context, page = sign_in(browser, live_server, inspector.username, PASSWORD, bypass_csp=True)
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{live_server.url}/imports/{review.pk}/")
    found = {}
    for state in ("as read", "with errors"):
        if state == "with errors":
            page.get_by_text("Split or merge recommendations").click()
            page.get_by_role("button", name="Split", exact=True).click()
            page.get_by_text("There is a problem").wait_for()
        if violations := axe_violations(page):
            found[f"{state}: axe"] = violations
        if (width := page.evaluate("document.documentElement.scrollWidth")) > 375:
            found[f"{state}: page width"] = width
    context.close()
    assert not found, found
