"""The inspectorate's dashboard at a larger scale: every filter runs in the database, so its
counts and exports are exact past the old 500-row cap, and its query count stays flat."""

from __future__ import annotations

import csv
import io
import re
from datetime import date

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from followthrough.actionplans.models import Action, ProgressUpdate, Response, Review
from followthrough.inspections.models import Recommendation
from followthrough.reporting.selectors import burn_up
from followthrough.reporting.selectors.recommendations import open_recommendation_queryset
from tests.actionplans.factories import (
    ActionFactory,
    ActionPlanFactory,
    EscalationFactory,
    ProgressUpdateFactory,
    ResponseFactory,
    ReviewFactory,
)
from tests.inspections.factories import RecommendationFactory, ReportFactory
from tests.organisations.factories import OrganisationFactory

URL = "/inspectorate/"
N = 1200

# What each tenth of the recommendations is given: (decision, action target or state, review).
KINDS = {
    0: (None, None, None),
    1: ("agreed", "future", None),
    2: ("agreed", "future", None),
    3: ("agreed", "future", None),
    4: ("partly_agreed", "completed", None),
    5: ("agreed", "overdue", None),
    6: ("not_agreed", None, None),
    7: ("agreed", "passed", None),
    8: ("agreed", "completed", "achieved"),
    9: ("agreed", "overdue", "not_achieved"),
}
STATUS_OF = {0: "no_actions", 4: "actions_complete", 6: "no_actions", 9: "not_met"}


@pytest.fixture
def world(db):
    """N recommendations over four reports, built with the tests' factories in bulk."""
    body = OrganisationFactory()
    reports = [ReportFactory(published=date(2021 + k, 6, 1)) for k in range(4)]
    plans = [ActionPlanFactory(report=report) for report in reports]
    recs = Recommendation.objects.bulk_create(
        RecommendationFactory.build(report=reports[i % 4], order=i) for i in range(N)
    )
    responses, actions, reviews = [], [], []
    for i, rec in enumerate(recs):
        decision, target, judgement = KINDS[i % 10]
        if decision:
            responses.append(
                ResponseFactory.build(
                    action_plan=plans[i % 4],
                    recommendation=rec,
                    responding_organisation=body,
                    decision=decision,
                )
            )
        if judgement:
            reviews.append(ReviewFactory.build(recommendation=rec, judgement=judgement))
    Response.objects.bulk_create(responses)
    Review.objects.bulk_create(reviews)
    targets = {"future": "March 2035", "completed": "Completed", "overdue": "March 2020"}
    targets["passed"] = "March 2020"
    for response in responses:
        target = KINDS[response.recommendation.order % 10][1]
        if target:
            actions.append(
                ActionFactory.build(
                    response=response, owner_organisation=body, target_text=targets[target]
                )
            )
    Action.objects.bulk_create(actions)
    ProgressUpdate.objects.bulk_create(
        ProgressUpdateFactory.build(action=action)
        for action in actions
        if KINDS[action.response.recommendation.order % 10][1] == "overdue"
    )
    return [(i % 4, i % 10, reports[i % 4]) for i in range(N)], reports


def _expected(rows, **want) -> int:  # type: ignore[no-untyped-def]
    count = 0
    for report_index, kind, _ in rows:
        decision, target, judgement = KINDS[kind]
        if judgement == "achieved":
            continue
        status = STATUS_OF.get(kind, "in_progress")
        if "report" in want and report_index != want["report"]:
            continue
        if "decision" in want and decision != want["decision"]:
            continue
        if "status" in want and status != want["status"]:
            continue
        if want.get("overdue") and target != "overdue":
            continue
        count += 1
    return count


def _caption(html: str) -> int:
    return int(re.search(r"(\d+) open recommendations?</caption>", html).group(1))


def test_counts_are_exact_past_the_old_cap(client, inspector, world):
    rows, reports = world
    client.force_login(inspector)
    html = client.get(URL).content.decode()
    assert _caption(html) == _expected(rows) == 1080
    assert f"Showing 1 to 50 of {_expected(rows)}" in html
    table = html.split("open recommendations</caption>")[1].split("</table>")[0]
    assert table.count('<tr class="govuk-table__row">') - 1 == 50  # the header row and a page
    for status in ("no_actions", "in_progress", "actions_complete", "not_met"):
        assert _caption(client.get(URL, {"status": status}).content.decode()) == _expected(
            rows, status=status
        )
    agreed_overdue = {"decision": "agreed", "overdue": "on"}
    assert _caption(client.get(URL, agreed_overdue).content.decode()) == _expected(
        rows, decision="agreed", overdue=True
    )
    one = {"report": reports[1].pk, "decision": "agreed"}
    assert _caption(client.get(URL, one).content.decode()) == _expected(
        rows, report=1, decision="agreed"
    )


def test_pages_keep_the_filters_and_the_last_page_holds_the_rest(client, inspector, world):
    rows, _ = world
    client.force_login(inspector)
    total = _expected(rows, decision="agreed")
    first = client.get(URL, {"decision": "agreed", "sort": "oldest"}).content.decode()
    assert "decision=agreed&amp;sort=oldest&amp;page=2" in first
    last = -(-total // 50)
    html = client.get(URL, {"decision": "agreed", "page": last}).content.decode()
    assert f"Showing {(last - 1) * 50 + 1} to {total} of {total}" in html
    assert client.get(URL, {"page": "x" * 50}).status_code == 200


def test_exports_hold_every_matching_row(client, inspector, world):
    rows, _ = world
    client.force_login(inspector)
    text = client.get("/inspectorate/export.csv", {"decision": "agreed"}).content
    exported = list(csv.reader(io.StringIO(text.decode("utf-8-sig"))))
    assert len(exported) - 1 == _expected(rows, decision="agreed") == 720
    book = load_workbook(io.BytesIO(client.get("/inspectorate/export.xlsx").content))
    assert book.active.max_row - 1 == _expected(rows)


def test_charts_and_flagged_actions_obey_every_filter(client, inspector, world):
    rows, _ = world
    client.force_login(inspector)
    flagged = Action.objects.filter(response__recommendation__order=5).get()
    EscalationFactory(action=flagged, step=3, cause="overdue", days=200)
    assert "1 action flagged" in client.get(URL, {"overdue": "on"}).content.decode()
    assert "flagged by the escalation ladder" not in (
        client.get(URL, {"status": "no_actions"}).content.decode()
    )
    today = date.today()
    recs = open_recommendation_queryset(user=inspector, today=today, overdue_only=True)
    promised = burn_up(user=inspector, today=today, recommendations=recs)[-1][1]
    assert promised == _expected(rows, overdue=True)


def test_query_count_is_flat_whatever_the_page_or_filter(client, inspector, world):
    client.force_login(inspector)
    counts = []
    for params in ({}, {"page": 10}, {"decision": "agreed", "overdue": "on", "sort": "overdue"}):
        cache.clear()  # each visit counts its figures afresh: like is compared with like
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL, params).status_code == 200
        counts.append(len(queries))
    assert len(set(counts)) == 1 and counts[0] <= 25, counts
