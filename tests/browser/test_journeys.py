"""A person's way through Followthrough, in Debian's chromium, with axe on every page type."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.db import transaction

from followthrough.actionplans.models import Action, ActionPlan, Response
from followthrough.actionplans.services import action_plan_start, version_record
from followthrough.ingest.review import review_start
from followthrough.inspections.models import Recommendation, Report
from followthrough.organisations.models import Membership, Organisation
from tests.browser.conftest import axe_violations
from tests.conftest import PASSWORD, ingest_text
from tests.ingest import made_documents as made
from tests.ingest.test_practice import GUIDE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def signed_in(page, live_server, inspector, sample_plan):
    # The inspector here also administers the inspectorate, so the audit pages are in reach.
    # A second membership keeps the reviewer role, so the judgement page is in reach too.
    Membership.objects.create(
        user=inspector,
        organisation=Organisation.objects.get(short_name="CQC"),
        role=Membership.Role.REVIEWER,
    )
    # (and, as an admin, may start a plan: the page that does so is checked too).
    Membership.objects.filter(user=inspector).update(role=Membership.Role.ADMIN)
    page.goto(f"{live_server.url}/reports/")
    assert "/accounts/login/" in page.url
    page.get_by_label("Username").fill(inspector.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/reports/$"))
    return page


def test_inspector_follows_a_recommendation_to_its_source_passage(signed_in, live_server):
    page = signed_in
    report = Report.objects.get()
    page.get_by_role("link", name=report.title).click()
    page.get_by_role("heading", level=1, name=report.title).wait_for()
    page.get_by_role("link", name=re.compile("^Action plan:")).click()
    page.get_by_role("columnheader", name="Responsible owner").wait_for()
    states = Action.objects.with_state(today=date.today())
    overdue = states.filter(state="overdue").count()
    waiting = states.filter(state="no_update").count()  # passed, nothing recorded since import
    assert overdue + waiting > 0
    assert page.locator(".ft-overdue", has_text="Overdue").count() == overdue
    assert page.get_by_text("Target passed: no progress recorded").count() == waiting
    page.get_by_role("link", name=re.compile("open recommendation 1$")).click()
    page.get_by_role("heading", level=1, name="Recommendation 1").wait_for()
    assert page.get_by_role("cell", name=re.compile("Overdue|Target passed")).count() >= 1
    page.get_by_role("link", name=re.compile("^Source: where this recommendation")).click()
    passage = page.get_by_label("Source passage")
    rec = Recommendation.objects.get(label="1")
    expected = Report.objects.get().recommendations.get(pk=rec.pk).source
    assert passage.inner_text().startswith("1\t")
    assert passage.inner_text() == expected.text[rec.source_start : rec.source_end]


def test_search_box_finds_a_recommendation(signed_in):
    page = signed_in
    page.get_by_role("link", name="Overview").click()
    page.get_by_label("Search recommendations and actions").fill("Operational Policy")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name=re.compile("^Recommendation 3")).click()
    page.get_by_role("heading", level=1, name="Recommendation 3").wait_for()


def test_every_page_type_passes_axe(signed_in, live_server):
    page = signed_in
    report = Report.objects.get()
    rec = report.recommendations.first()
    hmip = Organisation.objects.get(short_name="HMI Probation")
    # The inspector may report progress on one action, so that page is checked too.
    progress_action = Action.objects.first()
    progress_action.owner_organisation = hmip
    progress_action.save()
    published = ActionPlan.objects.get(status="published")
    with transaction.atomic():
        draft_response = action_plan_start(
            report=report, organisation=hmip, actor=None
        ).responses.first()
    paths = [
        "/",
        "/reports/",
        f"/reports/{report.pk}/",
        f"/reports/{report.pk}/action-plan/",
        f"/recommendations/{rec.pk}/",
        f"/sources/{rec.source_id}/?start={rec.source_start}&end={rec.source_end}",
        "/search/?q=plan",
        "/accessibility/",
        "/reports/999999/",
        "/organisations/",
        "/my-organisation/",
        "/inspectorate/?overdue=on",
        f"/actions/{progress_action.pk}/progress/",
        f"/recommendations/{rec.pk}/reviews/new/",
        "/audit/?since=not-a-date",
        f"/history/recommendation/{rec.pk}/",
        f"/organisations/{Organisation.objects.get(short_name='HMI Probation').pk}/members/",
        "/accounts/password/change/",
        "/accounts/two-factor/setup/",
        "/account/",
        f"/reports/{report.pk}/action-plan/new/",
        f"/responses/{draft_response.pk}/edit/",
        f"/responses/{draft_response.pk}/actions/new/",
        f"/reports/{report.pk}/action-plan/?plan={draft_response.action_plan_id}",
        f"/organisations/{Organisation.objects.get(short_name='YJB').pk}/",
        f"/reports/{report.pk}/progress-report/",
        f"/action-plans/{published.pk}/versions/{version_record(published, actor=None).number}/",
        "/inspectorate/",
        "/imports/",
        f"/reports/{ingest_text(GUIDE, 'made_guide.txt').stored.pk}/",
        f"/reports/{report.pk}/findings/",
        f"/imports/{review_start(file_name='made.docx', content=made.as_docx(), actor=None).pk}/",
    ]
    found = {}
    for path in paths:
        page.goto(live_server.url + path)
        violations = axe_violations(page)
        if violations:
            found[path] = violations
    page.goto(live_server.url + "/")
    page.get_by_role("button", name=re.compile("^Sign out")).click()
    page.wait_for_url(re.compile("/accounts/login/"))
    page.get_by_role("button", name="Sign in").click()
    page.get_by_text("There is a problem").wait_for()
    violations = axe_violations(page)
    if violations:
        found["/accounts/login/ with errors"] = violations
    assert not found, found


def test_pages_work_without_javascript(browser, live_server, inspector, sample_plan):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(inspector.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("heading", level=1, name="Overview").wait_for()
    page.get_by_label("Search recommendations and actions").fill("plan")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("heading", name=re.compile("results? for")).wait_for()
    context.close()


def test_a_contributor_records_a_response_without_javascript(
    browser, live_server, body_contributor, sample_plan
):
    context = browser.new_context(java_script_enabled=False, bypass_csp=True)
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(body_contributor.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    report = Report.objects.get()
    page.goto(f"{live_server.url}/reports/{report.pk}/")
    page.get_by_role("link", name="Start an action plan for your organisation").click()
    page.get_by_role("button", name="Start the draft plan").click()
    page.get_by_role("link", name=re.compile("^Edit the response to recommendation")).first.click()
    page.get_by_label("Partly agreed").check()
    page.get_by_role("button", name="Save response").click()
    page.get_by_text("There is a problem").wait_for()
    page.get_by_label("Affordability").check()
    page.get_by_label("Which part will be implemented?").fill("The training.")
    page.get_by_label("Response", exact=True).fill("The rest is not affordable this year.")
    page.get_by_role("button", name="Save response").click()
    page.get_by_text(re.compile("Response to recommendation .* saved")).wait_for()
    assert (
        Response.objects.filter(decision="partly_agreed", action_plan__status="draft").count() == 1
    )
    page.get_by_role("link", name=re.compile("^Add an action")).first.click()
    page.get_by_label("What will be done").fill("Publish a training plan for custody staff")
    page.get_by_label("Responsible owner").fill("Head of Workforce, YJB")
    page.get_by_label("Target date").fill("someday")
    page.get_by_role("button", name="Save action").click()
    page.get_by_text("Enter a target we can read").first.wait_for()
    page.get_by_label("Target date").fill("Q2 2027")
    page.get_by_role("button", name="Save action").click()
    page.get_by_text(re.compile("Action on recommendation .* saved")).wait_for()
    assert Action.objects.filter(
        target_kind="quarter", owner_text="Head of Workforce, YJB"
    ).exists()
    context.close()
