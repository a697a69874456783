"""Not a title, count or search hit of a draft plan reaches a user who may not read it."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from followthrough.actionplans.models import Action, ActionPlan, Response
from followthrough.reporting.selectors import overview_figures
from tests.actionplans.factories import make_sample_plan

MARKER = "Quokkaprotocol"


def make_draft(orgs):
    plan = make_sample_plan(
        title="A thematic inspection of hidden work", today=date.today(), file_name="hidden.txt"
    )
    plan.status = ActionPlan.Status.DRAFT
    plan.coordinating_organisation = orgs["YJB"]
    plan.title = f"Draft plan {MARKER}"
    plan.save()
    Response.objects.filter(action_plan=plan).update(narrative=f"We will build the {MARKER}.")
    Action.objects.filter(response__action_plan=plan).update(owner_text=f"{MARKER} lead")
    return plan


def pages(plan, orgs) -> list[str]:
    rec = plan.responses.first().recommendation
    urls = [
        reverse("reporting:overview"),
        reverse("reporting:search") + f"?q={MARKER}",
        reverse("reporting:organisation-list"),
        reverse("reporting:report-list"),
        reverse("reporting:report-detail", args=[plan.report_id]),
        reverse("reporting:recommendation-detail", args=[rec.pk]),
        reverse("actionplans:report-action-plan", args=[plan.report_id]),
        reverse("ingest:source-passage", args=[plan.source_id]),
    ]
    urls += [reverse("reporting:organisation-detail", args=[o.pk]) for o in orgs.values()]
    urls += [
        reverse("reporting:action-plan-export", args=[plan.report_id, f])
        for f in ("csv", "xlsx", "docx", "pdf")
    ]
    urls += [
        reverse("reporting:chart", args=[s])
        for s in ("decisions", "statuses", "organisations", "reports")
    ]
    return urls


def test_a_draft_leaks_nothing_to_another_organisation(client, known_bodies, other_body_viewer):
    orgs = known_bodies
    make_sample_plan(
        title="A thematic inspection of open work", today=date.today(), file_name="open.txt"
    )
    outsider = other_body_viewer  # reads for the Ministry of Justice; the draft is the YJB's
    before = [(f.slug, f.rows) for f in overview_figures(today=date.today(), user=outsider)]
    plan = make_draft(orgs)
    after = [(f.slug, f.rows) for f in overview_figures(today=date.today(), user=outsider)]
    assert after == before, "the draft changed an outsider's figures"
    client.force_login(outsider)
    for url in pages(plan, orgs):
        response = client.get(url)
        assert response.status_code in (200, 404), url
        content = response.content
        if "/search/" in url:  # the page repeats the words searched for, and nothing else
            assert b"0 results for" in content
            content = content.replace(MARKER.encode(), b"")
        assert MARKER.encode() not in content, url
    html = client.get(reverse("reporting:report-detail", args=[plan.report_id])).content
    assert b"No action plan ingested" in html


def test_the_drafting_organisation_and_the_inspectorate_see_it(
    client, known_bodies, body_viewer, inspector
):
    plan = make_draft(known_bodies)
    for user in (body_viewer, inspector):
        client.force_login(user)
        search = client.get(reverse("reporting:search"), {"q": MARKER}).content
        assert b"Recommendation 1" in search
        page = client.get(reverse("actionplans:report-action-plan", args=[plan.report_id]))
        assert MARKER.encode() in page.content
        figures = {f.slug: f for f in overview_figures(today=date.today(), user=user)}
        assert sum(r[1] for r in figures["decisions"].rows) == plan.responses.count()
