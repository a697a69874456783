"""The audit trail: who changed what and when, sign-ins, the log, its filters and its CSV."""

from __future__ import annotations

import csv
import io

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from followthrough.actionplans.models import Action, ActionPlan
from followthrough.auditlog.exports import audit_csv
from followthrough.auditlog.selectors import audit_entries
from followthrough.organisations.models import Membership
from tests.conftest import PASSWORD


def test_a_change_is_recorded_with_who_when_and_before_and_after(sample_plan, viewer):
    action = Action.objects.filter(target_text__gt="").first()
    old = action.target_text
    action.target_text = "December 2031"
    action._history_user = viewer
    action.save()
    [entry] = [e for e in audit_entries(user=viewer, target=action) if e.action == "changed"]
    assert entry.user == viewer.username and entry.organisations == "MoJ"
    assert ("Target text", old, "December 2031") in entry.changes
    created = [e for e in audit_entries(user=viewer, target=action) if e.action == "created"]
    assert len(created) == 1


def test_signing_in_and_out_is_recorded(client, viewer, inspectorate_admin):
    client.post(reverse("login"), {"username": viewer.username, "password": PASSWORD})
    client.post(reverse("logout"))
    client.force_login(inspectorate_admin)
    html = client.get(
        reverse("auditlog:log"), {"record": "events", "user": viewer.username}
    ).content
    assert b"Signed in" in html and b"Signed out" in html


def test_the_log_filters_and_explains_bad_filters(client, inspectorate_admin, sample_plan):
    client.force_login(inspectorate_admin)
    ok = client.get(reverse("auditlog:log"), {"record": "actionplans.Action"})
    assert ok.status_code == 200 and b"Action " in ok.content
    bad = client.get(reverse("auditlog:log"), {"since": "31/12/2025", "user": "nobody"}).content
    assert b"There is a problem" in bad
    assert b"Enter the start date as YYYY-MM-DD" in bad
    assert b"Enter the username of someone who has used Followthrough" in bad


def test_the_log_downloads_as_csv(client, inspectorate_admin, sample_plan):
    client.force_login(inspectorate_admin)
    response = client.get(reverse("auditlog:export"), {"record": "actionplans.ActionPlan"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:4] == ["When (UTC)", "User", "Organisations", "Record"]
    assert any(r[3] == "Action plan" and r[6] == "created" for r in rows[1:])


def test_csv_cells_that_look_like_formulas_stay_text(sample_plan, viewer):
    plan = ActionPlan.objects.get()
    plan.title = '=HYPERLINK("http://example.invalid")'
    plan._history_user = viewer
    plan.save()
    text = audit_csv(audit_entries(user=viewer, target=plan))
    assert "'=HYPERLINK" in text
    assert "\n=HYPERLINK" not in text and ",=HYPERLINK" not in text


def test_the_log_is_only_for_inspectorate_admins(client, inspector, viewer):
    for user in (inspector, viewer):
        client.force_login(user)
        assert client.get(reverse("auditlog:log")).status_code == 404
        assert client.get(reverse("auditlog:export")).status_code == 404


def test_object_history_page_lists_versions(client, viewer, sample_plan):
    client.force_login(viewer)
    plan = ActionPlan.objects.get()
    html = client.get(reverse("auditlog:object-history", args=["action-plan", plan.pk])).content
    assert b"Created" in html
    assert b"Every version of this record" in html
    assert client.get(reverse("auditlog:object-history", args=["nonsense", 1])).status_code == 404


def test_the_log_query_count_does_not_grow_with_entries(client, inspectorate_admin, sample_plan):
    # A page reads each kind of record it shows whole, so the same kinds are compared
    # (tests/auditlog/test_audit_pages.py compares the whole log's first page).
    client.force_login(inspectorate_admin)
    actions = {"record": "actionplans.Action"}
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("auditlog:log"), actions)
    for action in Action.objects.all():
        action.evidence = "More evidence"
        action.save()
    with CaptureQueriesContext(connection) as big:
        client.get(reverse("auditlog:log"), actions)
    assert len(big.captured_queries) == len(small.captured_queries)


def test_history_keeps_the_organisation_a_person_acted_for_at_the_time(sample_plan, body_viewer):
    action = Action.objects.first()
    action.evidence = "First note"
    action._history_user = body_viewer
    action.save()
    Membership.objects.filter(user=body_viewer).update(is_active=False)
    [entry] = [e for e in audit_entries(user=body_viewer, target=action) if e.action == "changed"]
    assert entry.organisations == "YJB"
