"""A national body owns thousands of actions: its page sums them up by status first, then lists
them a page at a time, with each status a link to just those actions."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from followthrough.actionplans.models import Action
from followthrough.organisations.models import Organisation
from followthrough.reporting.views import organisations as views
from tests.inspections.test_pages import load_plans


@pytest.fixture
def yjb(db, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", 3)
    load_plans(2, 8)
    return Organisation.objects.get(short_name="YJB")


def rows_of(html: str, caption_start: str) -> int:
    table = html[html.index(caption_start) :]
    return table[: table.index("</tbody>")].count('<tr class="govuk-table__row">') - 1


def test_the_page_sums_up_by_status_then_lists_one_page(client, viewer, yjb):
    owned = Action.objects.filter(owner_organisation=yjb).with_state(today=timezone.localdate())
    assert owned.count() > 3
    client.force_login(viewer)
    html = client.get(reverse("reporting:organisation-detail", args=[yjb.pk])).content.decode()
    assert f"YJB owns {owned.count()} actions" in html
    for state in set(owned.values_list("state", flat=True)):
        count = owned.filter(state=state).count()
        assert re.search(
            rf"state={state}[^>]*>[^<]+<span[^>]*>[^<]*</span></a></td>\s*"
            rf'<td class="govuk-table__cell govuk-table__cell--numeric">{count}</td>',
            html,
        ), state
    assert f"Actions it owns: {owned.count()}, showing 1 to 3, status as at" in html
    assert rows_of(html, "Actions it owns: ") == 3
    assert "Page 1 of" in html and "actions_page=2" in html


def test_the_next_page_keeps_the_other_list_and_the_filter(client, viewer, yjb):
    today = timezone.localdate()
    owned = Action.objects.filter(owner_organisation=yjb).with_state(today=today)
    state = owned.values_list("state", flat=True).first()
    wanted = owned.filter(state=state).count()
    client.force_login(viewer)
    url = reverse("reporting:organisation-detail", args=[yjb.pk])
    html = client.get(url, {"state": state, "recommendations_page": 2}).content.decode()
    assert "(listed below)" in html
    assert re.search(rf"Actions it owns \([^)]+\): {wanted}\b", html)
    if wanted > 3:
        assert re.search(
            r'href="\?state=\w+&amp;recommendations_page=2&amp;actions_page=2#actions"', html
        )
    recommendations = yjb.recommendations.count()
    if recommendations > 3:
        assert "showing 4 to" in html  # the recommendations list stayed on its second page


def test_an_unknown_status_lists_everything(client, viewer, yjb):
    client.force_login(viewer)
    url = reverse("reporting:organisation-detail", args=[yjb.pk])
    html = client.get(url, {"state": "nonsense", "actions_page": "zzz"}).content.decode()
    total = Action.objects.filter(owner_organisation=yjb).count()
    assert f"Actions it owns: {total}, showing 1 to 3" in html


def test_a_second_visit_reads_the_summary_and_pages_kept_and_a_change_shows_at_once(
    client, viewer, yjb
):
    client.force_login(viewer)
    url = reverse("reporting:organisation-detail", args=[yjb.pk])
    first = client.get(url, {"actions_page": 2}).content.decode()
    with CaptureQueriesContext(connection) as ctx:
        again = client.get(url, {"actions_page": 2}).content.decode()
    assert not [q for q in ctx.captured_queries if "actionplans_action" in q["sql"]]
    assert not [q for q in ctx.captured_queries if "inspections_recommendation" in q["sql"]]
    assert again.count('<tr class="govuk-table__row">') == first.count(
        '<tr class="govuk-table__row">'
    )
    owned = Action.objects.filter(owner_organisation=yjb)
    action = owned.first()
    assert action is not None
    action.owner_organisation = None
    action.save()
    html = client.get(url).content.decode()
    assert f"YJB owns {owned.count()} actions" in html
