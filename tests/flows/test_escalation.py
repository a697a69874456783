"""The escalation ladder: owner reminder, then the approver, then the inspectorate's flag."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from hypothesis import given
from hypothesis import strategies as st

from followthrough.actionplans.models import Action, Escalation, ProgressUpdate
from followthrough.core.models import DomainEvent
from followthrough.flows.escalation import escalations_run, ladder_standings, ladder_step


@given(st.integers(min_value=-1000, max_value=5000))
def test_ladder_step_counts_thresholds_passed(days):
    step = ladder_step(days, [30, 90, 180])
    assert step == sum(days >= t for t in (30, 90, 180))
    assert ladder_step(days + 1, [30, 90, 180]) >= step


@pytest.fixture
def one_action(body_contributor, body_approver, sample_plan):
    """The sample plan with a single open YJB action left: the others completed or withdrawn.
    The YJB's contributor and approver, each with an email address, are its contacts."""
    action = Action.objects.filter(owner_organisation__short_name="YJB").first()
    Action.objects.exclude(pk=action.pk).update(status="withdrawn")
    Action.objects.filter(pk=action.pk).update(
        status="planned", target_kind="date", due_date=date(2026, 1, 1)
    )
    return action


def run(day: date, **kwargs):
    with transaction.atomic():
        return escalations_run(as_of=day, **kwargs)


def test_overdue_action_climbs_one_rung_per_threshold(one_action, body_approver, body_contributor):
    day = date(2026, 1, 1)
    assert run(day + timedelta(days=29)).raised == []
    first = run(day + timedelta(days=30))
    assert [r.step for r in first.raised] == [1]
    assert first.emails[0][1] == [body_approver.email, body_contributor.email]
    assert mail.outbox[-1].subject.startswith("Followthrough: 1 action need")
    second = run(day + timedelta(days=90))
    assert [r.step for r in second.raised] == [2]
    assert mail.outbox[-1].to == [body_approver.email]
    third = run(day + timedelta(days=180))
    assert [r.step for r in third.raised] == [3] and third.emails == []
    steps = list(Escalation.objects.filter(action=one_action).values_list("step", "days"))
    assert steps == [(1, 30), (2, 90), (3, 180)]
    assert (
        DomainEvent.objects.filter(
            code="actionplans.action.escalated", object_id=one_action.pk
        ).count()
        == 3
    )


def test_running_twice_a_day_changes_nothing(one_action):
    day = date(2026, 1, 1) + timedelta(days=200)
    first = run(day)
    assert [r.step for r in first.raised] == [1]
    sent = len(mail.outbox)
    again = run(day)
    assert again.raised == [] and again.cleared == [] and len(mail.outbox) == sent


def test_a_long_overdue_action_climbs_one_step_at_a_time(one_action, settings):
    """Years overdue when tracking starts: reminded first, escalated only if nothing happens."""
    day = date(2029, 1, 1)
    assert [r.step for r in run(day).raised] == [1]
    assert run(day + timedelta(days=13)).raised == []  # the owner has 14 days to answer
    assert [r.step for r in run(day + timedelta(days=14)).raised] == [2]
    assert [r.step for r in run(day + timedelta(days=28)).raised] == [3]
    assert run(day + timedelta(days=60)).raised == []


def test_an_update_clears_silence_and_completion_clears_everything(one_action):
    Action.objects.filter(pk=one_action.pk).update(due_date=date(2030, 1, 1))
    created = one_action.created_at.date()
    silent = run(created + timedelta(days=95))
    assert [(r.step, r.cause) for r in silent.raised] == [(1, "no_update")]
    ProgressUpdate.objects.create(action=one_action, date=created + timedelta(days=96), text="x")
    cleared = run(created + timedelta(days=97))
    assert [r.step for r in cleared.cleared] == [1]
    Action.objects.filter(pk=one_action.pk).update(due_date=date(2026, 1, 1), status="completed")
    assert run(date(2027, 1, 1)).raised == []
    rungs = Escalation.objects.filter(action=one_action)
    assert rungs.count() == 1 and rungs.get().cleared_on == created + timedelta(days=97)


def test_dry_run_writes_and_sends_nothing(one_action):
    planned = run(date(2027, 1, 1), dry_run=True)
    assert len(planned.raised) == 1 and len(planned.emails) == 1
    assert Escalation.objects.count() == 0 and mail.outbox == []


def test_thresholds_come_from_settings(one_action, settings):
    settings.ESCALATION_OVERDUE_DAYS = [5, 10, 15]
    [standing] = ladder_standings(as_of=date(2026, 1, 12))
    assert standing.step == 2 and standing.cause == "overdue" and standing.days == 11


def test_remind_command_runs_the_ladder(one_action, capsys):
    call_command("remind", "--as-of", "2026-12-31")
    out = capsys.readouterr().out
    assert "raised 1 owner reminder(s), 0 to approvers, 0 flagged to the inspectorate" in out
    assert Escalation.objects.filter(cleared_on__isnull=True).count() == 1


def test_ladder_reads_in_a_fixed_number_of_queries(one_action, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        ladder_standings(as_of=date(2027, 1, 1))


def test_each_step_shows_on_the_actions_timeline(one_action, client, body_contributor):
    for weeks in (0, 2, 4):
        run(date(2027, 1, 1) + timedelta(weeks=weeks))
    client.force_login(body_contributor)
    html = client.get(f"/actions/{one_action.pk}/progress/").content.decode()
    assert "Flagged to the inspectorate" in html and "Reminder to the owner" in html
