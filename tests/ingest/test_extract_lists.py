"""Recommendation lists and prose responses in every shape the genre prints them, read from our
own made-up documents and scored with the shared scorer against what each document says."""

from __future__ import annotations

import json
import re

import pytest

from followthrough.ingest.extract import ExtractionError, extract
from followthrough.ingest.extract.formats import to_text
from followthrough.ingest.extract.labels import stated_count
from tests.conftest import load_scorer
from tests.ingest.label_documents import MORE_LIST_SHAPES
from tests.ingest.list_documents import COUNT_MISMATCH, INTRODUCED_LIST, LIST_SHAPES, Shape
from tests.ingest.loose_documents import LOOSE_LIST_SHAPES, TAB_LIST, WRAPPED_TABLE
from tests.ingest.prose_documents import RESPONSE_SHAPES
from tests.ingest.renderings import to_docx, to_html, to_pdf
from tests.ingest.two_list_documents import (
    KEY_THEN_FULL_WITH_NO_ADDRESSEE,
    SUMMARY_THEN_FULL_LIST,
    TWO_DISTINCT_LISTS,
    TWO_LIST_SHAPES,
)

SHAPES = LIST_SHAPES + MORE_LIST_SHAPES + LOOSE_LIST_SHAPES + RESPONSE_SHAPES + TWO_LIST_SHAPES


def _as_lists(text: str) -> str:
    """Bullets of any mark as the "- " items, two spaces a level, that the renderings nest."""
    bullet = re.compile(r"^( *)[•–*◦▪-] +", re.MULTILINE)
    widths = sorted({len(m[1]) for m in bullet.finditer(text)})
    return bullet.sub(lambda m: "  " * widths.index(len(m[1])) + "- ", text)


def _score(shape: Shape, text: str) -> tuple[float, str]:
    result = extract(text, f"{shape.name}.txt")
    assert result.document.kind == shape.kind
    gold = {"source": shape.name, "recommendations": shape.expected}
    predicted = json.loads(json.dumps(result.to_dict()))
    lines, overall = load_scorer().score(gold, predicted)
    got = [(r["label"], r["addressee"], r["text"]) for r in predicted["recommendations"]]
    return overall, "\n".join([*lines, *map(repr, got)])


@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: s.name)
def test_each_shape_of_list_scores_at_least_095_in_text(shape):
    overall, detail = _score(shape, shape.text)
    assert overall >= 0.95, detail


RENDER = {
    "text": lambda t: t.encode(),
    "html": lambda t: to_html(t).encode(),
    "docx": to_docx,
    "pdf": to_pdf,
}


def _converted(shape: Shape, fmt: str) -> str:
    if fmt == "text":
        return shape.text
    text, _ = to_text(f"{shape.name}.{fmt}", RENDER[fmt](_as_lists(shape.text)))
    return text


@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: s.name)
@pytest.mark.parametrize("fmt", ["html", "docx", "pdf"])
def test_each_shape_of_list_reads_after_conversion(shape, fmt):
    overall, detail = _score(shape, _converted(shape, fmt))
    assert overall >= 0.9, detail


def test_mean_and_worst_shape_are_reported(capsys):
    scores = {(s.name, f): _score(s, _converted(s, f))[0] for s in SHAPES for f in RENDER}
    mean = sum(scores.values()) / len(scores)
    worst = min(scores, key=scores.__getitem__)
    with capsys.disabled():
        print(
            f"\nlists and prose responses, {len(SHAPES)} shapes in text, HTML, Word and PDF: "
            f"mean {mean:.3f}, worst {worst[0]} ({worst[1]}) {scores[worst]:.3f}"
        )
    assert mean >= 0.95


def test_a_count_the_document_states_that_differs_from_what_was_read_is_a_warning():
    result = extract(COUNT_MISMATCH, "count.txt")
    assert len(result.recommendations) == 3
    assert "the document says it makes 4 recommendations but 3 were read" in result.warnings


def test_labels_numbered_by_position_carry_a_warning_and_lower_confidence():
    shape = next(s for s in SHAPES if s.name == "label_none_paragraphs")
    result = extract(shape.text, "x.txt")
    assert all(r.label_inferred and r.confidence < 1 for r in result.recommendations)
    assert sum("numbered 1 by its position" in w for w in result.warnings) == 1


def test_a_response_that_only_notes_a_recommendation_has_no_decision_and_a_warning():
    shape = next(s for s in SHAPES if s.name == "response_headed_recommendation_and_response")
    result = extract(shape.text, "x.txt")
    noted = result.recommendations[4].response
    assert (noted.decision, noted.decision_text) == (None, "Noted")
    assert result.recommendations[3].response.decision_text == "Agrees in principle"
    assert any("notes it without accepting" in w for w in result.warnings)


def test_a_reviewer_can_force_the_kind():
    shape = next(s for s in SHAPES if s.name == "response_to_numbered_conclusions")
    result = extract(shape.text, "x.txt", kind="inspection_report")
    assert result.document.kind == "inspection_report"
    assert [r.label for r in result.recommendations][:2] == ["1", "2"]


