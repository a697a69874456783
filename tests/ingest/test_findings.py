"""Findings tables: statements with their percentages, nested under their lead-in, by section;
noise from OCR reported and never read as a number."""

from __future__ import annotations

from django.db import transaction
from django.urls import reverse

from followthrough.ingest.extract import extract
from followthrough.ingest.services import document_ingest
from followthrough.inspections.models import Finding
from tests.conftest import corpus_file, needs_corpus

# A small report in our own words: recommendations, then an appendix of findings tables with a
# statement wrapped over two rows, stray OCR figures and a nested list under a lead-in.
MADE = "\n".join(
    [
        "# A thematic inspection of made-up music services",
        "",
        "#### Recommendations",
        "",
        "#### The Department for Music should:",
        "",
        "1. publish a plan for instrument loans. (Paragraph 2.1)",
        "",
        "#### **Appendix 2: Findings tables**",
        "",
        "#### **Lessons**",
        "",
        "A lesson plan was in place for:\tYes\tNo",
        "beginners\t80%\t20%",
        "advanced pupils\t45%\t55%",
        "The tutor had checked the instrument before the first lesson of the\t\t2222",
        "term.\t60%\t40%",
        "Practice was recorded:\t7170\t3370",
        "at home\t30%\t70%",
        "Pupils enjoyed their lessons.\t90%\tN/A",
        "",
        "#### **Outcomes**",
        "",
        "\tYes\tNo",
        "Pupils passed a graded exam.\t55%\t5.1",
        "",
        "#### **Appendix 3: References**",
        "",
    ]
)


def test_findings_are_read_with_lead_ins_and_noise_reported():
    result = extract(MADE, "made_report.txt")
    got = [(f.section, f.lead_in, f.statement, f.values) for f in result.findings]
    assert got == [
        ("Lessons", "A lesson plan was in place for:", "beginners", {"Yes": 80, "No": 20}),
        ("Lessons", "A lesson plan was in place for:", "advanced pupils", {"Yes": 45, "No": 55}),
        (
            "Lessons",
            None,
            "The tutor had checked the instrument before the first lesson of the term.",
            {"Yes": 60, "No": 40},
        ),
        ("Lessons", "Practice was recorded:", "at home", {"Yes": 30, "No": 70}),
        ("Lessons", None, "Pupils enjoyed their lessons.", {"Yes": 90, "No": None}),
        ("Outcomes", None, "Pupils passed a graded exam.", {"Yes": 55, "No": None}),
    ]
    noise = " ".join(result.warnings)
    assert "2222" in noise and "7170" in noise and "5.1" in noise
    assert result.findings[-1].warnings and not result.findings[-2].warnings


def test_findings_are_stored_and_shown(db, client, viewer):
    with transaction.atomic():
        result = document_ingest(file_name="made_report.txt", content=MADE.encode())
    report = result.stored
    assert Finding.objects.filter(report=report).count() == 6
    client.force_login(viewer)
    page = client.get(reverse("reporting:report-detail", args=[report.pk])).content.decode()
    assert "Findings tables</a> (6 statements)" in page
    html = client.get(reverse("inspections:report-findings", args=[report.pk])).content.decode()
    assert "A lesson plan was in place for:" in html and "not readable" in html
    assert ">80%<" in html
    assert "the figure “5.1” could not be read, so it is shown as unknown" in html
    assert "unreadable figures" not in html and "[&#x27;" not in html


@needs_corpus
def test_the_corpus_findings_tables_are_read():
    path = corpus_file("001")
    result = extract(path.read_text(), path.name)
    sections = {f.section for f in result.findings}
    assert {"Assessment", "Work in Custody", "Planning for Resettlement", "Outcomes"} <= sections
    assert len(result.findings) >= 120
    rotl = next(f for f in result.findings if f.statement.startswith("ROTL is fully considered"))
    assert rotl.values == {"Yes": 19, "No": 81}
    assert all(v is None or 0 <= v <= 100 for f in result.findings for v in f.values.values())
    assert any("2222" in w for w in result.warnings)
