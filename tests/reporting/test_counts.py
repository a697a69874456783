"""The overview counts a body's actions by the responses they sit in; the organisation pages
count the actions it owns. Each page says which, and the organisation pages show both."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.actionplans.factories import ActionFactory, ActionPlanFactory, ResponseFactory


def _rows(html: str) -> dict[str, list[str]]:
    """Each table row's cells as text, keyed by its first cell."""
    rows = {}
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", html, flags=re.S):
        cells = [
            re.sub(r"<[^>]+>", "", c).strip()
            for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, flags=re.S)
        ]
        if cells:
            rows.setdefault(cells[0], cells)
    return rows


@pytest.fixture
def counted(known_bodies):
    """By hand: the YJB's responses hold 3 actions (1 it owns, 2 the MoJ owns); the MoJ's
    response holds 1 action, which the YJB owns. So the YJB: 3 in its responses, owns 2; the
    MoJ: 1 in its responses, owns 2."""
    yjb, moj = known_bodies["YJB"], known_bodies["MoJ"]
    plan = ActionPlanFactory()
    yjb_response = ResponseFactory(action_plan=plan, responding_organisation=yjb)
    moj_response = ResponseFactory(action_plan=plan, responding_organisation=moj)
    ActionFactory(response=yjb_response, owner_organisation=yjb)
    ActionFactory.create_batch(2, response=yjb_response, owner_organisation=moj)
    ActionFactory(response=moj_response, owner_organisation=yjb)
    return yjb, moj


def test_overview_says_it_counts_the_actions_in_each_bodys_responses(client, viewer, counted):
    client.force_login(viewer)
    html = client.get(reverse("reporting:overview")).content.decode()
    assert "Actions in each organisation&#x27;s responses" in html
    rows = _rows(html)
    assert "Actions in its responses" in rows["Organisation"]
    assert rows["Youth Justice Board"][1] == "3"
    assert rows["Ministry of Justice"][1] == "1"


def test_organisation_list_shows_both_counts_under_their_own_headings(client, viewer, counted):
    client.force_login(viewer)
    rows = _rows(client.get(reverse("reporting:organisation-list")).content.decode())
    headings = rows["Organisation"]
    assert headings[3:5] == ["Actions in its responses", "Actions it owns"]
    assert [c for c in rows["Youth Justice Board"][3:5]] == ["3", "2"]
    assert [c for c in rows["Ministry of Justice"][3:5]] == ["1", "2"]


def test_organisation_list_is_counted_once_and_recounted_on_a_change(client, viewer, counted):
    yjb, _ = counted
    client.force_login(viewer)
    client.get(reverse("reporting:organisation-list"))
    with CaptureQueriesContext(connection) as ctx:
        again = _rows(client.get(reverse("reporting:organisation-list")).content.decode())
    assert not [q for q in ctx.captured_queries if "COUNT(" in q["sql"]]  # read from the cache
    assert again["Youth Justice Board"][3:5] == ["3", "2"]
    ActionFactory(response=yjb.responses.first(), owner_organisation=yjb)
    after = _rows(client.get(reverse("reporting:organisation-list")).content.decode())
    assert after["Youth Justice Board"][3:5] == ["4", "3"]


def test_organisation_page_shows_what_it_owns_and_what_its_responses_hold(client, viewer, counted):
    yjb, _ = counted
    client.force_login(viewer)
    html = client.get(reverse("reporting:organisation-detail", args=[yjb.pk])).content.decode()
    assert "YJB owns 2 actions. Its own responses contain 3 actions" in html
    assert "Actions it owns: 2" in html
