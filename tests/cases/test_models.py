"""The case tables: the pathways and national rules every service starts from, references that
cannot carry a name, a service's own rule replacing the national one, and milestones read from
what the record holds."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from followthrough.cases.milestones import DEFAULT_RULES
from followthrough.cases.models import Case, Meeting, MilestoneRule, Outcome, Pathway, ReleaseDay
from followthrough.cases.selectors import case_milestones, case_phase, rules_for
from followthrough.organisations.models import Organisation


@pytest.fixture
def service(db):
    return Organisation.objects.create(
        name="Northbridge Youth Justice Service",
        short_name="Northbridge YJS",
        kind=Organisation.Kind.YOUTH_JUSTICE_SERVICE,
    )


def make_case(service, reference="NB-0001", **fields):
    values = {
        "service": service,
        "reference": reference,
        "age_at_sentence": 16,
        "sex": "male",
        "ethnicity": "white",
        "care_status": "none",
        "sentence_type": "dto",
        "sentence_date": date(2026, 3, 2),
        "earliest_release": date(2026, 9, 1),
    } | fields
    case = Case(**values)
    case.full_clean()
    case.save()
    return case


def test_every_service_starts_from_the_pathways_and_the_national_rules(db):
    assert Pathway.objects.count() == 8
    assert list(Pathway.objects.values_list("code", flat=True)[:2]) == ["accommodation", "ete"]
    national = MilestoneRule.objects.filter(service__isnull=True)
    assert [r.code for r in national.order_by("pk")] == [r.code for r in DEFAULT_RULES]
    assert all(r.source for r in national)


@pytest.mark.parametrize("reference", ["John Smith", "01/02/2010", "NB 0001", "-NB1", "x"])
def test_a_reference_cannot_carry_a_name_or_a_date_of_birth(service, reference):
    with pytest.raises(ValidationError) as refused:
        make_case(service, reference=reference)
    assert "Enter the case reference your service issued" in str(refused.value)


def test_a_reference_is_one_case_per_service(service):
    make_case(service)
    with pytest.raises(IntegrityError), transaction.atomic():
        Case.objects.create(
            service=service,
            reference="NB-0001",
            age_at_sentence=15,
            sex="female",
            ethnicity="black",
            care_status="looked_after",
            sentence_type="dto",
            sentence_date=date(2026, 1, 5),
        )


def test_a_services_own_rule_replaces_the_national_one(service):
    MilestoneRule.objects.create(
        service=service,
        code="accommodation_confirmed",
        label="Accommodation confirmed",
        anchor="earliest_release",
        offset=-56,
        source="Northbridge board decision: two months, as the 2015 thematic recommends",
    )
    rules = {r.code: r for r in rules_for(service)}
    assert rules["accommodation_confirmed"].offset == -56
    assert rules["initial_meeting"].offset == 10
    assert [r.code for r in rules_for(service)] == [r.code for r in DEFAULT_RULES]


def test_milestones_are_read_from_what_the_record_holds(service):
    case = make_case(service, release_date=date(2026, 9, 1))
    Meeting.objects.create(case=case, kind="initial", held_on=date(2026, 3, 16))
    ReleaseDay.objects.create(
        case=case,
        released_at=timezone.make_aware(datetime(2026, 9, 1, 10, 30)),
        same_day_contact=True,
    )
    Outcome.objects.create(case=case, months=3, recorded_on=date(2026, 12, 1))
    found = {m.code: m for m in case_milestones(case, rules_for(service), today=date(2026, 12, 2))}
    assert found["initial_meeting"].state == "done"
    assert found["initial_meeting"].met_on > found["initial_meeting"].due  # held late
    assert found["release_day_contact"].state == "done"
    assert found["outcome_3_months"].state == "done"
    assert found["accommodation_confirmed"].state == "late"
    assert case_phase(case, today=date(2026, 12, 2)) == "released"
