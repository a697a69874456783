"""Response tables in every shape text renderings give them, scored with the shared scorer."""

from __future__ import annotations

import json

import pytest

from followthrough.ingest.extract import extract
from followthrough.ingest.extract.action_plan import extract_action_plan
from tests.conftest import load_scorer
from tests.ingest.response_tables import PREAMBLE, SHAPES, Shape


def _read(shape: Shape) -> dict:
    return json.loads(json.dumps(extract(shape.text, f"{shape.name}.txt").to_dict()))


@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: s.name)
def test_each_shape_of_response_table_scores_at_least_095(shape: Shape) -> None:
    _, overall = load_scorer().score(shape.gold(), _read(shape))
    assert overall >= 0.95, (overall, _read(shape)["recommendations"])


def test_the_shapes_score_095_on_average_and_the_worst_is_named() -> None:
    scorer = load_scorer()
    scores = {s.name: scorer.score(s.gold(), _read(s))[1] for s in SHAPES}
    worst = min(scores, key=scores.__getitem__)
    mean = sum(scores.values()) / len(scores)
    print(f"response tables: mean {mean:.3f}, worst {worst!r} {scores[worst]:.3f}")
    assert mean >= 0.95, scores


@pytest.mark.parametrize("shape", [s for s in SHAPES if s.progress], ids=lambda s: s.name)
def test_extra_columns_are_kept_as_progress_not_in_the_recommendation(shape: Shape) -> None:
    recs = {r["label"]: r for r in _read(shape)["recommendations"]}
    for label, words in shape.progress.items():
        assert words in (recs[label]["response"]["progress"] or ""), recs[label]
        assert words not in recs[label]["text"]
        assert words not in recs[label]["response"]["text"]


def test_a_column_headed_agreed_that_holds_text_is_the_response_not_the_decision() -> None:
    shape = next(s for s in SHAPES if s.name.startswith("a decision column headed Agreed"))
    result = extract(shape.text, "x.txt")
    recs = result.recommendations
    assert [r.response.decision for r in recs] == [None, None]
    assert "report back after the summer" in recs[0].response.text
    assert recs[0].response.progress is None
    assert any("holds text, not decisions: read as the response" in w for w in result.warnings)
    assert all(r.confidence < 1.0 for r in recs)


def test_beside_a_response_column_a_decision_column_of_text_is_progress() -> None:
    text = (
        PREAMBLE
        + "No.\tRecommendation\tAgreed actions\tResponse\tLead\tDeadline\n"
        + "1\tOpen the gates at dawn.\tThe keyholder rota was redrawn in the spring so that "
        "someone is on site.\tAgreed.\tSite Lead\tMay 2027\n"
    )
    result = extract(text, "x.txt")
    response = result.recommendations[0].response
    assert response.decision == "agreed"
    assert "keyholder rota" in (response.progress or "")
    assert "keyholder" not in response.text


def test_a_date_discussed_is_not_the_target() -> None:
    shape = next(s for s in SHAPES if "date discussed" in s.name)
    recs = extract(shape.text, "x.txt").recommendations
    assert [r.response.targets for r in recs] == [["April 2027"], ["March 2027"]]
    assert "12 January 2027" in (recs[0].response.progress or "")


def test_the_header_is_given_as_read_and_records_read_plainly_are_sure() -> None:
    shape = SHAPES[0]
    result = extract(shape.text, "x.txt")
    assert result.table_header == [
        "No.", "Recommendation", "Decision", "Response", "Owner", "Target date",
        "Progress update", "RAG status",
    ]  # fmt: skip
    assert result.to_dict()["table_header"] == result.table_header
    assert {r.confidence for r in result.recommendations} == {1.0}


def test_a_reviewer_s_column_map_overrides_what_was_recognised() -> None:
    text = (
        PREAMBLE
        + "Ref\tRecommendation\tColumn C\tColumn D\tColumn E\n"
        + "1\tOpen the gates at dawn.\tPlots Officer\tMay 2027\tAgreed\n"
    )
    result = extract_action_plan(text, "x.txt", column_map={2: "owner", 3: "target", 4: "decision"})
    response = result.recommendations[0].response
    assert (response.owners, response.targets, response.decision) == (
        ["Plots Officer"],
        ["May 2027"],
        "agreed",
    )
    ignored = extract_action_plan(text, "x.txt", column_map={2: "owner", 4: "ignore"})
    assert ignored.recommendations[0].response.decision is None
    with pytest.raises(ValueError, match="not a column role"):
        extract_action_plan(text, "x.txt", column_map={2: "colour"})


