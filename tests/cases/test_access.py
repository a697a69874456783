"""Who reads a child's case: the service's case managers and managers, nobody else; a partner
agency reads and updates only the tasks it owns (issue 13, Privacy and access)."""

from __future__ import annotations

import pytest
from django.http import Http404

from followthrough.cases.access import get_case_for_user, get_task_for_user
from followthrough.cases.models import Case, Task
from tests.cases.factories import CaseFactory, TaskFactory


@pytest.fixture
def case(youth_justice_service):
    return CaseFactory(service=youth_justice_service)


def reads(user, case) -> bool:
    try:
        get_case_for_user(user, case.pk)
    except Http404:
        return False
    return True


def test_the_services_case_managers_and_managers_read_its_cases(
    case, case_manager, service_manager
):
    assert reads(case_manager, case) and reads(service_manager, case)
    assert list(Case.objects.visible_to(case_manager)) == [case]


def test_nobody_else_reads_a_case_however_senior(
    case, practitioner, board_member, outsider, superuser, inspector, health_partner
):
    for someone in (practitioner, board_member, outsider, superuser, inspector, health_partner):
        assert not reads(someone, case), someone.username
        assert not Case.objects.visible_to(someone).exists(), someone.username


def test_a_partner_reads_and_updates_only_the_tasks_it_owns(
    case, health_partner, case_manager, outsider
):
    trust = health_partner.memberships.get().organisation
    theirs = TaskFactory(case=case, owner=trust)
    other = TaskFactory(case=case, owner=case.service)
    assert get_task_for_user(health_partner, theirs.pk, for_write=True) == theirs
    with pytest.raises(Http404):
        get_task_for_user(health_partner, other.pk)
    assert list(Task.objects.visible_to(health_partner)) == [theirs]
    assert set(Task.objects.visible_to(case_manager)) == {theirs, other}
    with pytest.raises(Http404):
        get_task_for_user(outsider, theirs.pk)


def test_a_closed_case_is_read_but_not_changed(case, case_manager):
    from datetime import date

    case.closed_on = date(2027, 3, 1)
    case.save()
    assert reads(case_manager, case)
    with pytest.raises(Http404):
        get_case_for_user(case_manager, case.pk, for_write=True)
