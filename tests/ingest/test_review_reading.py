"""When the reader is unsure: in an import's review the reviewer says which column is which (and
the mapping is remembered for the next table with the same header), splits or merges records,
gives a block of them an addressee and marks the document's kind; unsure records come first."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from followthrough.core.models import DomainEvent
from followthrough.ingest.models import ColumnMapping, ImportReview
from followthrough.inspections.models import Recommendation
from tests.ingest import made_documents as made

# Targets moved to the owner's column and owners left out: a table a service wrote by hand.
NO_OWNER_TABLE = (
    "Action plan for a made-up lending library service\n\n"
    "Rec No\tRecommendation\tAgreed\tAction\tOwner\tTarget date\n"
    "1\tThe library should lend books to every child in care.\tAgreed\tWe will.\t\tMay 2027\n"
    "2\tThe library should open on Saturdays near every children's home.\tAgreed\t"
    "Rotas are being changed.\tHead of Branches\tBy the end of the spring term of the "
    "school year 2026 to 2027, once the new rotas are agreed with the staff side\n"
)


@pytest.fixture
def importer(client, inspector):
    client.force_login(inspector)
    return inspector


def review_of(client, name: str, text: str) -> ImportReview:
    client.post(
        reverse("ingest:import-list"), {"document": SimpleUploadedFile(name, text.encode())}
    )
    return ImportReview.objects.filter(file_name=name).latest("created_at")


def url(review: ImportReview) -> str:
    return reverse("ingest:import-review", args=[review.pk])


def roles(**chosen: str) -> dict[str, str]:
    """The made plan's six columns as read, with some changed (column_5="progress")."""
    read = ["label", "recommendation", "decision", "response", "owner", "target"]
    posted = {f"column-{i}": role for i, role in enumerate(read)}
    posted |= {k.replace("_", "-"): v for k, v in chosen.items()}
    return {"action": "columns", **posted}


def test_the_reviewer_says_which_column_is_which_and_the_table_is_read_again(client, importer):
    review = review_of(client, "made.txt", made.as_text())
    page = client.get(url(review)).content.decode()
    assert "Which column is which" in page and "Column 6: “6. Target date”" in page
    assert 'value="target" selected' in page and "Read from the table" in page
    done = client.post(url(review), roles(column_5="progress"))
    assert done.status_code == 302 and done["Location"] == url(review)
    review.refresh_from_db()
    assert review.reading["column_map"]["5"] == "progress"
    first = review.extraction["recommendations"][0]
    assert [a["target_text"] for a in first["response"]["actions"]] == [None, None]
    assert "March 2027" in first["response"]["progress"]
    mapping = ColumnMapping.objects.get()
    assert mapping.review == review and mapping.set_by == importer
    assert mapping.history.latest().history_user == importer
    event = DomainEvent.objects.get(code="ingest.review.columns_set")
    assert event.actor == importer
    page = client.get(url(review)).content.decode()
    assert "The table was read again with your columns" in page
    assert "Column mapping set in this review on" in page


def test_a_mapping_is_remembered_for_the_next_document_with_the_same_header(client, importer):
    first = review_of(client, "made.txt", made.as_text())
    client.post(url(first), roles(column_5="progress"))
    client.post(url(first), {"action": "discard"})
    second = review_of(client, "made again.txt", made.as_text() + "\nA later note.\n")
    assert second.reading["column_map"]["5"] == "progress"
    assert second.extraction["recommendations"][0]["response"]["actions"][0]["target_text"] is None
    page = client.get(url(second)).content.decode()
    assert re.search(
        r"Column mapping remembered from <a [^>]*>made.txt</a> on \d{1,2} \w+ \d{4}\.", page
    )
    assert "You can change it" in page
    client.post(url(second), roles())
    second.refresh_from_db()
    assert second.extraction["recommendations"][0]["response"]["actions"][0]["target_text"]
    assert ColumnMapping.objects.get().history.count() == 2


def test_a_mapping_without_a_recommendation_column_is_refused_with_a_sentence(client, importer):
    review = review_of(client, "made.txt", made.as_text())
    html = client.post(url(review), roles(column_1="ignore")).content.decode()
    assert "Select the column that holds the recommendation" in html
    assert "There is a problem" in html and "['" not in html and "[&#x27;" not in html
    both = client.post(url(review), roles(column_3="recommendation")).content.decode()
    assert "Select only one column for the recommendation" in both
    assert not ColumnMapping.objects.exists()


def test_records_are_merged_split_and_given_an_addressee_then_stored(client, importer):
    review = review_of(client, "made.txt", made.as_text())
    assert client.post(url(review), {"action": "merge", "merge": "0"}).status_code == 302
    review.refresh_from_db()
    recs = review.extraction["recommendations"]
    assert len(recs) == 2 and "quiet space" in recs[0]["text"]
    assert len(recs[0]["response"]["actions"]) == 3
    bad = client.post(
        url(review),
        {"action": "split", "split": "0", "split_at": "words it never had", "split_label": "9"},
    ).content.decode()
    assert "Recommendation 1 does not have these words after its start" in bad
    client.post(
        url(review),
        {"action": "split", "split": "0", "split_at": "Make sure every", "split_label": "2"},
    )
    client.post(
        url(review),
        {
            "action": "addressee",
            "block_first": "1",
            "block_last": "2",
            "block_addressee": "The made-up Arts Council",
        },
    )
    review.refresh_from_db()
    recs = review.extraction["recommendations"]
    assert [r["label"] for r in recs] == ["1", "2", "1"]
    assert recs[1]["text"].startswith("Make sure every") and "quiet" not in recs[0]["text"]
    assert [r["addressee"] for r in recs[1:]] == ["The made-up Arts Council"] * 2
    assert [e["op"] for e in review.reading["edits"]] == ["merge", "split", "addressee"]
    codes = set(DomainEvent.objects.values_list("code", flat=True))
    assert {"ingest.review.merged", "ingest.review.split", "ingest.review.addressee_set"} <= codes
    assert client.post(url(review), {"action": "commit"}).status_code == 302
    stored = Recommendation.objects.get(section="main", label="2")
    assert stored.text.startswith("Make sure every")
    assert stored.addressee_text == "The made-up Arts Council"


