"""The pages people read: signed-in only, outsiders get 404, and flat query counts."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from followthrough.actionplans.models import Action, ActionPlan, Response
from followthrough.inspections.models import Recommendation, Report
from followthrough.organisations.models import Organisation
from tests.actionplans.factories import ProgressUpdateFactory, make_sample_plan


def load_plans(count: int, recommendations: int) -> None:
    """Sample plans numbered from 0; a plan whose report is already there answers that report."""
    for n in range(count):
        title = f"A thematic inspection of sample work number {n}"
        make_sample_plan(
            title=title,
            today=date.today(),
            recommendations=recommendations,
            seed=n,
            file_name=f"plan_{n}_{recommendations}.txt",
            report=Report.objects.filter(title=title).first(),
        )
    refresh_planner_statistics()


def refresh_planner_statistics() -> None:
    """After a bulk load, let PostgreSQL see the new sizes, as autovacuum would in production:
    inside a test's transaction it cannot, and stale statistics from earlier tests once led the
    planner into a quadratic plan. A no-op on SQLite."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def page_urls() -> list[str]:
    report = Report.objects.order_by("-pk").first()
    rec = report.recommendations.first()
    return [
        reverse("reporting:overview"),
        reverse("reporting:report-list"),
        reverse("reporting:report-detail", args=[report.pk]),
        reverse("actionplans:report-action-plan", args=[report.pk]),
        reverse("reporting:recommendation-detail", args=[rec.pk]),
        reverse("reporting:annual-report", args=[report.pk]),
        reverse("reporting:organisation-list"),
        reverse("reporting:my-organisation"),
        reverse(
            "reporting:organisation-detail", args=[Organisation.objects.get(short_name="YJB").pk]
        ),
    ]


def test_query_counts_do_not_grow_with_ten_times_the_data(client, viewer):
    client.force_login(viewer)
    load_plans(1, 16)
    small = [queries_for(client, url) for url in page_urls()]
    load_plans(10, 160)  # ten times the reports, the newest with ten times the recommendations
    assert Recommendation.objects.count() >= 10 * 16
    big = [queries_for(client, url) for url in page_urls()]
    assert big == small
    assert max(big) <= 15


