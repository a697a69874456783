"""Fixtures of the case manager's pages: one open case of the service, and its case manager
signed in on a fixed Monday."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from followthrough.cases.services import case_open

TODAY = date(2026, 11, 30)  # a Monday


@pytest.fixture
def case(youth_justice_service, case_manager):
    return case_open(
        service=youth_justice_service,
        reference="NB-0500",
        actor=case_manager,
        age_at_sentence=16,
        sex="male",
        ethnicity="white",
        care_status="looked_after",
        sentence_type="dto",
        sentence_date=TODAY - timedelta(days=60),
        earliest_release=TODAY + timedelta(days=40),
    )


@pytest.fixture
def signed_in(client, case_manager, time_machine):
    time_machine.move_to("2026-11-30 10:00", tick=False)
    client.force_login(case_manager)
    return client
