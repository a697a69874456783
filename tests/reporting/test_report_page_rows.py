"""A report's page sums up each recommendation's actions in a line: it reads their states alone,
never the actions themselves, so a report with hundreds of actions stays light to serve."""

from __future__ import annotations

from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from followthrough.actionplans.models import Action
from followthrough.actionplans.selectors import action_summary
from followthrough.inspections.models import Report


def test_the_page_sums_up_actions_from_their_states_alone(client, viewer, sample_plan):
    report = Report.objects.get()
    client.force_login(viewer)
    with CaptureQueriesContext(connection) as ctx:
        html = client.get(reverse("reporting:report-detail", args=[report.pk])).content.decode()
    # no query reads an action's text, its owner or its plan's record to build the summary
    assert not [q for q in ctx.captured_queries if '"actionplans_action"."description"' in q["sql"]]
    # the decisions are read in their plan's order without joining every response's
    # recommendation (a sort at national scale that cost more than the rest of the page's reads)
    read = '"actionplans_response"."decision" FROM "actionplans_response"'
    (decisions,) = [q for q in ctx.captured_queries if read in q["sql"]]
    assert 'JOIN "inspections_recommendation"' not in decisions["sql"]
    for rec in report.recommendations.all():
        actions = list(
            Action.objects.filter(response__recommendation=rec).with_state(today=date.today())
        )
        assert action_summary(actions) in html
