"""My organisation: a summary first, each action in one list only, long lists cut to their first
ten with a link to the rest, and a service's own improvement actions counted."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from followthrough.actionplans.models import Action
from tests.actionplans.factories import ActionFactory, ProgressUpdateFactory, ResponseFactory
from tests.selfassessment.factories import (
    AssessedRecommendationFactory,
    ImprovementActionFactory,
    SelfAssessmentFactory,
)

URL = reverse("reporting:my-organisation")


def _overdue(body, n, *, updated_days_ago=120):  # type: ignore[no-untyped-def]
    response = ResponseFactory(responding_organisation=body)
    actions = []
    for i in range(n):
        action = ActionFactory(
            response=response,
            owner_organisation=body,
            target_text="March 2020",
            description=f"Synthetic overdue promise number {i:03d}",
        )
        ProgressUpdateFactory(action=action, date=date.today() - timedelta(days=updated_days_ago))
        actions.append(action)
    return actions


def test_an_overdue_action_quiet_for_months_is_listed_once(client, body_viewer, known_bodies):
    (action,) = _overdue(known_bodies["YJB"], 1)
    client.force_login(body_viewer)
    html = client.get(URL).content.decode()
    assert "Overdue (1)" in html
    assert html.count(action.description) == 1


def test_a_long_list_shows_its_first_ten_and_links_to_the_rest(client, body_viewer, known_bodies):
    body = known_bodies["YJB"]
    _overdue(body, 25)
    client.force_login(body_viewer)
    html = client.get(URL).content.decode()
    assert "Overdue (25)" in html
    assert html.count("Synthetic overdue promise number") == 10
    assert f"?org={body.pk}&amp;list=overdue" in html and "Show 15 more" in html
    full = client.get(URL, {"org": body.pk, "list": "overdue"}).content.decode()
    assert full.count("Synthetic overdue promise number") == 25
    assert '<h1 class="govuk-heading-l">Overdue</h1>' in full


def test_the_page_costs_the_same_queries_for_five_actions_or_fifty(
    client, body_viewer, known_bodies
):
    body = known_bodies["YJB"]
    client.force_login(body_viewer)
    counts = []
    for n in (5, 45):
        _overdue(body, n)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
    assert Action.objects.count() == 50


def test_a_service_manager_sees_the_services_improvement_actions(
    client, service_manager, youth_justice_service
):
    assessment = SelfAssessmentFactory(organisation=youth_justice_service)
    item = AssessedRecommendationFactory(assessment=assessment)
    for i in range(12):
        ImprovementActionFactory(
            item=item,
            description=f"Synthetic improvement {i}",
            target_text="March 2020" if i < 3 else "March 2035",
        )
    client.force_login(service_manager)
    html = client.get(URL).content.decode()
    assert 'self-assessments</dt><dd class="govuk-summary-list__value">12</dd>' in html
    assert "Improvement actions from self-assessments (12)" in html
    assert "Improvement actions whose target has passed (3)" in html


def test_a_second_visit_reads_the_lists_from_the_cache_and_a_change_shows_at_once(
    client, body_viewer, known_bodies
):
    body = known_bodies["YJB"]
    first = _overdue(body, 3)
    client.force_login(body_viewer)
    with CaptureQueriesContext(connection) as counted:
        assert "Overdue (3)" in client.get(URL).content.decode()
    with CaptureQueriesContext(connection) as cached:
        assert "Overdue (3)" in client.get(URL).content.decode()
    assert len(cached) <= len(counted) - 5  # the counts, four lists and reports are not read
    _overdue(body, 1)
    assert "Overdue (4)" in client.get(URL).content.decode()
    ProgressUpdateFactory(action=first[0], date=date.today())
    html = client.get(URL).content.decode()
    assert date.today().strftime("%-d %b %Y") in html


def test_actions_by_report_are_shown_fifty_reports_a_page(client, body_viewer, known_bodies):
    body = known_bodies["YJB"]
    for _ in range(51):
        ActionFactory(
            response=ResponseFactory(responding_organisation=body), owner_organisation=body
        )
    client.force_login(body_viewer)
    html = client.get(URL).content.decode()
    assert "51 reports, by title: showing 1 to 50." in html
    assert 'aria-label="Pages of actions by report"' in html and "reports_page=2#by-report" in html
    rest = client.get(URL, {"reports_page": 2}).content.decode()
    assert "showing 51 to 51" in rest
