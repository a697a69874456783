"""The inspectorate dashboard's national figures (status counts, completion, slippage) are
counted once per change of their data, day, reader and filters, then read from the cache."""

from __future__ import annotations

import re
from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from followthrough.actionplans.models import Review
from tests.reporting.test_overview_freshness import plans as plans  # the same two plans


def dashboard(client, **params) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as ctx:
        html = client.get(reverse("reporting:inspectorate"), params).content.decode()
    return html, len(ctx.captured_queries)


def shown(html: str) -> int:
    return int(re.search(r"(\d[\d,]*) open recommendations?", html).group(1).replace(",", ""))


def test_a_second_visit_does_not_count_again_and_a_change_is_counted_at_once(
    client, inspector, plans
):
    published, _ = plans
    client.force_login(inspector)
    first, counted = dashboard(client)
    again, cached = dashboard(client)
    assert cached <= counted - 3  # status counts, completion and slippage are not run again
    assert shown(again) == shown(first) == 2
    Review.objects.create(
        recommendation=published.recommendation, date=date.today(), judgement="achieved"
    )
    after, _ = dashboard(client)
    assert shown(after) == 1


def test_each_filter_has_its_own_figures(client, inspector, plans):
    published, _ = plans
    client.force_login(inspector)
    everything, _ = dashboard(client)
    one_report, _ = dashboard(client, report=published.recommendation.report_id)
    assert shown(everything) == 2 and shown(one_report) == 1