def test_the_document_is_read_again_as_the_kind_the_reviewer_marks(client, importer):
    review = review_of(client, "made.txt", made.as_text())
    page = client.get(url(review)).content.decode()
    assert "What kind of document is this?" in page
    assert "Action plan or response table from a text file" in page
    wrong = client.post(url(review), {"action": "kind", "kind": "benchmarking_tool"})
    assert "No recommendations could be read this way" in wrong.content.decode()
    none = client.post(url(review), {"action": "kind"}).content.decode()
    assert "Select what kind of document this is" in none
    assert client.post(url(review), {"action": "kind", "kind": "action_plan"}).status_code == 302
    review.refresh_from_db()
    assert review.reading == {"kind": "action_plan"} and review.kind == "action_plan"
    assert DomainEvent.objects.filter(code="ingest.review.kind_set", actor=importer).exists()


def test_unsure_records_are_listed_first_with_their_reasons(client, importer):
    review = review_of(client, "made.txt", made.as_text())
    data = review.extraction
    data["recommendations"][1]["confidence"] = 0.4
    data["recommendations"][2]["confidence"] = 0.7
    data["recommendations"][2]["warnings"] = ["the decision column was guessed"]
    ImportReview.objects.filter(pk=review.pk).update(extraction=data)
    page = client.get(url(review)).content.decode()
    listed = page.split("Check these first")[1].split("</ul>")[0]
    assert listed.index("#record-1") < listed.index("#record-2")
    assert "read with 40% confidence" in listed and "the decision column was guessed" in listed
    assert "The reader was unsure of this recommendation." in page


def test_dates_read_as_words_long_fields_get_room_and_missing_owners_are_flagged(client, importer):
    """Issue 15: ISO dates, one-line boxes cutting long targets, empty owners not flagged."""
    review = review_of(client, "made.txt", made.as_text())
    page = client.get(url(review)).content.decode()
    assert "Submitted 3 March 2026" in page and "2026-03-03" not in page
    assert "(10 December 2025)" in page
    assert re.search(
        r"<textarea[^>]*name=\"r2-a0-target\"[^>]*>Ongoing, review October 2027<", page
    )
    plan = review_of(client, "library.txt", NO_OWNER_TABLE)
    page = client.get(url(plan)).content.decode()
    assert page.count("No owner was found for this action. Enter who will do it.") == 1
    assert "an action has no owner" in page.split("Check these first")[1]
    long_target = re.search(r'<textarea[^>]*name="r1-a0-target"[^>]*rows="(\d)"', page)
    assert long_target and long_target[1] == "3"


def test_the_review_page_queries_stay_flat_however_it_was_read(client, importer):
    review = review_of(client, "made.txt", made.as_text())
    with CaptureQueriesContext(connection) as plain:
        client.get(url(review))
    client.post(url(review), roles(column_5="progress"))
    client.post(url(review), {"action": "merge", "merge": "0"})
    with CaptureQueriesContext(connection) as changed:
        client.get(url(review))
    assert len(changed) <= len(plain) + 1  # the remembered mapping and its import, in one


def test_an_outsider_cannot_change_how_a_document_is_read(client, importer, viewer):
    review = review_of(client, "made.txt", made.as_text())
    client.force_login(viewer)
    response = client.post(url(review), roles(column_5="progress"))
    assert response.status_code == 404 and not ColumnMapping.objects.exists()


def test_fields_too_long_for_their_columns_are_errors_in_sentences(client, importer):
    """Issue 15: every error in an import's summary is a sentence linked to its field."""
    review = review_of(client, "made.txt", made.as_text())
    html = client.post(
        url(review),
        {"action": "commit", "r0-a0-owner": "A very long owner " * 40, "r1-addressee": "X" * 600},
    ).content.decode()
    assert "Recommendation 1, action 1: the owner must be 500 characters or fewer" in html
    assert "Recommendation 2: who it is addressed to must be 500 characters or fewer" in html
    assert 'href="#r0-a0-owner"' in html and 'id="r0-a0-owner-error"' in html
    assert "['" not in html and "[&#x27;" not in html
    review.refresh_from_db()
    assert review.status == "pending"


COUNTED_LIST = (
    "A review of a made-up ferry service for children\n\n"
    "Recommendations\n\n"
    "The review made three recommendations, as follows.\n\n"
    "1. The ferry service should publish its timetable in plain words for children.\n\n"
    "2. The ferry service should train its crews to welcome children who travel alone.\n"
)


def test_the_documents_own_count_differing_from_what_was_read_is_a_warning(client, importer):
    review = review_of(client, "ferry.txt", COUNTED_LIST)
    page = client.get(url(review)).content.decode()
    warnings = page.split('id="document-warnings"')[1].split("</ul>")[0]
    assert "The document says it makes 3 recommendations but 2 were read" in warnings
