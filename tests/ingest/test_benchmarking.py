"""Benchmarking tools: thematics with recommendations, lines of enquiry and evidence, and the
additional recommendations to local partners; a thematic that lost its heading is named from
the document's own list of inspections."""

from __future__ import annotations

from django.db import transaction

from followthrough.ingest.extract import extract
from followthrough.ingest.services import document_ingest
from followthrough.inspections.models import Recommendation, Report
from tests.conftest import corpus_file, needs_corpus

# A benchmarking tool in our own words, with the genre's quirks: a contents list, the list of
# inspections covered (one footnoted as having no recommendations), a first thematic whose
# heading was lost, bullets inside HTML fragments, a table continued after a page break, and
# additional recommendations with bold addressees and nested points.
MADE = "\n".join(
    [
        "Music inspection recommendations to local music partnerships",
        "",
        "Contents",
        "",
        "Thematic: Keeping Time: An Inspection of Drum Tuition (2019)\t7",
        "",
        "The following inspection reports have been published:",
        "",
        "2018",
        "",
        "- Quiet Please: A Review of Practice Room Noise published May 2018¹",
        "- Strings Attached: A Joint Inspection of Violin Loans and Repairs published July 2018",
        "",
        "2019",
        "",
        "- Keeping Time: An Inspection of Drum Tuition published March 2019",
        "",
        "¹ This inspection report did not contain any recommendations for partnerships.",
        "",
        "Recommendation",
        "<p><i>Music Partnership Boards should ensure that:</i></p> <ul> • every violin loan is "
        "recorded with its repair history • repairs are completed within a term</ul>",
        "",
        "Lines of Enquiry\tHow Do We Know",
        "<ul> • Is every violin loan recorded? • Are repair times monitored and</ul>\t"
        "<ul> • Loan register. • Repair log.</ul>",
        "<p>reported to the board?</p>\t<ul> • Board minutes.</ul>",
        "---\t---",
        "",
        "Thematic: Keeping Time: An Inspection of Drum Tuition (2019)",
        "",
        "Recommendation",
        "Drum tutors should:",
        "- agree a practice plan with every pupil",
        "",
        "Lines of Enquiry\tHow Do We Know",
        "<ul> • Does every pupil have a practice plan?</ul>\t"
        "<ul> Suggested sources of information: • Practice plans.</ul>",
        "",
        "Additional recommendations for local partners are as follows:",
        "",
        "- The **Venue** will provide sound-proofed rooms for lessons.",
        "- The **Venue** will keep a booking log by:",
        " 1. recording each booking",
        " 2. sharing it with tutors.",
        "",
    ]
)


def test_a_made_benchmarking_tool_reads_every_part():
    result = extract(MADE, "made_tool.txt")
    assert result.document.kind == "benchmarking_tool"
    first, second = result.thematics
    assert (first.title, first.year) == (
        "Strings Attached: A Joint Inspection of Violin Loans and Repairs",
        2018,
    )
    assert any("heading is missing" in w for w in result.warnings)
    rec = first.recommendations[0]
    assert rec.addressee == "Music Partnership Boards"
    assert [i.text for i in rec.items] == [
        "every violin loan is recorded with its repair history",
        "repairs are completed within a term",
    ]
    assert rec.lines_of_enquiry == [
        "Is every violin loan recorded?",
        "Are repair times monitored and reported to the board?",
    ]
    assert rec.evidence == ["Loan register.", "Repair log.", "Board minutes."]
    assert (second.title, second.year) == ("Keeping Time: An Inspection of Drum Tuition", 2019)
    assert second.recommendations[0].evidence == ["Practice plans."]
    venue = second.additional[0]
    assert venue.addressee == "Venue" and len(venue.items) == 2
    assert venue.items[1].text.endswith("1. recording each booking 2. sharing it with tutors.")


def test_a_benchmarking_tool_is_stored_as_reports_with_prompts(db):
    with transaction.atomic():
        result = document_ingest(file_name="made_tool.txt", content=MADE.encode())
    assert result.status == "created" and result.thematics == 2
    reports = Report.objects.filter(source__file_name="made_tool.txt").order_by("published")
    assert [(r.kind, r.published_display) for r in reports] == [
        ("joint_thematic", "July 2018"),
        ("thematic", "March 2019"),
    ]
    rec = Recommendation.objects.get(report=reports[0], label="1")
    assert len(rec.lines_of_enquiry) == 2 and rec.evidence_prompts[-1] == "Board minutes."
    additional = Recommendation.objects.get(report=reports[1], section="additional")
    assert additional.addressee_text == "Venue" and len(additional.items) == 2


@needs_corpus
def test_the_corpus_benchmarking_tool_reads_every_thematic():
    path = corpus_file("004")
    result = extract(path.read_text(), path.name)
    assert len(result.thematics) >= 12
    assert all(t.title and t.year for t in result.thematics)
    assert sum(1 for w in result.warnings if "heading is missing" in w) == 1
    with_prompts = [r for t in result.thematics for r in t.recommendations if r.lines_of_enquiry]
    assert len(with_prompts) >= 15
    assert all(r.addressee for t in result.thematics for r in t.recommendations)
    evidence = [e for t in result.thematics for r in t.recommendations for e in r.evidence]
    assert not any(e.lower().startswith("suggested source") for e in evidence)
