"""`followthrough remind`: one digest a day per owning organisation, to its contacts."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError

from followthrough.actionplans.models import Action, ReminderLog
from followthrough.actionplans.querysets import PAST_TARGET
from followthrough.core.notify import NotifyEmailBackend
from followthrough.flows.reminders import reminder_digests


@pytest.fixture
def contacts(body_contributor, other_body_contributor, body_viewer, sample_plan):
    """Each body's contributor, with an email address; the YJB's viewer has one too, but viewers
    are not contacts."""
    return body_contributor, other_body_contributor


def test_each_organisation_gets_one_digest_of_overdue_and_soon_due_actions(
    contacts, body_contributor, body_viewer, capsys
):
    today = date.today()
    call_command("remind", "--as-of", today.isoformat())
    out = capsys.readouterr().out
    assert "Sent" in out and "digest" in out
    yjb = [m for m in mail.outbox if m.to == [body_contributor.email] and "due soon" in m.subject]
    assert len(yjb) == 1
    passed = (
        Action.objects.with_state(today=today)
        .filter(state__in=PAST_TARGET, owner_organisation__short_name="YJB")
        .count()
    )
    assert passed
    assert f"Target passed ({passed})" in yjb[0].body
    assert "no progress recorded" in yjb[0].body
    assert all(body_viewer.email not in m.to for m in mail.outbox)


def test_running_twice_the_same_day_sends_nothing_new(contacts):
    call_command("remind", verbosity=0)
    first = len(mail.outbox)
    call_command("remind", verbosity=0)
    assert len(mail.outbox) == first and first > 0
    digests = [m for m in mail.outbox if "due soon" in m.subject]
    assert ReminderLog.objects.count() == len(digests) > 0


def test_dry_run_sends_and_records_nothing(contacts, capsys):
    call_command("remind", "--dry-run")
    assert mail.outbox == [] and ReminderLog.objects.count() == 0
    assert "Would send" in capsys.readouterr().out


def test_as_of_moves_the_day(contacts):
    later = date.today() + timedelta(days=400)
    digests = reminder_digests(as_of=later)
    assert sum(len(d.overdue) for d in digests) >= sum(
        len(d.overdue) for d in reminder_digests(as_of=date.today())
    )


def test_a_bad_date_is_one_clear_error(db):
    with pytest.raises(CommandError, match="--as-of must be a date like 2026-03-31"):
        call_command("remind", "--as-of", "31/03/2026")


def test_notify_backend_sends_each_recipient_through_the_template(settings):
    settings.NOTIFY_TEMPLATE_ID = "template-1"
    sent = []

    class Client:
        def send_email_notification(self, **kwargs):
            sent.append(kwargs)

    from django.core.mail import EmailMessage

    backend = NotifyEmailBackend(client=Client())
    count = backend.send_messages(
        [EmailMessage("Hello", "Body text", to=["a@x.invalid", "b@x.invalid"])]
    )
    assert count == 2
    assert sent[0] == {
        "email_address": "a@x.invalid",
        "template_id": "template-1",
        "personalisation": {"subject": "Hello", "body": "Body text"},
    }