def test_text_with_no_recommendations_is_still_refused_with_the_reason():
    with pytest.raises(ExtractionError, match="not an inspection document"):
        extract("# Minutes of the bowls club\n\nWe met and had tea.\n", "x.txt")


def test_a_list_with_no_addressee_is_stored_with_none_named(db):
    from followthrough.inspections.models import Recommendation
    from tests.conftest import ingest_text

    shape = next(s for s in SHAPES if s.name == "addressee_none")
    ingest_text(shape.text, "tidy.txt")
    rows = list(Recommendation.objects.order_by("order").values_list("label", "addressee_text"))
    assert rows == [("1", ""), ("2", "")]


def test_a_prose_response_is_stored_as_a_plan_with_decisions_read_from_its_wording(db):
    from followthrough.actionplans.models import Response
    from tests.conftest import ingest_text

    shape = next(s for s in SHAPES if s.name == "response_headed_recommendation_and_response")
    ingest_text(shape.text, "towpaths.txt")
    decisions = list(
        Response.objects.order_by("recommendation__order").values_list("decision", "decision_text")
    )
    assert [d for d, _ in decisions] == [
        "agreed",
        "partly_agreed",
        "not_agreed",
        "partly_agreed",
        "",
    ]
    assert decisions[4][1] == "Noted"


@pytest.mark.parametrize(
    "phrase",
    [
        "This report makes four recommendations.",
        "The report's 4 recommendations follow.",
        "Four recommendations were made.",
        "There are four recommendations.",
    ],
)
def test_the_documents_own_count_is_read_in_its_usual_phrasings(phrase):
    assert stated_count(phrase) == 4


def test_additional_recommendations_restart_their_numbering_in_a_section_of_their_own():
    text = (
        "# A look at made-up dog parks\n\nPublished 2025\n\n## Key recommendations\n\n"
        "1. Fence every park.\n2. Provide water bowls.\n\n"
        "We make the following additional recommendations:\n\n1. Publish opening hours.\n\n"
        "## Method\n"
    )
    recs = extract(text, "x.txt").recommendations
    assert [(r.section, r.label) for r in recs] == [
        ("main", "1"),
        ("main", "2"),
        ("additional", "1"),
    ]


def test_paragraphs_introducing_a_numbered_list_are_not_recommendations():
    result = extract(INTRODUCED_LIST, "x.txt")
    assert [(r.label, r.text) for r in result.recommendations] == [
        ("1", "publish safety rules."),
        ("2", "fund new boats."),
    ]
    assert not any("not numbered" in w for w in result.warnings)


def test_a_list_marked_as_a_plan_gets_empty_responses_to_fill_in():
    shape = next(s for s in SHAPES if s.name == "addressee_none")
    result = extract(shape.text, "x.txt", kind="action_plan")
    assert result.document.kind == "action_plan"
    assert [(r.label, r.response.decision, r.response.text) for r in result.recommendations] == [
        ("1", None, ""),
        ("2", None, ""),
    ]
    assert any("empty response to fill in" in w for w in result.warnings)


@pytest.mark.parametrize("shape", [TAB_LIST, WRAPPED_TABLE], ids=lambda s: s.name)
def test_a_list_printed_as_a_table_of_text_reads_one_record_a_row(shape):
    overall, detail = _score(shape, shape.text)
    assert overall == 1.0, detail


def test_paragraphs_with_no_labels_are_numbered_in_reading_order_with_a_warning():
    shape = next(s for s in LOOSE_LIST_SHAPES if s.name == "no_labels_and_no_addressee")
    result = extract(shape.text, "unlabelled.txt")
    assert [r.label for r in result.recommendations] == ["1", "2"]
    assert all(r.label_inferred and r.confidence < 1 for r in result.recommendations)
    assert sum("numbered 1 by its position" in w for w in result.warnings) == 1


def test_a_second_list_numbered_again_is_read_as_additional_with_a_warning():
    result = extract(TWO_DISTINCT_LISTS.text, "two.txt")
    second = [r for r in result.recommendations if r.section == "additional"]
    assert [r.addressee for r in second] == ["The Leisure Partnership Board"] * 2
    assert all(r.confidence < 1 for r in second)
    assert any("second list" in w and "additional" in w for w in result.warnings)


@pytest.mark.parametrize("shape", [SUMMARY_THEN_FULL_LIST, KEY_THEN_FULL_WITH_NO_ADDRESSEE])
def test_a_list_repeated_in_full_is_read_once_with_the_fuller_text(shape):
    result = extract(shape.text, "repeated.txt")
    assert [r.label for r in result.recommendations] == [e["label"] for e in shape.expected]
    assert [r.text for r in result.recommendations] == [e["text"] for e in shape.expected]
    assert any("listed twice" in w for w in result.warnings)
