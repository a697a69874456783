"""The whole loop in a real browser: respond, act, submit, publish, complete, judge, report."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.db import transaction

from followthrough.actionplans.models import Action, ActionPlan, Review
from followthrough.actionplans.services import action_save, response_record
from followthrough.inspections.models import Report
from tests.browser.conftest import sign_in as sign_in_as
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(browser, live_server, user):
    return sign_in_as(browser, live_server, user.username, PASSWORD)


def test_from_response_to_judgement_to_the_annual_report(
    browser, live_server, body_contributor, body_approver, inspector, sample_plan
):
    report = Report.objects.get()
    due = date.today() + timedelta(days=20)

    # A contributor answers "partly agreed" without a reason, is told why, fixes it, adds an action.
    context, page = sign_in(browser, live_server, body_contributor)
    page.goto(f"{live_server.url}/reports/{report.pk}/")
    page.get_by_role("link", name="Start an action plan for your organisation").click()
    page.get_by_role("button", name="Start the draft plan").click()
    page.get_by_role("link", name=re.compile("^Edit the response to recommendation")).first.click()
    page.get_by_label("Partly agreed").check()
    page.get_by_role("button", name="Save response").click()
    page.get_by_text("There is a problem").wait_for()
    page.get_by_label("Policy").check()
    page.get_by_label("Which part will be implemented?").fill("The guidance.")
    page.get_by_label("Response", exact=True).fill("The rest waits for a policy decision.")
    page.get_by_role("button", name="Save response").click()
    page.get_by_text(re.compile("Response to recommendation .* saved")).wait_for()
    page.get_by_role("link", name=re.compile("^Add an action")).first.click()
    page.get_by_label("What will be done").fill("Publish guidance on resettlement panels")
    page.get_by_label("Responsible owner").fill("Head of Practice, YJB")
    page.get_by_label("Target date").fill(f"{due:%-d %B %Y}")
    page.get_by_label("How we will know it is done").fill("Guidance on the website")
    page.get_by_role("button", name="Save action").click()
    page.get_by_text(re.compile("Action on recommendation .* saved")).wait_for()
    context.close()
    plan = ActionPlan.objects.get(status="draft")
    action = Action.objects.get(owner_text="Head of Practice, YJB")
    for response in plan.responses.filter(decision=""):
        with transaction.atomic():
            response_record(
                response=response,
                decision="agreed",
                reason_categories=[],
                agreed_part="",
                narrative="We will.",
                version=response.version,
                actor=None,
            )
    for response in plan.responses.filter(actions__isnull=True):
        with transaction.atomic():
            action_save(
                response=response,
                action=None,
                description="Publish synthetic guidance",
                owner_text="Head of Synthetic Practice",
                owner_organisation=None,
                target_text="March 2099",
                measure="Guidance published",
                version=None,
                actor=None,
            )

    # The approver submits and publishes.
    context, page = sign_in(browser, live_server, body_approver)
    page.goto(f"{live_server.url}/reports/{report.pk}/action-plan/?plan={plan.pk}")
    page.get_by_role("button", name="Submit the plan").click()
    page.get_by_text("The plan is now submitted").wait_for()
    page.get_by_role("button", name="Publish the plan").click()
    page.get_by_text("The plan is now published").wait_for()
    context.close()

    # The owner completes the action from the dashboard, in place (htmx).
    context, page = sign_in(browser, live_server, body_contributor)
    page.goto(f"{live_server.url}/my-organisation/")
    row = page.get_by_role("row").filter(has_text="Head of Practice, YJB").first
    row.get_by_text("Post an update").click()
    row.get_by_label("New status").select_option("completed")
    row.get_by_label("What has happened").fill("Published on the website.")
    row.get_by_role("button", name="Save update").click()
    row.get_by_text("Evidence").first.wait_for()
    row.get_by_text("Give the evidence that shows the action is done").wait_for()
    assert "/my-organisation/" in page.url  # the page never reloaded
    row.get_by_label(re.compile("^Evidence")).fill("https://example.invalid/guidance")
    row.get_by_role("button", name="Save update").click()
    row.get_by_text("Update saved").wait_for()
    action.refresh_from_db()
    assert action.status == "completed" and action.completed_on == date.today()
    context.close()

    # The inspectorate judges the recommendation achieved.
    context, page = sign_in(browser, live_server, inspector)
    rec = action.response.recommendation
    page.goto(f"{live_server.url}/recommendations/{rec.pk}/")
    page.get_by_role("link", name=re.compile("^Record a judgement")).click()
    page.get_by_label("Date of the judgement").fill(date.today().isoformat())
    page.get_by_label("Judgement", exact=True).select_option(label="Achieved")
    page.get_by_label("How the evidence was checked").select_option("document_verified")
    page.get_by_label("Commentary").fill("Guidance seen and in use.")
    page.get_by_role("button", name="Record the judgement").click()
    page.wait_for_url(re.compile(f"/recommendations/{rec.pk}/$"))
    assert Review.objects.get(recommendation=rec).judgement == "achieved"

    # The annual progress report shows all of it.
    page.goto(f"{live_server.url}/reports/{report.pk}/")
    page.get_by_role("link", name=re.compile("^Progress report")).click()
    card = page.locator(".govuk-summary-card").filter(has_text="Guidance seen and in use.")
    card.get_by_text("Achieved").first.wait_for()
    assert card.get_by_role("cell", name="Head of Practice, YJB").count() == 1
    assert "Completed" in card.get_by_role("row").filter(has_text="Head of Practice").inner_text()
    context.close()


def test_dashboard_filters_apply_without_a_reload(browser, live_server, inspector, sample_plan):
    context, page = sign_in(browser, live_server, inspector)
    page.goto(f"{live_server.url}/inspectorate/")
    caption = page.locator("caption", has_text="open recommendation")
    before = caption.inner_text()
    page.evaluate("window.__marker = 'still here'")
    page.get_by_label("Decision").select_option("not_agreed")
    page.wait_for_url(re.compile(r"decision=not_agreed"))
    page.wait_for_function(
        "before => document.querySelector('#dashboard-results caption').innerText !== before",
        arg=before,
    )
    assert page.evaluate("window.__marker") == "still here"
    context.close()
