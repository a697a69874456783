"""The ladder an overdue partner task climbs: its agency, the service's managers, the board."""

from __future__ import annotations

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction

from followthrough.cases.models import Task, TaskEscalation
from followthrough.core.models import DomainEvent
from followthrough.flows.task_escalation import task_escalations_run
from followthrough.organisations.models import Membership
from tests.cases.factories import CaseFactory, TaskFactory
from tests.conftest import persona

DUE = date(2026, 11, 2)


@pytest.fixture
def overdue(youth_justice_service, health_partner):
    case = CaseFactory(service=youth_justice_service, reference="NB-0900")
    trust = health_partner.memberships.get().organisation
    return TaskFactory(case=case, owner=trust, due_date=DUE, description="Book a dentist")


@pytest.fixture
def manager(youth_justice_service):
    return persona("service-approver", youth_justice_service, Membership.Role.APPROVER)


def run(day: date, **kwargs):
    with transaction.atomic():
        return task_escalations_run(as_of=day, **kwargs)


def test_an_overdue_task_goes_to_its_agency_then_the_managers_then_the_board(
    overdue, health_partner, manager, case_manager
):
    assert run(DUE).raised == []  # due today is not yet overdue
    first = run(DUE + timedelta(days=1))
    assert [r.step for r in first.raised] == [1]
    assert first.emails[0][1] == [health_partner.email]
    assert "Case NB-0900: Book a dentist" in mail.outbox[-1].body
    assert run(DUE + timedelta(days=3)).raised == []  # the rung below has not stood its time
    second = run(DUE + timedelta(days=7))
    assert [r.step for r in second.raised] == [2]
    assert second.emails[0][1] == [manager.email]  # managers, not the case manager
    assert "owned by Riverside Synthetic NHS Trust" in mail.outbox[-1].body
    third = run(DUE + timedelta(days=14))
    assert [r.step for r in third.raised] == [3] and third.emails == []
    assert run(DUE + timedelta(days=14)).raised == []  # twice a day changes nothing
    assert TaskEscalation.objects.filter(task=overdue, cleared_on__isnull=True).count() == 3
    codes = DomainEvent.objects.filter(object_id=overdue.pk, code="cases.task.escalated")
    assert codes.count() == 3


def test_done_tasks_clear_their_rungs_and_keep_them(overdue):
    run(DUE + timedelta(days=1))
    Task.objects.filter(pk=overdue.pk).update(status=Task.Status.DONE)
    cleared = run(DUE + timedelta(days=8))
    assert [r.step for r in cleared.cleared] == [1] and cleared.raised == []
    rung = TaskEscalation.objects.get(task=overdue)
    assert rung.cleared_on == DUE + timedelta(days=8)


def test_a_closed_case_takes_its_tasks_off_the_ladder(overdue):
    type(overdue.case).objects.filter(pk=overdue.case_id).update(closed_on=DUE)
    assert run(DUE + timedelta(days=30)).raised == []


def test_a_dry_run_writes_and_sends_nothing(overdue):
    dry = run(DUE + timedelta(days=2), dry_run=True)
    assert [r.step for r in dry.raised] == [1] and len(dry.emails) == 1
    assert not TaskEscalation.objects.exists() and mail.outbox == []


def test_remind_runs_the_task_ladder(overdue):
    out = StringIO()
    call_command("remind", "--as-of", (DUE + timedelta(days=1)).isoformat(), stdout=out)
    assert "Casework tasks: raised 1 agency reminder(s), 0 to service managers" in out.getvalue()
