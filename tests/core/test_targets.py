"""Every form of published target, parsed into a kind and the last day of its period."""

import pytest

from followthrough.core.targets import parse_target


@pytest.mark.parametrize(
    ("text", "kind", "value", "due"),
    [
        ("March 2020", "month", "2020-03", "2020-03-31"),
        ("Sept 2020", "month", "2020-09", "2020-09-30"),
        ("February 2024", "month", "2024-02", "2024-02-29"),
        ("31 March 2021", "date", "2021-03-31", "2021-03-31"),
        ("By 5th June 2021", "date", "2021-06-05", "2021-06-05"),
        ("30/09/2022", "date", "2022-09-30", "2022-09-30"),
        ("2023/24", "financial_year", "2023/24", "2024-03-31"),
        ("YJ Plans for 2023/2024", "financial_year", "2023/24", "2024-03-31"),
        ("2021-22", "financial_year", "2021/22", "2022-03-31"),
        ("Q3 2021", "quarter", "2021-Q3", "2021-09-30"),
        ("Q1 2021/22", "quarter", "2021/22 Q1", "2021-06-30"),
        ("autumn 2021", "quarter", "autumn 2021", "2021-11-30"),
        ("winter 2021", "quarter", "winter 2021", "2022-02-28"),
        ("early 2020", "year", "2020", "2020-04-30"),
        ("end of 2021", "year", "2021", "2021-12-31"),
        ("publication expected in 2023", "year", "2023", "2023-12-31"),
        ("Set in October 2022, and collected from April 2023.", "month", "2023-04", "2023-04-30"),
        ("Matrix by 2023/24. Data from April 2023.", "financial_year", "2023/24", "2024-03-31"),
    ],
)
def test_dated_targets_take_the_end_of_their_latest_period(text, kind, value, due):
    target = parse_target(text)
    assert (target.kind, target.value, target.due) == (kind, value, due)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Completed", "completed"),
        ("Complete", "completed"),
        ("Completed/ ongoing. Launched autumn 2021", "completed"),
        ("Ongoing", "ongoing"),
        ("On-going", "ongoing"),
        ("Ongoing. Measures set in October 2022", "ongoing"),
    ],
)
def test_status_targets_have_no_due_date(text, kind):
    target = parse_target(text)
    assert target.kind == kind
    assert target.due is None


def test_ongoing_keeps_the_date_it_mentions_as_its_value():
    assert parse_target("Ongoing. Reviewed in October 2022").value == "2022-10"


@pytest.mark.parametrize("text", ["", None, "Not applicable", "TBC", "To be confirmed"])
def test_text_without_a_period_is_unknown(text):
    target = parse_target(text)
    assert target.kind == "unknown" and target.due is None


def test_invalid_calendar_dates_are_not_invented():
    assert parse_target("31/02/2021").kind != "date"