@pytest.mark.parametrize(
    "name", ["reporting:overview", "reporting:report-list", "reporting:search"]
)
def test_anonymous_visitors_are_sent_to_sign_in(client, db, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_unknown_objects_are_404(client, viewer):
    client.force_login(viewer)
    for url in (
        "/reports/999/",
        "/reports/999/action-plan/",
        "/recommendations/999/",
        "/sources/999/",
    ):
        assert client.get(url).status_code == 404


def test_report_page_groups_recommendations_under_addressees(client, viewer, sample_plan):
    client.force_login(viewer)
    report = Report.objects.get()
    html = client.get(reverse("reporting:report-detail", args=[report.pk])).content.decode()
    assert "The Ministry of Justice should:" in html
    assert html.index("The Ministry of Justice should:") < html.index("Recommendation 1")
    assert "actions:" in html


def test_action_plan_marks_overdue_targets(client, viewer, sample_plan):
    client.force_login(viewer)
    today = date.today()
    passed = Action.objects.with_state(today=today).filter(state="no_update")
    assert passed.exists() and not Action.objects.overdue(today=today).exists()
    report = Report.objects.get()
    html = client.get(reverse("actionplans:report-action-plan", args=[report.pk])).content.decode()
    assert html.count("Target passed: no progress recorded<") == passed.count()
    assert 'class="ft-overdue">Overdue<' not in html
    assert "Note" not in html or "generated for demonstration" in html


def test_recommendation_page_links_each_record_to_its_source_passage(client, viewer, sample_plan):
    client.force_login(viewer)
    rec = Recommendation.objects.get(label="1")
    html = client.get(reverse("reporting:recommendation-detail", args=[rec.pk])).content.decode()
    link = f"/sources/{rec.source_id}/?start={rec.source_start}&amp;end={rec.source_end}"
    assert link in html
    passage = client.get(link.replace("&amp;", "&")).content.decode()
    assert '<mark class="ft-source-passage"' in passage
    marked = passage.split('aria-label="Source passage">', 1)[1].split("</mark>", 1)[0]
    assert marked.startswith("1\t")


def test_search_finds_recommendations_by_action_owner(client, viewer, sample_plan):
    client.force_login(viewer)
    html = client.get(reverse("reporting:search"), {"q": "Head of Operational Policy"}).content
    assert b"result" in html and b"Recommendation 3" in html
    none = client.get(reverse("reporting:search"), {"q": "zebra crossing"}).content
    assert b"0 results" in none


def test_an_organisation_page_lists_what_it_owns_across_reports(client, viewer, db):
    load_plans(2, 6)
    client.force_login(viewer)
    yjb = Organisation.objects.get(short_name="YJB")
    owned = Action.objects.filter(owner_organisation=yjb)
    assert owned.values("response__recommendation__report").distinct().count() == 2
    html = client.get(reverse("reporting:organisation-detail", args=[yjb.pk])).content.decode()
    assert f"Actions it owns: {owned.count()}, status as at" in html
    listing = client.get(reverse("reporting:organisation-list")).content.decode()
    assert "Youth Justice Board" in listing


def test_user_text_is_escaped(client, viewer, db):
    make_sample_plan(
        title="A review of <script>alert(1)</script> things",
        today=date.today(),
        file_name="odd.txt",
    )
    client.force_login(viewer)
    html = client.get(reverse("reporting:report-list")).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_overview_shows_every_chart_with_its_table(client, viewer, sample_plan):
    client.force_login(viewer)
    html = client.get(reverse("reporting:overview")).content.decode()
    for slug in ("decisions", "statuses", "organisations", "reports"):
        assert f'src="/charts/{slug}.svg"' in html
        svg = client.get(f"/charts/{slug}.svg")
        assert svg["Content-Type"] == "image/svg+xml" and b"<svg" in svg.content
    assert html.count("<table") == 4
    assert client.get("/charts/nothing.svg").status_code == 404


def test_report_list_shows_decision_shares_and_overdue(client, viewer, sample_plan):
    client.force_login(viewer)
    html = client.get(reverse("reporting:report-list")).content.decode()
    assert not Action.objects.overdue(today=date.today()).exists()
    assert 'class="ft-overdue">' not in html
    passed = Action.objects.with_state(today=date.today()).filter(state="no_update").first()
    ProgressUpdateFactory(action=passed, text="Still open")
    html = client.get(reverse("reporting:report-list")).content.decode()
    assert 'class="ft-overdue">1<' in html
    agreed = Response.objects.filter(decision="agreed").count()
    assert f"{round(100 * agreed / Response.objects.count())}%" in html
    assert ActionPlan.objects.count() == 1


def test_the_inspectorate_dashboard_query_count_does_not_grow(client, inspector):
    client.force_login(inspector)
    load_plans(1, 16)
    small = queries_for(client, reverse("reporting:inspectorate"))
    load_plans(5, 60)
    assert queries_for(client, reverse("reporting:inspectorate")) == small


def test_findings_and_import_pages_keep_flat_query_counts(client, inspector):
    from followthrough.ingest.models import ImportReview
    from followthrough.inspections.models import Finding

    client.force_login(inspector)
    load_plans(1, 4)
    report = Report.objects.get()

    def add(n: int) -> None:
        Finding.objects.bulk_create(
            Finding(report=report, order=i, section=f"Section {i % 5}", statement=f"S {i}",
                    values={"Yes": i % 100, "No": 100 - i % 100})
            for i in range(n)
        )  # fmt: skip
        ImportReview.objects.bulk_create(
            ImportReview(file_name=f"f{i}.txt", sha256=f"{i:064d}", format="text", size=1,
                         kind="action_plan", text="", extraction={}, created_by=inspector)
            for i in range(n)
        )  # fmt: skip

    add(5)
    urls = [reverse("inspections:report-findings", args=[report.pk]), reverse("ingest:import-list")]
    small = [queries_for(client, url) for url in urls]
    add(200)
    assert [queries_for(client, url) for url in urls] == small
