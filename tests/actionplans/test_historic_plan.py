"""The inspectorate can stop tracking a historic plan: its actions read as they stood at its
last review, nobody is chased for it, and the change is in its history."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from followthrough.actionplans.models import Action, ActionPlan
from followthrough.actionplans.services import action_plan_status_as_at_set
from followthrough.core.models import DomainEvent
from followthrough.flows.escalation import ladder_standings
from followthrough.flows.reminders import reminder_digests

TODAY = date.today()
REVIEWED = TODAY - timedelta(days=400)


@pytest.fixture
def plan(sample_plan):
    plan = ActionPlan.objects.get()
    actions = list(Action.objects.filter(response__action_plan=plan).order_by("pk"))
    # One target before the last review, one after it but already passed today.
    Action.objects.filter(pk=actions[0].pk).update(
        due_date=REVIEWED - timedelta(days=30), status="planned", target_kind="month"
    )
    Action.objects.filter(pk=actions[1].pk).update(
        due_date=TODAY - timedelta(days=30), status="planned", target_kind="month"
    )
    return plan


def _states(plan):
    return dict(
        Action.objects.filter(response__action_plan=plan)
        .with_state(today=TODAY)
        .values_list("pk", "state")
    )


def _chased(plan) -> set[int]:
    ids = {a.pk for d in reminder_digests(as_of=TODAY) for a in d.overdue + d.due_soon}
    ids |= {s.action.pk for s in ladder_standings(as_of=TODAY)}
    return ids & set(Action.objects.filter(response__action_plan=plan).values_list("pk", flat=True))


def test_a_historic_plan_reads_as_at_its_last_review_and_is_not_chased(client, inspector, plan):
    first, second = Action.objects.filter(response__action_plan=plan).order_by("pk")[:2]
    before = _states(plan)
    assert before[second.pk] in ("overdue", "no_update")
    assert _chased(plan)
    client.force_login(inspector)
    page = client.get(reverse("actionplans:report-action-plan", args=[plan.report_id]))
    assert "Stop tracking" in page.content.decode()
    url = reverse("actionplans:plan-status-as-at", args=[plan.pk])
    form = client.get(url)
    assert form.status_code == 200
    response = client.post(
        url,
        {"as_at": f"{REVIEWED.day} {REVIEWED:%B %Y}", "note": "Superseded by a later inspection"},
    )
    assert response.status_code == 302
    after = _states(plan)
    assert after[first.pk] in ("overdue", "no_update")  # its target had passed by the review
    assert after[second.pk] == "later"  # due after the review: not judged, not chased
    assert not _chased(plan)
    page = client.get(reverse("actionplans:report-action-plan", args=[plan.report_id]))
    text = " ".join(page.content.decode().split())
    assert f"{REVIEWED.day} {REVIEWED:%B %Y}, the inspectorate's last review" in text
    assert "Superseded by a later inspection" in text
    event = DomainEvent.objects.get(code="actionplans.action_plan.marked_historic")
    assert event.actor == inspector
    assert event.data["after"]["status_as_at"] == f"{REVIEWED.day} {REVIEWED:%B %Y}"
    history = client.get(reverse("auditlog:object-history", args=["action-plan", plan.pk]))
    assert "Action plan marked historic" in history.content.decode()
    # Tracked again: today's states return.
    client.post(url, {"as_at": "", "note": ""})
    assert _states(plan) == before
    assert DomainEvent.objects.filter(code="actionplans.action_plan.tracked_again").exists()


def test_the_date_and_reason_are_checked(client, inspector, plan):
    client.force_login(inspector)
    url = reverse("actionplans:plan-status-as-at", args=[plan.pk])
    later = TODAY + timedelta(days=3)
    page = client.post(url, {"as_at": later.isoformat(), "note": "x"}).content.decode()
    assert "The date of the last review must be today or in the past" in page
    assert "<title>Error:" in page
    page = client.post(url, {"as_at": REVIEWED.isoformat(), "note": ""}).content.decode()
    assert "Enter why the plan is no longer tracked" in page
    plan.refresh_from_db()
    assert plan.status_as_at is None


def test_a_draft_cannot_be_marked_even_by_a_superuser(plan, superuser):
    ActionPlan.objects.filter(pk=plan.pk).update(status="draft")
    plan.refresh_from_db()
    with pytest.raises(ValidationError):
        action_plan_status_as_at_set(
            plan=plan, as_at=REVIEWED, note="x", actor=superuser, today=TODAY
        )


def test_owners_cannot_mark_their_own_plan(client, body_approver, plan):
    client.force_login(body_approver)
    url = reverse("actionplans:plan-status-as-at", args=[plan.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"as_at": REVIEWED.isoformat(), "note": "x"}).status_code == 404
