"""A service's self-assessment in a real browser with JavaScript switched off: start it, answer
every recommendation (told what is wrong on the way), turn a gap into an improvement action,
sign off, share, and take the Youth Justice Plan section away as Word. Then axe on every page."""

from __future__ import annotations

import io
import re

import pytest
from docx import Document

from followthrough.selfassessment.models import ImprovementAction, SelfAssessment
from tests.browser.conftest import axe_violations
from tests.browser.conftest import sign_in as sign_in_as
from tests.conftest import PASSWORD
from tests.selfassessment.factories import ImprovementActionFactory
from tests.selfassessment.made import make_assessment, make_thematics

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(browser, live_server, user, *, javascript=True):
    return sign_in_as(
        browser,
        live_server,
        user.username,
        PASSWORD,
        java_script_enabled=javascript,
        bypass_csp=True,  # axe is injected as an inline script
        accept_downloads=True,
    )


def answer_line(page, question, answer, comment=""):
    page.get_by_role("group", name=question).get_by_label(answer, exact=True).check()
    if comment:
        index = int(re.search(r"part (\d+)", question).group(1)) - 1
        page.locator(f"#id_comment_{index}").fill(comment)


def test_a_full_assessment_from_start_to_youth_justice_plan_without_javascript(
    browser, live_server, youth_justice_service, service_manager
):
    make_thematics(reports=1, per_report=2, lines=2)
    service = youth_justice_service
    context, page = sign_in(browser, live_server, service_manager, javascript=False)

    page.get_by_role("link", name="Self-assessments").click()
    page.get_by_role("link", name="Start a self-assessment").click()
    assert page.get_by_label("Youth justice service").input_value() == str(service.pk)
    page.get_by_label("Year", exact=True).fill("2026")
    page.get_by_role("button", name="Start the assessment").click()
    page.get_by_role("heading", level=1, name=service.name).wait_for()

    # A gap with no explanation and a rating with no reason are refused, with what to do.
    page.get_by_role("link", name="Answer recommendation 1").click()
    answer_line(page, "Is part 1 of area 1 in place?", "Partly")
    answer_line(page, "Is part 2 of area 1 in place?", "Yes")
    page.get_by_label("Requires improvement").check()
    page.get_by_role("button", name="Save and go to the next recommendation").click()
    page.get_by_text("There is a problem").wait_for()
    assert page.get_by_text("Say what is missing").count() >= 1
    assert page.get_by_text("Explain the rating").count() >= 1
    answer_line(page, "Is part 1 of area 1 in place?", "Partly", "Only in the north team")
    page.get_by_role("group", name="Minutes showing part 1").get_by_label(
        "We hold this evidence"
    ).check()
    page.locator("#id_link_0").fill("Board papers, June")
    page.get_by_label("Why this rating").fill("Half the teams do it; the board has not seen it")
    page.get_by_role("button", name="Save and go to the next recommendation").click()

    page.get_by_role("heading", level=1, name="Assess recommendation 2").wait_for()
    answer_line(page, "Is part 1 of area 2 in place?", "Yes")
    answer_line(page, "Is part 2 of area 2 in place?", "Not applicable")
    page.get_by_label("Good", exact=True).check()
    page.get_by_label("Why this rating").fill("Reviewed every year at the board")
    page.get_by_role("button", name="Save and return to the assessment").click()
    page.get_by_text("Recommendation 2 saved").wait_for()

    # The gap becomes an improvement action with an owner, a target and a measure.
    page.get_by_role("link", name="Add an improvement action for recommendation 1").click()
    page.get_by_label("What will be done").fill("Publish a practice standard and audit it")
    page.get_by_label("Responsible owner").fill("Head of Service")
    page.get_by_label("Target date").fill("March 2027")
    page.get_by_label("How we will know it is done").fill("Audit reported to the board")
    page.get_by_role("button", name="Save improvement action").click()
    page.get_by_text("Improvement action saved").wait_for()

    page.get_by_role("button", name="Sign off the assessment").click()
    page.get_by_text("The assessment is signed off").wait_for()
    page.get_by_label("Yes", exact=True).check()
    page.get_by_role("button", name="Save sharing").click()
    page.get_by_text("The inspectorate can now read this assessment").wait_for()

    page.get_by_role("link", name=re.compile("^Summary")).click()
    heat_map = page.get_by_role("table", name=re.compile("Heat map"))
    assert "1: Requires improvement" in heat_map.inner_text()
    assert "2: Good" in heat_map.inner_text()
    with page.expect_download() as download:
        page.get_by_role("link", name="Youth Justice Plan section (Word)").click()
    document = Document(io.BytesIO(download.value.path().read_bytes()))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert "Requires improvement" in cells and "Good" in cells
    assert "Publish a practice standard and audit it" in cells
    assert any(f"Signed off by {service_manager.username}" in p.text for p in document.paragraphs)
    context.close()

    assessment = SelfAssessment.objects.get()
    assert (assessment.status, assessment.shared_with_inspectorate) == ("signed_off", True)
    assert ImprovementAction.objects.get().due_date.isoformat() == "2027-03-31"


def test_every_self_assessment_page_passes_axe(
    browser, live_server, settings, tmp_path, youth_justice_service, service_manager
):
    settings.UPLOAD_ROOT = tmp_path
    make_thematics(reports=2, per_report=2, lines=2)
    signed = make_assessment(youth_justice_service, 2025, service_manager)
    SelfAssessment.objects.filter(pk=signed.pk).update(status="signed_off")
    assessment = make_assessment(youth_justice_service, 2026, service_manager)
    item = assessment.items.first()
    action = ImprovementActionFactory(
        item=item, description="Audit ten cases", owner_text="Head of Service", target_text="2027"
    )
    context, page = sign_in(browser, live_server, service_manager)
    paths = [
        "/self-assessments/",
        "/self-assessments/new/",
        f"/self-assessments/{assessment.pk}/",
        f"/self-assessments/{signed.pk}/",
        f"/self-assessments/items/{item.pk}/",
        f"/self-assessments/{assessment.pk}/summary/",
        f"/self-assessments/{assessment.pk}/board/",
        f"/self-assessments/items/{item.pk}/improvements/new/",
        f"/improvement-actions/{action.pk}/edit/",
        f"/improvement-actions/{action.pk}/progress/",
        f"/history/self-assessment/{assessment.pk}/",
    ]
    found = {}
    for path in paths:
        page.goto(live_server.url + path)
        assert page.locator("h1").count() == 1, path
        violations = axe_violations(page)
        if violations:
            found[path] = violations
    # The answer form with its errors showing.
    page.goto(f"{live_server.url}/self-assessments/items/{item.pk}/")
    page.get_by_role("group", name="Is part 1 of area 1 in place?").get_by_label(
        "No", exact=True
    ).check()
    page.get_by_role("button", name="Save and return to the assessment").click()
    page.get_by_text("There is a problem").wait_for()
    violations = axe_violations(page)
    if violations:
        found["item form with errors"] = violations
    context.close()
    assert not found, found
