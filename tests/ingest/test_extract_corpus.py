"""The extractors on the real documents, scored against the hand-checked gold files."""

from __future__ import annotations

import json

import pytest

from followthrough.ingest.extract import detect_kind, extract
from tests.conftest import CORPUS, GOLD, corpus_file, load_scorer, needs_corpus

GOLD_FILES = sorted(GOLD.glob("*.json")) if GOLD.is_dir() else []


@needs_corpus
@pytest.mark.skipif(not GOLD_FILES, reason="no gold files in shared/gold on this machine")
@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.stem)
def test_extraction_scores_at_least_095_against_gold(gold_path):
    scorer = load_scorer()
    gold = json.loads(gold_path.read_text())
    source = CORPUS / gold["source"]
    if not source.is_file():
        pytest.skip(f"{source} is not present")
    predicted = json.loads(json.dumps(extract(source.read_text(), source.name).to_dict()))
    lines, overall = scorer.score(gold, predicted)
    assert overall >= 0.95, "\n".join(lines)


@needs_corpus
def test_document_metadata_of_the_first_action_plan_matches_gold():
    path = corpus_file("000")
    gold = json.loads((GOLD / f"{path.stem}.json").read_text())["document"]
    document = extract(path.read_text(), path.name).document
    assert document.kind == gold["kind"]
    assert document.submitted == gold["submitted"]
    assert document.report_published == gold["report_published"]
    assert document.report_title == gold["report_title"]


@needs_corpus
def test_report_metadata_matches_gold():
    path = corpus_file("001")
    gold = json.loads((GOLD / f"{path.stem}.json").read_text())["document"]
    document = extract(path.read_text(), path.name).document
    assert (document.title, document.published) == (gold["title"], gold["published"])
    assert document.inspectorates == gold["inspectorates"]


@needs_corpus
def test_accepted_vocabulary_plan_reads_every_recommendation_and_warns_of_the_lost_label():
    path = corpus_file("003")
    result = extract(path.read_text(), path.name)
    labels = [r.label for r in result.recommendations]
    assert labels == [str(n) for n in range(1, len(labels) + 1)]
    inferred = [r for r in result.recommendations if r.label_inferred]
    assert inferred and any("inferred" in w for w in result.warnings)
    decisions = {r.response.decision for r in result.recommendations}
    assert decisions <= {"agreed", "partly_agreed"} and "partly_agreed" in decisions
    for rec in result.recommendations:
        assert rec.addressee, f"recommendation {rec.label} has no addressee"
        assert rec.response.actions, f"recommendation {rec.label} has no actions"
        assert "<" not in rec.response.text and "<" not in rec.text


@needs_corpus
def test_every_target_in_the_corpus_parses_to_a_kind():
    for path in sorted(CORPUS.glob("*.txt")):
        result = extract(path.read_text(), path.name)
        for rec in result.recommendations:
            for action in rec.response.actions if rec.response else []:
                if action.target_text:
                    assert action.target.kind != "unknown", action.target_text


@needs_corpus
def test_provenance_points_at_the_row_in_the_source():
    path = corpus_file("000")
    text = path.read_text()
    for rec in extract(text, path.name).recommendations:
        passage = text[rec.start : rec.end]
        assert passage.split("\t", 1)[0].strip() == rec.label
        assert rec.text.split()[0] in passage


@needs_corpus
def test_corpus_kinds_are_recognised():
    kinds = {p.name[:3]: detect_kind(p.read_text()) for p in CORPUS.glob("*.txt")}
    assert kinds.get("000") == "action_plan"
    assert kinds.get("001") == "inspection_report"
    assert kinds.get("003") == "action_plan"
