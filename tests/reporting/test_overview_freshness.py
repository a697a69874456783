"""The overview's figures are counted once and then read from the cache until the data under
them changes (core/freshness.py): cheap on every visit, never out of date, never counting
records the reader cannot see."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from followthrough.actionplans.models import ActionPlan
from tests.actionplans.factories import ActionFactory, ActionPlanFactory, ResponseFactory
from tests.reporting.test_counts import _rows


@pytest.fixture
def plans(known_bodies):
    """A published plan of the YJB's with 2 actions, and a draft of the MoJ's with 3."""
    yjb, moj = known_bodies["YJB"], known_bodies["MoJ"]
    published = ResponseFactory(responding_organisation=yjb)
    ActionFactory.create_batch(2, response=published, owner_organisation=yjb)
    draft_plan = ActionPlanFactory(status=ActionPlan.Status.DRAFT, coordinating_organisation=moj)
    draft = ResponseFactory(action_plan=draft_plan, responding_organisation=moj)
    ActionFactory.create_batch(3, response=draft, owner_organisation=moj)
    return published, draft


def overview(client) -> tuple[dict[str, list[str]], int]:
    with CaptureQueriesContext(connection) as ctx:
        html = client.get(reverse("reporting:overview")).content.decode()
    return _rows(html), len(ctx.captured_queries)


def test_a_second_visit_reads_the_figures_without_counting_again(client, body_viewer, plans):
    client.force_login(body_viewer)
    first, counted = overview(client)
    again, cached = overview(client)
    assert again == first
    assert cached <= counted - 3  # the three aggregate queries are not run again


def test_a_change_is_counted_at_once(client, body_viewer, plans):
    published, _ = plans
    client.force_login(body_viewer)
    before, _ = overview(client)
    assert before["Youth Justice Board"][1] == "2"
    ActionFactory(response=published)
    after, _ = overview(client)
    assert after["Youth Justice Board"][1] == "3"


def test_a_reader_never_gets_figures_counted_for_someone_who_sees_more(
    client, body_viewer, other_body_viewer, plans
):
    client.force_login(other_body_viewer)  # the MoJ's: sees its own draft
    mine, _ = overview(client)
    assert mine["Ministry of Justice"][1] == "3"
    client.force_login(body_viewer)  # the YJB's: the MoJ's draft is not theirs to see
    theirs, _ = overview(client)
    assert "Ministry of Justice" not in theirs


def test_states_move_with_the_date(client, body_viewer, plans, time_machine):
    published, _ = plans
    due = date.today() + timedelta(days=10)
    for action in published.actions.all():
        action.due_date, action.target_text = due, due.isoformat()
        action.save()
    client.force_login(body_viewer)
    before, _ = overview(client)
    assert before["Due in the next 90 days"][1] == "2"
    time_machine.move_to(due + timedelta(days=5))
    client.force_login(body_viewer)  # the session has timed out meanwhile
    after, _ = overview(client)  # nothing about the plans saved since: only the day has changed
    assert after["Target passed: no progress recorded"][1] == "2"
    assert after.get("Due in the next 90 days", ["", "0"])[1] == "0"


def test_a_second_visit_reuses_the_figures_rendering(client, body_viewer, plans):
    """Rendering a national overview's tables cost more than counting them: the rendering is
    kept under the same version, so a second visit only asks whether the data has changed."""
    client.force_login(body_viewer)
    client.get(reverse("reporting:overview"))
    with CaptureQueriesContext(connection) as ctx:
        page = client.get(reverse("reporting:overview")).content.decode()
    looks = [q["sql"] for q in ctx.captured_queries if "MAX(" in q["sql"] and "history" in q["sql"]]
    assert len(looks) == 1  # the page's version; the figures themselves are not read
    assert "Youth Justice Board" in page
