"""Practice examples in reports and guides, a guide's standards and reflection questions, and
related practice on a recommendation's page."""

from __future__ import annotations

from django.db import transaction
from django.urls import reverse

from followthrough.ingest.extract import extract
from followthrough.ingest.services import document_ingest
from followthrough.inspections.models import PracticeExample, Recommendation, Report
from tests.conftest import corpus_file, needs_corpus

GUIDE = "\n".join(
    [
        "# Music lessons effective practice guide",
        "",
        "## About this guide",
        "",
        "This effective practice guide helps music services.",
        "",
        "# HM Inspectorate of Music's: Tuition standard",
        "",
        "In relation to tuition, we expect that:",
        "",
        "*every pupil has a practice plan agreed with their tutor.*",
        "",
        "### **Example of effectiveness: Clear practice plans, Lakeside**",
        "",
        "This service agrees a practice plan for the education of every pupil and reviews it "
        "each term.",
        "",
        "#### Case illustration",
        "",
        "Sam, a drummer, kept a practice diary that the tutor read each week.",
        "",
        "## Reflection questions",
        "",
        "### From a strategic perspective:",
        "",
        "- How do you know every pupil has a practice plan?",
        "  - Who checks it?",
        "",
        "**From an operational perspective:**",
        "",
        "- When did you last read a pupil's practice diary?",
        "",
        "## The 3Ts of practice",
        "",
        "**Timely:** practice happens every day.",
        "**Targeted:** each session works on one skill.",
        "**Tracked:** the diary records what was done.",
        "",
        "# Further reading",
    ]
)


def test_a_practice_guide_reads_examples_standards_and_questions():
    result = extract(GUIDE, "made_guide.txt")
    assert result.document.kind == "practice_guide"
    assert [(p.kind, p.title, p.service) for p in result.practice_examples] == [
        ("good", "Clear practice plans", "Lakeside"),
        ("case_illustration", "Clear practice plans", None),
    ]
    assert "reviews it each term" in result.practice_examples[0].text
    assert [(s.name, s.expectations) for s in result.standards] == [
        ("Tuition standard", ["every pupil has a practice plan agreed with their tutor."])
    ]
    assert [(c.name, [t["term"] for t in c.terms]) for c in result.concepts] == [
        ("The 3Ts of practice", ["Timely", "Targeted", "Tracked"])
    ]
    assert [(q.perspective, q.question) for q in result.reflection_questions] == [
        ("strategic", "How do you know every pupil has a practice plan? Who checks it?"),
        ("operational", "When did you last read a pupil's practice diary?"),
    ]


def test_related_practice_shows_on_a_recommendation(db, client, viewer, sample_plan):
    with transaction.atomic():
        document_ingest(file_name="made_guide.txt", content=GUIDE.encode())
    guide = Report.objects.get(kind="practice_guide")
    assert guide.guide["reflection_questions"][1]["perspective"] == "operational"
    client.force_login(viewer)
    page = client.get(reverse("reporting:report-detail", args=[guide.pk])).content.decode()
    for words in (
        "Tuition standard",
        "The 3Ts of practice",
        "Clear practice plans (Lakeside)",
        "From an operational perspective",
        "Who checks it?",
    ):
        assert words in page, words
    example = PracticeExample.objects.get(kind="good")
    rec = Recommendation.objects.first()
    rec.themes = example.themes[:1]
    rec.save()
    assert example.themes, "the example should carry at least one theme"
    client.force_login(viewer)
    html = client.get(reverse("reporting:recommendation-detail", args=[rec.pk])).content
    assert "Related practice" in html.decode() and "Clear practice plans" in html.decode()


@needs_corpus
def test_the_corpus_guide_and_report_practice_examples():
    guide = extract(corpus_file("002").read_text(), "002")
    assert len(guide.practice_examples) >= 12
    assert {p.kind for p in guide.practice_examples} >= {"good", "case_illustration"}
    assert sum(1 for p in guide.practice_examples if p.service) >= 6
    assert len(guide.reflection_questions) >= 20
    assert {q.perspective for q in guide.reflection_questions} == {"strategic", "operational"}
    report = extract(corpus_file("001").read_text(), "001")
    kinds = {p.kind for p in report.practice_examples}
    assert {"good", "poor", "promising"} <= kinds
