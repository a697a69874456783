"""A service administrator changes the service's milestone rules: the number, never the
direction; the change is kept in history, reaches the service's cases only, and a change made
meanwhile by someone else is not overwritten."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from followthrough.cases.models import MilestoneRule
from followthrough.cases.selectors import caseload, rules_for
from followthrough.organisations.models import Membership
from tests.cases.factories import CaseFactory
from tests.conftest import persona
from tests.organisations.factories import OrganisationFactory


@pytest.fixture
def admin(youth_justice_service):
    return persona("service-admin-rules", youth_justice_service, Membership.Role.ADMIN)


def _form(client):
    page = client.get(reverse("cases:milestone-rules"))
    form = page.context["form"]
    return {name: field.initial for name, field in form.fields.items()}


def test_a_service_asks_for_accommodation_two_months_ahead(client, admin, youth_justice_service):
    client.force_login(admin)
    page = client.get(reverse("cases:milestone-rules")).content.decode()
    assert "Number of days before the earliest release date. National default: 28." in page
    data = _form(client) | {"accommodation_confirmed": 56}
    assert client.post(reverse("cases:milestone-rules"), data).status_code == 302
    rule = {r.code: r for r in rules_for(youth_justice_service)}["accommodation_confirmed"]
    assert rule.offset == -56  # still before the earliest release
    other = OrganisationFactory(kind="youth_justice_service")
    national = {r.code: r for r in rules_for(other)}["accommodation_confirmed"]
    assert national.offset == -28
    own = MilestoneRule.objects.get(service=youth_justice_service)
    assert own.history.first().history_user == admin
    back = _form(client) | {"accommodation_confirmed": 28}
    client.post(reverse("cases:milestone-rules"), back)
    own.refresh_from_db()
    assert own.offset == -28 and own.history.count() == 2  # kept, not deleted


def test_the_rule_moves_what_is_late_on_the_caseload(admin, youth_justice_service, case_manager):
    today = timezone.localdate()
    CaseFactory(
        service=youth_justice_service,
        reference="NB-0610",
        sentence_date=today - timedelta(days=12),
        earliest_release=today + timedelta(days=200),
    )
    late = {m.code for r in caseload(case_manager, today=today).rows for m in r.late}
    assert "initial_meeting" in late
    row = MilestoneRule.objects.get(service__isnull=True, code="initial_meeting")
    MilestoneRule.objects.create(
        service=youth_justice_service,
        code=row.code,
        label=row.label,
        anchor=row.anchor,
        offset=15,
        unit=row.unit,
    )
    late = {m.code for r in caseload(case_manager, today=today).rows for m in r.late}
    assert "initial_meeting" not in late


def test_mistakes_and_a_change_made_meanwhile_are_explained(client, admin):
    client.force_login(admin)
    data = _form(client)
    page = client.post(reverse("cases:milestone-rules"), data | {"initial_meeting": "ten"})
    assert "Enter the number of days as a whole number, like 10" in page.content.decode()
    page = client.post(reverse("cases:milestone-rules"), data | {"outcome_3_months": 40})
    assert "Enter a number from 0 to 24" in page.content.decode()
    client.post(reverse("cases:milestone-rules"), data | {"initial_meeting": 14})
    stale = client.post(reverse("cases:milestone-rules"), data | {"initial_meeting": 7})
    text = stale.content.decode()
    assert "Someone else changed these rules after you opened this page" in text
    assert 'value="14"' in text  # theirs shown
    own = MilestoneRule.objects.get(code="initial_meeting", service__isnull=False)
    assert own.offset == 14


def test_only_administrators_reach_the_rules(client, case_manager, board_member):
    for user in (case_manager, board_member):
        client.force_login(user)
        assert client.get(reverse("cases:milestone-rules")).status_code == 404


def test_the_reference_data_is_made_again_where_it_is_missing(db):
    from followthrough.cases.milestones import DEFAULT_PATHWAYS, DEFAULT_RULES
    from followthrough.cases.models import Pathway
    from followthrough.cases.services import reference_data_ensure

    MilestoneRule.objects.all().delete()
    Pathway.objects.all().delete()
    reference_data_ensure()
    reference_data_ensure()  # safe to repeat
    assert Pathway.objects.count() == len(DEFAULT_PATHWAYS)
    assert MilestoneRule.objects.filter(service__isnull=True).count() == len(DEFAULT_RULES)
