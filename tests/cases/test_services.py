"""Writing casework: a case opens with every pathway, refuses anything that would name a child,
and tasks fall due from the case's own dates."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from followthrough.cases.models import CaseView
from followthrough.cases.services import (
    case_open,
    case_update,
    case_view_record,
    outcome_record,
    task_add,
    task_update,
    tasks_redate,
)
from followthrough.core.concurrency import StaleEdit

FIELDS = {
    "age_at_sentence": 16,
    "sex": "female",
    "ethnicity": "mixed",
    "care_status": "looked_after",
    "sentence_type": "dto",
    "sentence_date": date(2026, 3, 2),
    "earliest_release": date(2026, 9, 1),
}


@pytest.fixture
def case(youth_justice_service, case_manager):
    return case_open(
        service=youth_justice_service, reference="NB-0001", actor=case_manager, **FIELDS
    )


def test_a_case_opens_with_a_row_for_every_pathway_and_its_author(case, case_manager):
    assert case.pathways.count() == 8
    assert case.history.get().history_user == case_manager


@pytest.mark.parametrize("field", ["name", "date_of_birth", "address", "school"])
def test_fields_that_would_name_a_child_are_refused(youth_justice_service, field):
    with pytest.raises(ValidationError, match="not case fields"):
        case_open(
            service=youth_justice_service,
            reference="NB-0002",
            actor=None,
            **FIELDS,
            **{field: "Synthetic"},
        )


def test_only_a_youth_justice_service_holds_cases(known_bodies):
    with pytest.raises(ValidationError, match="Only a youth justice service"):
        case_open(service=known_bodies["YJB"], reference="NB-0003", actor=None, **FIELDS)


def test_a_reference_is_opened_once(case, youth_justice_service):
    with pytest.raises(ValidationError, match="already has case NB-0001"):
        case_open(service=youth_justice_service, reference="NB-0001", actor=None, **FIELDS)


def test_dates_must_follow_the_sentence(youth_justice_service):
    with pytest.raises(ValidationError) as refused:
        case_open(
            service=youth_justice_service,
            reference="NB-0004",
            actor=None,
            **(FIELDS | {"earliest_release": date(2026, 1, 1)}),
        )
    assert "earliest release date must be after the sentence date" in str(refused.value)


def test_a_task_falls_due_from_the_cases_dates_and_follows_them(case, case_manager):
    task = task_add(
        case=case,
        description="Confirm the placement",
        owner=case.service,
        actor=case_manager,
        due_anchor="earliest_release",
        due_offset_days=-28,
    )
    assert task.due_date == date(2026, 8, 4)
    case = case_update(
        case=case, version=case.version, actor=case_manager, earliest_release=date(2026, 8, 1)
    )
    assert tasks_redate(case=case, actor=case_manager) == 1
    task.refresh_from_db()
    assert task.due_date == date(2026, 7, 4)


def test_a_task_with_a_date_needs_the_date(case, case_manager):
    with pytest.raises(ValidationError, match="Enter the date the task is due"):
        task_add(case=case, description="Book GP", owner=case.service, actor=case_manager)


def test_a_stale_task_update_is_refused(case, case_manager, health_partner):
    trust = health_partner.memberships.get().organisation
    task = task_add(
        case=case,
        description="Register with a GP",
        owner=trust,
        actor=case_manager,
        due_on=date(2026, 8, 15),
    )
    task_update(
        task=task,
        status="done",
        note="Registered",
        version=task.version,
        actor=health_partner,
        today=date(2026, 8, 10),
    )
    with pytest.raises(StaleEdit):
        task_update(
            task=task,
            status="cancelled",
            note="",
            version=1,
            actor=case_manager,
            today=date(2026, 8, 11),
        )
    task.refresh_from_db()
    assert task.status == "done" and task.done_on == date(2026, 8, 10)


def test_outcomes_follow_a_release(case, case_manager):
    with pytest.raises(ValidationError, match="Record the release"):
        outcome_record(case=case, months=3, recorded_on=date(2026, 12, 1), actor=case_manager)


def test_every_view_is_logged_apart_from_the_history(case, case_manager):
    case_view_record(case=case, user=case_manager, page="cases:case-detail")
    view = CaseView.objects.get()
    assert (view.user, view.case, view.page) == (case_manager, case, "cases:case-detail")
    assert case.history.count() == 1
