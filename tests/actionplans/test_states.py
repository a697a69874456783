"""An action whose target has passed is "overdue" only once its owner has recorded progress on
it; with nothing recorded it is "target passed: no progress recorded", counted apart."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse

from followthrough.actionplans.models import Action, Tracked
from followthrough.flows.reminders import reminder_digests
from tests.actionplans.factories import ActionFactory, ProgressUpdateFactory

TODAY = date.today()
A_YEAR_AGO = f"{TODAY - timedelta(days=365):%B %Y}"


def _state(action: Action) -> str:
    return Action.objects.with_state(today=TODAY).get(pk=action.pk).state


@pytest.fixture
def silent(db):
    return ActionFactory(target_text=A_YEAR_AGO)


@pytest.fixture
def still_open(db):
    action = ActionFactory(target_text=A_YEAR_AGO)
    ProgressUpdateFactory(
        action=action,
        date=action.due_date + timedelta(days=10),
        new_status=Tracked.Status.IN_PROGRESS,
    )
    return action


def test_a_passed_target_with_nothing_recorded_is_not_called_overdue(silent):
    assert silent.due_date < TODAY
    assert _state(silent) == "no_update"


def test_an_update_saying_in_progress_after_the_target_makes_it_overdue(still_open):
    assert _state(still_open) == "overdue"


def test_counts_split_overdue_from_no_progress_recorded(silent, still_open):
    counts = Action.objects.state_counts(today=TODAY)
    assert counts["overdue"] == 1
    assert counts["no_update"] == 1


def test_the_overview_shows_them_as_two_rows(client, viewer, silent, still_open):
    client.force_login(viewer)
    html = client.get(reverse("reporting:overview")).content.decode()
    assert "Target passed: no progress recorded" in html


def test_reminders_still_tell_the_owner_about_both(silent, still_open):
    told = {a.pk for d in reminder_digests(as_of=TODAY) for a in d.overdue}
    assert told == {silent.pk, still_open.pk}
