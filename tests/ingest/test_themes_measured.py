"""Themes: tight on small texts in our own words, and measured on the corpus against labels a
person gave a sample of its recommendations (tests/ingest/theme_labels.json)."""

from __future__ import annotations

import json
from importlib import import_module
from pathlib import Path

from followthrough.ingest.extract import extract
from followthrough.inspections.models import Recommendation
from followthrough.inspections.themes import MAX_THEMES, themes_for
from tests.conftest import CORPUS, needs_corpus
from tests.inspections.factories import RecommendationFactory

LABELS = Path(__file__).with_name("theme_labels.json")
PRECISION_FLOOR = 0.80
RECALL_FLOOR = 0.80


def test_a_word_in_the_items_alone_does_not_make_a_theme():
    items = ["attendance at school or a work placement", "support for special needs"]
    assert themes_for("Improve the education offered to every child in the area", items) == [
        "education"
    ]
    assert themes_for("Improve the education offered to every child in the area", ["housing"]) == [
        "education"
    ]


def test_two_items_on_one_subject_make_a_theme():
    items = ["suitable housing on release", "accommodation found a month ahead"]
    lead_in = "Make sure that partner agencies meet the needs of the children they serve"
    assert "accommodation" in themes_for(lead_in, items)


def test_a_short_lead_in_is_read_with_its_items():
    assert themes_for("ensure that:", ["victims are contacted promptly"]) == ["victims"]


def test_a_recommendation_touching_many_subjects_keeps_its_best_three():
    text = (
        "Resettlement staff should share data on the education, health, housing and safety "
        "of children released from custody, with partners and victims, at every transition"
    )
    found = themes_for(text)
    assert len(found) == MAX_THEMES
    assert "resettlement" in found


def test_a_word_inside_another_theme_s_phrase_is_that_phrase_s():
    assert themes_for("Support every child leaving custody") == ["resettlement"]


def measured() -> tuple[float, float, int]:
    labels = {k: set(v) for k, v in json.loads(LABELS.read_text()).items() if "/" in k}
    true_positive = false_positive = false_negative = seen = 0
    for prefix in sorted({key.split("/")[0] for key in labels}):
        path = next(CORPUS.glob(f"{prefix}_*.txt"))
        for rec in extract(path.read_text(), path.name).recommendations:
            want = labels.get(f"{prefix}/{rec.section}/{rec.label}")
            if want is None:
                continue
            seen += 1
            got = set(themes_for(rec.text, [i.text for i in rec.items]))
            true_positive += len(got & want)
            false_positive += len(got - want)
            false_negative += len(want - got)
    precision = true_positive / (true_positive + false_positive)
    recall = true_positive / (true_positive + false_negative)
    return precision, recall, seen


@needs_corpus
def test_theme_precision_and_recall_on_the_labelled_corpus_sample():
    precision, recall, seen = measured()
    labelled = sum(1 for k in json.loads(LABELS.read_text()) if "/" in k)
    assert seen == labelled, "every labelled recommendation is still read from the corpus"
    print(f"themes: precision {precision:.2f}, recall {recall:.2f} over {seen} recommendations")
    assert precision >= PRECISION_FLOOR
    assert recall >= RECALL_FLOOR


def test_the_data_migration_gives_stored_recommendations_the_tighter_themes(db):
    from django.apps import apps

    refresh = import_module("followthrough.inspections.migrations.0008_refresh_themes").refresh
    rec = RecommendationFactory(text="Support every child leaving custody", items=[])
    Recommendation.objects.filter(pk=rec.pk).update(themes=["custody", "accommodation"])
    refresh(apps, None)
    rec.refresh_from_db()
    assert rec.themes == ["resettlement"]
