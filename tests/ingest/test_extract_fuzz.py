"""The extractors never crash: any text gives records or a clear ExtractionError."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followthrough.ingest.extract import ExtractionError, extract, parse_target
from followthrough.ingest.sample import sample_action_plan
from tests.conftest import CORPUS, needs_corpus

_CORPUS_LINES = (
    [p.read_text().split("\n") for p in sorted(CORPUS.glob("*.txt"))] if CORPUS.is_dir() else [[""]]
)
SAMPLE = sample_action_plan(title="A thematic inspection of fuzzed work", today=date(2025, 6, 1))
SAMPLE_LINES = SAMPLE.split("\n")
FRAGMENTS = st.sampled_from(
    [
        "\t",
        "\n",
        "<p>",
        "</p>",
        "<li>",
        "<ul>",
        "should:",
        "Agreed",
        "Partly accepted",
        "Rec No",
        "Recommendation",
        "Target Date",
        "Owner",
        "1",
        "12",
        "March 2020",
        "2023/24",
        "## ",
        "Recommendations",
        "- 1. ",
        "  - a. ",
        "(Paragraphs 3.1, 4.2)",
        "Note ",
        "---",
        "&amp;",
        "Thematic: ",
        "(2011)",
        "Lines of Enquiry\tHow Do We Know",
        "Additional recommendations for local partners are as follows:",
        " • ",
        "- The **Police** will ",
        "#### **Appendix 2: Findings tables**",
        "\tYes\tNo",
        "45%",
        "7170",
        "#### Good practice example: ",
        "### **Example of effectiveness:** ",
        "effective practice guide",
        "## Reflection questions",
        "### From a strategic perspective:",
    ]
)


def check(text: str) -> None:
    try:
        result = extract(text, "fuzz.txt")
    except ExtractionError as exc:
        assert str(exc)
        return
    result.to_dict()
    for rec in result.recommendations:
        assert 0 <= rec.start <= rec.end <= len(text)
    for part in [*result.thematics, *result.findings, *result.practice_examples]:
        assert 0 <= part.start <= part.end <= len(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(FRAGMENTS, st.text(max_size=30)), max_size=60))
def test_random_genre_fragments_never_crash(parts):
    check("".join(parts))


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_mutated_action_plans_never_crash(data):
    lines = list(SAMPLE_LINES)
    for _ in range(data.draw(st.integers(1, 8))):
        i = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["drop", "dup", "cut", "tabs", "swap"]))
        if action == "drop" and len(lines) > 1:
            del lines[i]
        elif action == "dup":
            lines.insert(i, lines[i])
        elif action == "cut":
            lines[i] = lines[i][: data.draw(st.integers(0, max(0, len(lines[i]))))]
        elif action == "tabs":
            lines[i] = lines[i].replace("\t", "", data.draw(st.integers(1, 3)))
        else:
            j = data.draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
    check("\n".join(lines))


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=80))
def test_any_target_text_parses_to_a_known_kind(text):
    target = parse_target(text)
    assert target.kind in {
        "date",
        "month",
        "quarter",
        "year",
        "financial_year",
        "completed",
        "ongoing",
        "unknown",
    }


MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
YEARS = st.integers(min_value=2000, max_value=2099)


def month_end(year: int, month: int):
    from calendar import monthrange
    from datetime import date

    return date(year, month, monthrange(year, month)[1])


@given(st.dates(min_value=__import__("datetime").date(2000, 1, 1),
                max_value=__import__("datetime").date(2099, 12, 31)))  # fmt: skip
def test_a_written_date_is_due_that_day(day):
    target = parse_target(f"{day.day} {MONTHS[day.month - 1]} {day.year}")
    assert target.kind == "date" and target.due == day.isoformat()


@given(YEARS, st.integers(min_value=1, max_value=12))
def test_a_month_is_due_on_its_last_day(year, month):
    target = parse_target(f"{MONTHS[month - 1]} {year}")
    assert target.kind == "month" and target.due == month_end(year, month).isoformat()


@given(YEARS, st.integers(min_value=1, max_value=4))
def test_a_calendar_quarter_is_due_when_it_ends(year, quarter):
    target = parse_target(f"Q{quarter} {year}")
    assert target.kind == "quarter" and target.due == month_end(year, 3 * quarter).isoformat()


@given(YEARS)
def test_a_financial_year_is_due_on_the_31st_of_march_after(year):
    target = parse_target(f"{year}/{str(year + 1)[-2:]}")
    assert target.kind == "financial_year" and target.due == f"{year + 1}-03-31"


@given(YEARS, st.integers(min_value=1, max_value=12), st.integers(min_value=1, max_value=12))
def test_later_months_are_never_due_earlier(year, a, b):
    first, second = sorted((a, b))
    due_first = parse_target(f"{MONTHS[first - 1]} {year}").due
    due_second = parse_target(f"{MONTHS[second - 1]} {year}").due
    assert due_first <= due_second


def _made(fmt: str) -> bytes:
    from tests.ingest import made_documents as made

    return {
        "html": lambda: made.as_html().encode(),
        "docx": made.as_docx,
        "pdf": made.as_pdf,
    }[fmt]()


_MADE: dict[str, bytes] = {}


@pytest.mark.parametrize("fmt", ["html", "docx", "pdf"])
def test_damaged_files_of_every_format_give_records_or_a_clear_error(fmt):
    from followthrough.ingest.extract.formats import to_text

    original = _MADE.setdefault(fmt, _made(fmt))

    @settings(max_examples=150 if fmt != "pdf" else 60, deadline=None)
    @given(
        st.lists(st.tuples(st.integers(0, len(original) - 1), st.integers(0, 255)), max_size=8),
        st.integers(min_value=1, max_value=len(original)),
    )
    def check(flips, cut):
        data = bytearray(original[:cut])
        for position, value in flips:
            if position < len(data):
                data[position] = value
        try:
            text, _ = to_text(f"damaged.{fmt}", bytes(data))
            extract(text, f"damaged.{fmt}")
        except ExtractionError as exc:
            assert str(exc)

    check()


@needs_corpus
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_corpus_documents_of_every_kind_never_crash(data):
    """Every extractor (plans, reports with findings and practice, benchmarking tools, guides)
    on real documents with lines dropped, doubled, cut and swapped."""
    lines = data.draw(st.sampled_from(_CORPUS_LINES))[:]
    for _ in range(data.draw(st.integers(1, 10))):
        i = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["drop", "dup", "cut", "swap"]))
        if action == "drop" and len(lines) > 1:
            del lines[i]
        elif action == "dup":
            lines.insert(i, lines[i])
        elif action == "cut":
            lines[i] = lines[i][: data.draw(st.integers(0, len(lines[i])))]
        else:
            j = data.draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
    check("\n".join(lines))
