"""The inspectorate dashboard's national figures (status counts, completion, slippage) are
counted once per change of their data, day, reader and filters, then read from the cache."""

from __future__ import annotations

import re
from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from followthrough.actionplans.models import Review
from tests.actionplans.factories import ActionFactory
from tests.inspections.factories import ReportFactory
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


def test_the_page_of_recommendations_is_read_from_the_cache_and_changes_at_once(
    client, inspector, plans
):
    published, _ = plans
    rec = published.recommendation
    client.force_login(inspector)
    first, counted = dashboard(client)
    again, cached = dashboard(client)
    assert again.split("<tbody")[-1] == first.split("<tbody")[-1]
    assert cached <= counted - 6  # figures, rows and filter choices are not read again
    rec.text = "Synthetic summary rewritten after the first visit"
    rec.save()
    assert "Synthetic summary rewritten after the first visit" in dashboard(client)[0]
    ActionFactory(response=published, status="completed", evidence="Synthetic evidence")
    assert "3 actions" in dashboard(client)[0]


def test_each_sort_has_its_own_rows(client, inspector, plans):
    for year, (response) in zip((2021, 2023), plans, strict=True):
        report = response.recommendation.report
        report.published = date(year, 1, 1)
        report.save()
    client.force_login(inspector)
    newest, _ = dashboard(client)
    oldest, _ = dashboard(client, sort="oldest")
    rows = [re.findall(r'href="/recommendations/(\d+)/"', html) for html in (newest, oldest)]
    assert len(rows[0]) == 2 and rows[0] == rows[1][::-1]


def test_a_new_report_is_offered_in_the_filters_at_once(client, inspector, plans):
    client.force_login(inspector)
    dashboard(client)
    report = ReportFactory(title="Synthetic report added after the first visit")
    html, _ = dashboard(client)
    assert f'<option value="{report.pk}">Synthetic report added after the first visit' in html
