"""What a practice guide's pages say (issue 15): each case illustration titled by the example it
illustrates, never by its label, and the guide's printed date and inspectorate."""

from __future__ import annotations

from django.db import transaction
from django.urls import reverse

from followthrough.ingest.extract import extract
from followthrough.ingest.services import document_ingest
from followthrough.inspections.models import Report

# A guide in our own words: a date on its cover, two examples each followed by an untitled
# illustration (one example's label opens a plain paragraph), and one illustration with a title.
GUIDE = "\n".join(
    [
        "# Allotment effective practice guide",
        "",
        "Drawn from Ofsted's visits to allotment schemes",
        "",
        "**September 2024**",
        "",
        "# About this guide",
        "",
        "This effective practice guide shares what worked in 2023.",
        "",
        "## In practice: planting",
        "",
        "### **Example of effectiveness:** shared seed stores",
        "",
        "Plot holders shared one seed store and a rota.",
        "",
        "#### Case illustration",
        "",
        "One plot holder swapped seeds with three neighbours each spring.",
        "",
        "**Example of effectiveness:** watering rotas that held up in a drought.",
        "",
        "Holders agreed who watered which beds in August.",
        "",
        "## Case illustration",
        "",
        "A holder away for a month kept her beds alive through the rota.",
        "",
        "#### Case illustration: the compost bay",
        "",
        "Two holders built a compost bay from pallets.",
        "",
        "# Further reading",
    ]
)


def test_case_illustrations_take_the_title_of_the_example_they_illustrate():
    examples = extract(GUIDE, "allotments.txt").practice_examples
    assert [(p.kind, p.title) for p in examples] == [
        ("good", "shared seed stores"),
        ("case_illustration", "shared seed stores"),
        ("good", "watering rotas that held up in a drought"),
        ("case_illustration", "watering rotas that held up in a drought"),
        ("case_illustration", "the compost bay"),
    ]
    assert not any(p.title.lower().startswith("case illustration") for p in examples)


def test_the_guide_date_and_inspectorate_are_read_from_its_cover():
    document = extract(GUIDE, "allotments.txt").document
    assert (document.published, document.inspectorates) == ("2024-09", ["Ofsted"])


def test_the_guide_page_shows_its_date_and_titled_illustrations(db, client, viewer):
    with transaction.atomic():
        document_ingest(file_name="allotments.txt", content=GUIDE.encode())
    guide = Report.objects.get(kind="practice_guide")
    client.force_login(viewer)
    page = client.get(reverse("reporting:report-detail", args=[guide.pk])).content.decode()
    assert "September 2024" in page and "Ofsted" in page
    assert "Not known" not in page and "Not recorded" not in page
    assert "Case illustration: shared seed stores" in page
    assert "Case illustration: Case illustration" not in page
