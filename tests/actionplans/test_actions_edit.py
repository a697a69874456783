"""Adding and changing actions in a draft plan: targets read as published plans write them."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from followthrough.actionplans.models import Action, ActionPlan
from followthrough.organisations.models import Organisation
from tests.conftest import PASSWORD


@pytest.fixture
def response(client, body_contributor, sample_plan):
    client.post(reverse("login"), {"username": body_contributor.username, "password": PASSWORD})
    report = ActionPlan.objects.get().report
    client.post(
        reverse("actionplans:action-plan-new", args=[report.pk]),
        {"organisation": Organisation.objects.get(short_name="YJB").pk},
    )
    return ActionPlan.objects.get(status="draft").responses.first()


def add(client, response, **data):
    values = {
        "description": "Publish a protocol for release planning",
        "owner_text": "Head of Partnerships, YJB",
        "target_text": "March 2027",
        "measure": "Protocol published on the website",
        "version": "",
    }
    values.update(data)
    return client.post(reverse("actionplans:action-new", args=[response.pk]), values)


def test_an_action_is_added_with_its_target_read_into_a_due_date(client, response):
    assert add(client, response).status_code == 302
    action = Action.objects.get(response=response)
    assert (action.target_kind, action.due_date) == ("month", date(2027, 3, 31))
    assert action.owner_organisation == response.responding_organisation


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("", "Enter a target date, or Ongoing with a review date"),
        ("when we can", "Enter a target we can read, like March 2027"),
    ],
)
def test_unreadable_targets_are_explained(client, response, target, message):
    html = add(client, response, target_text=target).content.decode()
    assert "There is a problem" in html and message in html
    assert not Action.objects.filter(response=response).exists()


def test_required_fields_are_explained(client, response):
    html = add(client, response, description="", owner_text="").content.decode()
    assert "Enter what will be done" in html and "Enter who owns this action" in html


def test_changing_an_action_refuses_a_stale_form_and_keeps_both_visible(client, response):
    add(client, response)
    action = Action.objects.get(response=response)
    url = reverse("actionplans:action-edit", args=[action.pk])
    form = {
        "description": "Publish the protocol",
        "owner_text": "Head of Partnerships, YJB",
        "target_text": "2026/27",
        "measure": "Published",
        "version": action.version,
    }
    assert client.post(url, form).status_code == 302
    action.refresh_from_db()
    assert action.target_kind == "financial_year" and action.version == 2
    stale = client.post(url, form | {"target_text": "June 2027"}).content.decode()
    assert "Someone else saved this action after you opened it" in stale
    action.refresh_from_db()
    assert action.target_text == "2026/27"
    assert action.history.count() == 2


def test_ongoing_work_becomes_an_ongoing_action(client, response):
    add(client, response, target_text="Ongoing, review October 2027")
    action = Action.objects.get(response=response)
    assert action.status == "ongoing" and action.target_value == "2027-10"