def test_a_table_with_no_number_column_is_numbered_in_reading_order_with_a_warning() -> None:
    shape = next(s for s in SHAPES if "no number column" in s.name)
    result = extract(shape.text, "x.txt")
    assert [(r.label, r.label_inferred) for r in result.recommendations] == [
        ("1", True),
        ("2", True),
    ]
    assert any("no number column" in w for w in result.warnings)
    assert all(r.confidence < 1.0 for r in result.recommendations)


def test_a_line_of_thousands_of_runs_is_read_within_bounds() -> None:
    import time

    from followthrough.ingest.extract import ExtractionError

    wide = "  ".join(["Recommendation", "Owner", "Target"] + ["x"] * 5000)
    text = PREAMBLE + wide + "\n" + ("1  Do it  Lead  May 2027  " + "y  " * 5000 + "\n") * 200
    started = time.perf_counter()
    with pytest.raises(ExtractionError):
        extract(text, "x.txt")
    assert time.perf_counter() - started < 5


def test_a_column_of_dates_with_an_unknown_heading_is_the_target_with_a_warning() -> None:
    shape = next(s for s in SHAPES if "column of dates" in s.name)
    result = extract(shape.text, "x.txt")
    assert any("holds dates: read as the target" in w for w in result.warnings)
    assert all(r.confidence < 1.0 for r in result.recommendations)


def test_a_row_not_lined_up_whose_cells_are_too_few_is_read_with_a_warning() -> None:
    text = (
        PREAMBLE
        + "Ref  Recommendation  Accepted?  Lead  By when\n"
        + "1  Open the gates at dawn.  Accepted  Site Lead  May 2027\n"
        + "2  Lock the sheds at dusk.  Accepted  Site Lead\n"
        + "3  Mend the fences.  Not accepted  Estates Lead  N/A\n"
    )
    result = extract(text, "x.txt")
    recs = result.recommendations
    assert [r.label for r in recs] == ["1", "2", "3"]
    assert [r.confidence < 1.0 for r in recs] == [False, True, False]
    assert any("recommendation 2: a row's cells are not lined up" in w for w in result.warnings)


def test_the_roles_used_are_given_one_per_column_with_reassigned_ones_as_read() -> None:
    shape = next(s for s in SHAPES if s.name.startswith("a decision column headed Agreed"))
    result = extract(shape.text, "x.txt")
    assert result.table_roles is not None and result.table_header is not None
    assert len(result.table_roles) == len(result.table_header)
    assert "decision" not in result.table_roles and "response" in result.table_roles
    assert result.to_dict()["table_roles"] == result.table_roles


def test_a_column_of_no_known_role_is_given_as_ignore_and_a_reviewers_map_as_set() -> None:
    text = (
        PREAMBLE
        + "No.\tRecommendation\tOwner\tTarget date\tColour\n"
        + "1\tOpen the gates at dawn.\tSite Lead\tMay 2027\tGreen\n"
    )
    assert extract(text, "x.txt").table_roles == [
        "label", "recommendation", "owner", "target", "ignore",
    ]  # fmt: skip
    remapped = extract_action_plan(text, "x.txt", column_map={4: "progress", 3: "ignore"})
    assert remapped.table_roles == ["label", "recommendation", "owner", "ignore", "progress"]


@pytest.mark.parametrize(
    "shape", [s for s in SHAPES if s.name.startswith("a group heading")], ids=lambda s: s.name
)
def test_the_columns_under_a_group_heading_are_the_decision_and_the_response(shape) -> None:
    result = extract(shape.text, "x.txt")
    assert result.table_roles is not None
    assert [r for r in result.table_roles if r in ("decision", "response")] == [
        "decision",
        "response",
    ]
    assert all(r.response and r.response.text for r in result.recommendations)
    assert len(result.recommendations) == 2 and not result.warnings, result.warnings


def test_two_short_owners_on_successive_lines_are_two_and_a_wrapped_owner_is_one() -> None:
    two = next(s for s in SHAPES if s.name.startswith("two short owners"))
    recs = extract(two.text, "x.txt").recommendations
    assert [r.response.owners for r in recs if r.response] == [
        ["Plots Officer", "Estates Lead"], ["Water Officer", "Finance Partner"],
    ]  # fmt: skip
    assert recs[0].response and recs[0].response.targets == ["April 2027", "June 2027"]
    one = next(s for s in SHAPES if s.name.startswith("one owner wrapped"))
    recs = extract(one.text, "x.txt").recommendations
    assert [r.response.owners for r in recs if r.response] == [
        ["Head of Allotment Services"], ["Head of Parks and Open Spaces"],
    ]  # fmt: skip
