"""The list of reports: a count first, then fifty a page, newest first, in the same number of
queries for three reports or sixty, counted once per change of the data."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from followthrough.actionplans.models import Action
from tests.actionplans.factories import ProgressUpdateFactory
from tests.inspections.factories import ReportFactory

URL = reverse("reporting:report-list")


def _reports(n: int, *, start: int = 0) -> None:
    for i in range(start, start + n):
        ReportFactory(
            title=f"Synthetic listed report {i:03d}",
            published=date(2020, 1, 1) + timedelta(days=i),
        )


def test_the_list_shows_fifty_reports_a_page_newest_first(client, viewer):
    _reports(51)
    client.force_login(viewer)
    first = client.get(URL).content.decode()
    assert "51 reports, newest first: showing 1 to 50." in first
    assert first.count("Synthetic listed report") == 50
    assert "Synthetic listed report 050" in first and "Synthetic listed report 000" not in first
    assert 'aria-label="Pages of reports"' in first and "Page 1 of 2" in first
    second = client.get(URL, {"page": 2}).content.decode()
    assert second.count("Synthetic listed report") == 1
    assert "Synthetic listed report 000" in second and "showing 51 to 51" in second


def test_the_list_costs_the_same_queries_for_three_reports_or_sixty(client, viewer):
    client.force_login(viewer)
    counts = []
    for n in (3, 57):
        _reports(n, start=len(counts) * 100)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(URL).status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1], counts


def test_a_second_visit_reads_the_counts_from_the_cache_and_a_change_shows_at_once(
    client, viewer, sample_plan
):
    client.force_login(viewer)
    with CaptureQueriesContext(connection) as counted:
        assert 'class="ft-overdue">' not in client.get(URL).content.decode()
    with CaptureQueriesContext(connection) as cached:
        client.get(URL)
    assert len(cached) <= len(counted) - 3  # recommendations, decisions and overdue counts
    passed = Action.objects.with_state(today=date.today()).filter(state="no_update").first()
    ProgressUpdateFactory(action=passed, text="Synthetic update after the first visit")
    assert 'class="ft-overdue">1<' in client.get(URL).content.decode()
    ReportFactory(title="Synthetic report added after the first visit", published=date(2099, 1, 1))
    assert "Synthetic report added after the first visit" in client.get(URL).content.decode()


def test_a_second_visit_renders_the_rows_kept_from_the_first(client, viewer, monkeypatch):
    from followthrough.reporting.views import reports as views

    _reports(3)
    client.force_login(viewer)

    def rows() -> str:
        html = client.get(URL).content.decode()
        return html[html.index("<tbody") : html.index("</tbody>")]

    first = rows()
    read = views.report_list_page
    calls = []
    monkeypatch.setattr(views, "report_list_page", lambda *a, **k: calls.append(1) or read(*a, **k))
    assert rows() == first
    assert calls == []  # no row built or rendered again
    assert "Synthetic listed report 002" in client.get(URL, {"page": 1}).content.decode()
