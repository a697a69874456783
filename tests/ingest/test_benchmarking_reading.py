"""What a benchmarking tool's pages say about each thematic it covers (issue 15): a lead-in read
once, without footnote marks; a closing note kept out of the points; each thematic an inspection
with its month of publication and the inspectorate the introduction names."""

from __future__ import annotations

from django.db import transaction
from django.urls import reverse

from followthrough.ingest.extract import extract
from followthrough.ingest.services import document_ingest
from followthrough.inspections.models import Recommendation, Report

# A tool in our own words: the introduction names the inspectorate publishing the reviews and
# gives each one's month; the headings give a year only, or a month in brackets.
TOOL = "\n".join(
    [
        "Review recommendations to community choirs",
        "",
        "Ofsted began reviewing choir work in 2016. Since then these reviews have been published:",
        "",
        "2016",
        "",
        "- Tuning Up: A Joint Review of Choir Rehearsals published April 2016",
        "- Open Voices: A Review of Choir Auditions published October 2016",
        "",
        "Thematic: Tuning Up: A Joint Review of Choir Rehearsals (2016)",
        "",
        "Recommendations",
        "",
        "Choir leaders should ensure that:",
        "",
        "- every rehearsal starts with a warm-up²",
        "- music is handed out a week ahead",
        "",
        "No separate checklist was written for this review, as an earlier one covers it.",
        "",
        "Lines of Enquiry\tHow Do We Know",
        "<ul> • Does every rehearsal start with a warm-up?</ul>\t<ul> • Rehearsal notes.</ul>",
        "",
        "² Warm-ups may be led by any member.",
        "",
        "Thematic: Open Voices: A Review of Choir Auditions (published October 2016)",
        "",
        "Recommendation",
        "<p><i>In order to widen membership, choir committees should ensure that:</i></p> "
        "<ul> • auditions are advertised<sup>3</sup> • no one is turned away for age</ul>",
        "",
        "Lines of Enquiry\tHow Do We Know",
        "<ul> • Are auditions advertised?</ul>\t<ul> • Posters.</ul>",
        "",
        "Local partners also have additional recommendations:",
        "",
        "Concert venues should ensure that:",
        "",
        "- rooms are booked a term ahead",
        "- a piano is tuned before each concert",
        "",
        "Venue recommendations are checked at the yearly choir meeting instead.",
        "",
    ]
)


def test_a_lead_in_is_read_once_and_footnote_marks_are_dropped():
    result = extract(TOOL, "choirs.txt")
    first = result.thematics[0].recommendations[0]
    assert first.addressee == "Choir leaders"
    assert first.text == "ensure that:"
    assert [i.text for i in first.items] == [
        "every rehearsal starts with a warm-up",
        "music is handed out a week ahead",
    ]
    second = result.thematics[1].recommendations[0]
    assert second.addressee == "Choir committees"
    assert second.text == "in order to widen membership, ensure that:"
    assert [i.text for i in second.items] == [
        "auditions are advertised",
        "no one is turned away for age",
    ]


def test_a_note_after_the_points_is_a_note_not_a_point():
    result = extract(TOOL, "choirs.txt")
    points = [i.text for i in result.thematics[0].recommendations[0].items]
    assert not any("checklist" in p for p in points)
    assert any("No separate checklist" in n for n in result.notes)
    (venues,) = result.thematics[1].additional
    assert [i.text for i in venues.items] == [
        "rooms are booked a term ahead",
        "a piano is tuned before each concert",
    ]
    assert any("yearly choir meeting" in n for n in result.notes)
    assert result.thematics[0].recommendations[0].lines_of_enquiry


def test_each_thematic_has_its_month_and_the_inspectorate_named():
    result = extract(TOOL, "choirs.txt")
    assert [(t.year, t.published) for t in result.thematics] == [
        (2016, "2016-04"),
        (2016, "2016-10"),
    ]
    assert [t.inspectorates for t in result.thematics] == [["Ofsted"], ["Ofsted"]]
    assert result.document.inspectorates == ["Ofsted"]


def test_a_heading_year_that_disagrees_with_the_list_is_kept_with_a_warning():
    tool = TOOL.replace("Rehearsals (2016)", "Rehearsals (2015)")
    result = extract(tool, "choirs.txt")
    assert (result.thematics[0].year, result.thematics[0].published) == (2015, "2015")
    assert any("heading gives 2015" in w and "gives 2016" in w for w in result.warnings)


def test_a_thematic_is_stored_as_an_inspection_with_its_month(db, client, viewer):
    with transaction.atomic():
        document_ingest(file_name="choirs.txt", content=TOOL.encode())
    joint = Report.objects.get(title__startswith="Tuning Up")
    single = Report.objects.get(title__startswith="Open Voices")
    assert (joint.kind, single.kind) == ("joint_thematic", "thematic")
    assert (joint.published_display, single.published_display) == ("April 2016", "October 2016")
    assert [o.name for o in joint.inspectorates.all()] == ["Ofsted"]
    rec = Recommendation.objects.get(report=joint, section="main")
    assert rec.lines_of_enquiry and rec.text == "ensure that:"
    client.force_login(viewer)
    page = client.get(reverse("reporting:report-detail", args=[joint.pk])).content.decode()
    assert "Joint thematic inspection" in page and "April 2016" in page
    assert "Not recorded" not in page and "Benchmarking tool" not in page
    assert page.count("Choir leaders should") == 1
    venues = Report.objects.get(title__startswith="Open Voices")
    page = client.get(reverse("reporting:report-detail", args=[venues.pk])).content.decode()
    assert page.count("Concert venues should") == 1 and "a piano is tuned" in page
