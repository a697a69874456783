"""Every milestone rule with the day fixed: due dates from sentence and release, done, due soon,
late, not applicable, and the phase a case is in."""

from __future__ import annotations

from datetime import date

import pytest

from followthrough.cases.milestones import (
    DEFAULT_RULES,
    CaseDates,
    Rule,
    add_months,
    milestones,
    phase,
    release_timing_warning,
    weeks_to_release,
)

SENTENCED = date(2026, 3, 2)
EARLIEST = date(2026, 9, 1)


def by_code(dates: CaseDates, today: date) -> dict[str, object]:
    return {m.code: m for m in milestones(DEFAULT_RULES, dates, today=today)}


def test_the_initial_meeting_is_due_ten_days_after_sentence():
    dates = CaseDates(sentence=SENTENCED, earliest_release=EARLIEST)
    assert by_code(dates, date(2026, 3, 5))["initial_meeting"].due == date(2026, 3, 12)
    assert by_code(dates, date(2026, 3, 5))["initial_meeting"].state == "due_soon"
    assert by_code(dates, date(2026, 3, 12))["initial_meeting"].state == "due_soon"
    assert by_code(dates, date(2026, 3, 13))["initial_meeting"].state == "late"


def test_a_milestone_met_late_is_done_and_keeps_the_day_it_was_met():
    dates = CaseDates(
        sentence=SENTENCED, earliest_release=EARLIEST, met={"initial_meeting": date(2026, 3, 20)}
    )
    meeting = by_code(dates, date(2026, 4, 1))["initial_meeting"]
    assert meeting.state == "done" and meeting.met_on == date(2026, 3, 20)


def test_accommodation_is_due_a_month_before_the_earliest_release_date_by_default():
    dates = CaseDates(sentence=SENTENCED, earliest_release=EARLIEST)
    accommodation = by_code(dates, date(2026, 7, 1))["accommodation_confirmed"]
    assert accommodation.due == date(2026, 8, 4) and accommodation.state == "upcoming"
    assert by_code(dates, date(2026, 7, 25))["accommodation_confirmed"].state == "due_soon"
    assert by_code(dates, date(2026, 8, 5))["accommodation_confirmed"].state == "late"


def test_a_service_can_ask_for_accommodation_two_months_ahead():
    rules = [Rule("accommodation_confirmed", "Accommodation confirmed", "earliest_release", -56)]
    [accommodation] = milestones(
        rules, CaseDates(sentence=SENTENCED, earliest_release=EARLIEST), today=date(2026, 7, 8)
    )
    assert accommodation.due == date(2026, 7, 7) and accommodation.state == "late"


def test_release_phase_milestones_do_not_apply_to_a_child_released_before_they_fell_due():
    dates = CaseDates(sentence=SENTENCED, earliest_release=EARLIEST, release=date(2026, 6, 1))
    found = by_code(dates, date(2026, 6, 2))
    assert found["accommodation_confirmed"].state == "not_applicable"
    assert found["rotl_considered"].state == "not_applicable"
    assert found["release_day_contact"].state == "late"


def test_outcome_checks_fall_three_and_six_calendar_months_after_release():
    dates = CaseDates(sentence=SENTENCED, earliest_release=EARLIEST, release=date(2026, 8, 31))
    found = by_code(dates, date(2026, 9, 1))
    assert found["outcome_3_months"].due == date(2026, 11, 30)
    assert found["outcome_6_months"].due == date(2027, 2, 28)
    assert found["outcome_3_months"].state == "upcoming"


def test_nothing_falls_due_before_its_date_is_known():
    found = by_code(CaseDates(sentence=SENTENCED, earliest_release=None), date(2026, 3, 3))
    assert found["release_day_contact"].due is None
    assert found["release_day_contact"].state == "upcoming"
    assert found["accommodation_confirmed"].state == "upcoming"


def test_a_closed_case_raises_nothing_that_falls_due_after_it_closed():
    dates = CaseDates(
        sentence=SENTENCED,
        earliest_release=EARLIEST,
        release=date(2026, 9, 1),
        closed=date(2026, 10, 1),
    )
    found = by_code(dates, date(2027, 6, 1))
    assert found["outcome_3_months"].state == "not_applicable"
    assert found["release_day_contact"].state == "late"


@pytest.mark.parametrize(
    ("today", "release", "closed", "met", "expected"),
    [
        (date(2026, 3, 3), None, None, {}, "sentenced"),
        (date(2026, 4, 3), None, None, {"initial_meeting": date(2026, 3, 10)}, "in_custody"),
        (date(2026, 7, 7), None, None, {"initial_meeting": date(2026, 3, 10)}, "release_soon"),
        (date(2026, 9, 2), date(2026, 9, 1), None, {}, "released"),
        (date(2027, 4, 1), date(2026, 9, 1), date(2027, 3, 1), {}, "closed"),
    ],
)
def test_the_phase_of_a_case(today, release, closed, met, expected):
    dates = CaseDates(
        sentence=SENTENCED, earliest_release=EARLIEST, release=release, closed=closed, met=met
    )
    assert phase(dates, today=today) == expected


def test_weeks_to_release_for_the_accommodation_alert():
    dates = CaseDates(sentence=SENTENCED, earliest_release=EARLIEST)
    assert weeks_to_release(dates, today=date(2026, 8, 4)) == 4
    assert weeks_to_release(dates, today=date(2026, 9, 5)) == 0
    released = CaseDates(sentence=SENTENCED, earliest_release=EARLIEST, release=EARLIEST)
    assert weeks_to_release(released, today=date(2026, 8, 4)) is None


def test_months_are_added_within_the_month():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2026, 11, 15), 3) == date(2027, 2, 15)
    assert add_months(date(2026, 3, 15), -3) == date(2025, 12, 15)


def test_a_release_late_in_the_week_or_the_day_is_warned_about():
    assert "Friday" in release_timing_warning(4, 10)
    assert "weekend" in release_timing_warning(5, None)
    assert "late in the day" in release_timing_warning(1, 16)
    assert release_timing_warning(1, 10) == ""
