"""`followthrough worker` queues the daily reminder digest and escalation itself, once a day,
and runs it: a restart the same day queues nothing more."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command

from followthrough.actionplans.models import ReminderLog
from followthrough.flows.models import ScheduledRun

LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def contacts(body_contributor, other_body_contributor, sample_plan):
    return body_contributor, other_body_contributor


def test_the_daily_job_runs_once_a_day_from_its_hour(contacts, time_machine, capsys, settings):
    settings.DAILY_RUN_HOUR = 6
    time_machine.move_to(datetime(2026, 11, 30, 5, 30, tzinfo=LONDON))
    call_command("worker", "--once")
    assert not ScheduledRun.objects.exists()  # not yet its hour

    time_machine.move_to(datetime(2026, 11, 30, 6, 5, tzinfo=LONDON))
    call_command("worker", "--once")
    assert "Queued Reminder digest and escalation for 30 November 2026" in capsys.readouterr().out
    assert ScheduledRun.objects.get().day.isoformat() == "2026-11-30"
    digests = [m for m in mail.outbox if "due soon" in m.subject]
    assert digests
    assert ReminderLog.objects.filter(day="2026-11-30").exists()

    # A restart later the same day: recorded as started, so nothing is queued or sent again.
    sent = len(mail.outbox)
    time_machine.move_to(datetime(2026, 11, 30, 15, 0, tzinfo=LONDON))
    call_command("worker", "--once")
    assert "Ran 0 tasks; queued 0 daily jobs" in capsys.readouterr().out
    assert ScheduledRun.objects.count() == 1
    assert len(mail.outbox) == sent

    time_machine.move_to(datetime(2026, 12, 1, 7, 0, tzinfo=LONDON))
    call_command("worker", "--once")
    assert "Ran 1 task; queued 1 daily job" in capsys.readouterr().out
    assert ScheduledRun.objects.count() == 2
