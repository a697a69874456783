"""The read endpoints: the pages' visibility, 404 for outsiders, problem details, action state
as the pages compute it, filters, cursor pages and flat query counts."""

from __future__ import annotations

from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

from followthrough.actionplans.models import Action, ActionPlan
from followthrough.inspections.models import Recommendation, Report
from followthrough.organisations.models import Organisation
from tests.inspections.test_pages import load_plans


def api(client, url, **kwargs):
    response = client.get(url, **kwargs)
    return response, response.json()


def test_a_signed_in_reader_lists_reports_recommendations_plans_and_organisations(
    client, body_viewer
):
    load_plans(1, 4)
    client.force_login(body_viewer)
    report = Report.objects.get()
    response, body = api(client, "/api/reports/")
    assert response.status_code == 200
    assert [r["title"] for r in body["results"]] == [report.title]
    _, recs = api(client, f"/api/recommendations/?report={report.pk}")
    assert len(recs["results"]) == 4
    rec = recs["results"][0]
    assert {"items", "addressees", "themes", "lines_of_enquiry", "version"} <= set(rec)
    _, one = api(client, f"/api/recommendations/{rec['id']}/")
    assert one["text"] == Recommendation.objects.get(pk=rec["id"]).text
    _, orgs = api(client, "/api/organisations/?ordering=name")
    assert len(orgs["results"]) == min(Organisation.objects.count(), 50)


def test_an_action_plan_carries_each_actions_state_and_due_date_as_the_pages_do(
    client, body_viewer
):
    load_plans(1, 4)
    client.force_login(body_viewer)
    plan = ActionPlan.objects.get()
    _, body = api(client, f"/api/action-plans/{plan.pk}/")
    states = {
        a.pk: a.state
        for a in Action.objects.with_state(today=date.today()).filter(response__action_plan=plan)
    }
    seen = {a["id"]: a["state"] for r in body["responses"] for a in r["actions"]}
    assert seen == states
    # The list leaves responses to the plan's own address: a national page of plans stays small.
    (listed,) = api(client, "/api/action-plans/")[1]["results"]
    assert listed["id"] == plan.pk and "responses" not in listed
    first = Action.objects.filter(response__action_plan=plan).exclude(due_date=None).first()
    served = next(a for r in body["responses"] for a in r["actions"] if a["id"] == first.pk)
    assert served["due_date"] == first.due_date.isoformat()
    assert served["version"] == first.version


def test_a_draft_plan_is_404_to_another_organisation_and_listed_only_to_its_own(
    client, body_viewer, other_body_viewer
):
    load_plans(1, 2)
    plan = ActionPlan.objects.get()
    ActionPlan.objects.filter(pk=plan.pk).update(
        status="draft", coordinating_organisation=body_viewer.memberships.get().organisation
    )
    client.force_login(other_body_viewer)
    response = client.get(f"/api/action-plans/{plan.pk}/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["title"] == "Not found"
    assert api(client, "/api/action-plans/")[1]["results"] == []
    assert client.post(f"/api/action-plans/{plan.pk}/").status_code == 404
    client.force_login(body_viewer)
    assert client.get(f"/api/action-plans/{plan.pk}/").status_code == 200
    assert client.post(f"/api/action-plans/{plan.pk}/").status_code == 405


def test_anonymous_callers_get_401_as_problem_details(client, db):
    response = client.get("/api/reports/")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response["WWW-Authenticate"] == "Bearer"
    assert set(response.json()) >= {"type", "title", "status", "detail"}


def test_a_bad_filter_is_a_problem_with_errors_by_field(client, body_viewer):
    client.force_login(body_viewer)
    response = client.get("/api/action-plans/?status=nonsense")
    assert response.status_code == 400
    body = response.json()
    assert body["title"] == "There is a problem"
    assert "status" in body["errors"]


def test_an_id_no_database_could_hold_is_a_problem_not_a_server_error(client, body_viewer):
    """Found by schemathesis: a huge or fractional id once reached the database and failed."""
    client.force_login(body_viewer)
    for query in ("report=-5.4e301", "report=1.5", "report=99999999999999999999", "report=0"):
        response = client.get(f"/api/action-plans/?{query}")
        assert response.status_code == 400, query
        assert "report" in response.json()["errors"]
    assert client.get("/api/self-assessments/?year=99999").status_code == 400


def test_filters_by_theme_and_addressee(client, body_viewer):
    load_plans(1, 8)
    client.force_login(body_viewer)
    rec = Recommendation.objects.exclude(themes=[]).first()
    theme = rec.themes[0]
    _, body = api(client, f"/api/recommendations/?theme={theme}")
    assert rec.pk in [r["id"] for r in body["results"]]
    assert all(theme in r["themes"] for r in body["results"])
    addressee = Recommendation.objects.exclude(addressees=None).first().addressees.first()
    _, body = api(client, f"/api/recommendations/?addressee={addressee.pk}")
    assert body["results"] and all(addressee.pk in r["addressees"] for r in body["results"])


def test_cursor_pages_walk_every_recommendation_once(client, body_viewer):
    load_plans(1, 12)
    client.force_login(body_viewer)
    seen, url = [], "/api/recommendations/?page_size=5"
    while url:
        _, body = api(client, url)
        seen += [r["id"] for r in body["results"]]
        url = body["next"]
    assert sorted(seen) == sorted(Recommendation.objects.values_list("pk", flat=True))
    assert len(seen) == len(set(seen)) == 12


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def endpoint_urls() -> list[str]:
    report = Report.objects.order_by("-pk").first()
    plan = ActionPlan.objects.filter(report=report).first()
    return [
        "/api/reports/",
        f"/api/reports/{report.pk}/",
        "/api/recommendations/",
        f"/api/recommendations/?report={report.pk}",
        f"/api/recommendations/{report.recommendations.first().pk}/",
        "/api/action-plans/",
        f"/api/action-plans/{plan.pk}/",
        "/api/organisations/",
    ]


def test_query_counts_do_not_grow_with_ten_times_the_data(client, body_viewer):
    client.force_login(body_viewer)
    load_plans(1, 16)
    small = [queries_for(client, url) for url in endpoint_urls()]
    load_plans(10, 160)
    big = [queries_for(client, url) for url in endpoint_urls()]
    assert big == small
    # Eight reads at most, and the caller's allowance counted in the shared cache (decision 0011:
    # read it, size the table, then update the entry inside a savepoint).
    assert max(big) <= 8 + 6


def test_an_address_the_api_does_not_have_is_a_404_problem_like_a_hidden_record(client, db):
    response = client.get("/api/nothing-here/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["title"] == "Not found"
