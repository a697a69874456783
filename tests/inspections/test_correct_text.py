"""Text read wrongly from a document: flagged on the recommendation page and in import review,
and corrected by the inspectorate with the text as first read kept and the change in history."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from followthrough.core.models import DomainEvent
from followthrough.ingest.models import ImportReview
from followthrough.inspections.models import Recommendation
from tests.core.factories import SourceDocumentFactory
from tests.ingest import made_documents as made
from tests.inspections.factories import RecommendationFactory

SCRAMBLED = "m the staff super the service vising young people in tr ained to of deliver i"
WARNING = "This text may have been read wrongly from the document"


@pytest.fixture
def scrambled(db) -> Recommendation:
    source = SourceDocumentFactory(text="Synthetic source.\n" + SCRAMBLED + "\n")
    return RecommendationFactory(
        text=SCRAMBLED, source=source, source_start=18, source_end=18 + len(SCRAMBLED)
    )


def page(client, rec) -> str:
    return client.get(reverse("reporting:recommendation-detail", args=[rec.pk])).content.decode()


def test_the_recommendation_page_warns_and_links_the_source(client, body_viewer, scrambled):
    client.force_login(body_viewer)
    html = page(client, scrambled)
    assert WARNING in html and "check the source" in html
    source = reverse("ingest:source-passage", args=[scrambled.source_id])
    assert f'{source}?start=18&amp;end={18 + len(SCRAMBLED)}#passage">Check the source' in html
    assert "Correct the text" not in html  # a viewer reads the warning, cannot correct


def test_a_sound_recommendation_has_no_warning(client, body_viewer, db):
    client.force_login(body_viewer)
    assert WARNING not in page(client, RecommendationFactory())


def test_the_inspectorate_corrects_the_text_and_the_flag_goes(client, inspector, scrambled):
    client.force_login(inspector)
    assert "Correct the text" in page(client, scrambled)
    url = reverse("inspections:recommendation-correct", args=[scrambled.pk])
    form = client.get(url).content.decode()
    assert "Correct the text of recommendation" in form and "Check the source" in form
    done = client.post(url, {"text": "Train the staff who supervise young people.", "version": 1})
    assert done.status_code == 302
    rec = Recommendation.objects.get(pk=scrambled.pk)
    assert rec.text == "Train the staff who supervise young people."
    assert rec.text_as_read == SCRAMBLED and rec.text_corrected and rec.version == 2
    assert rec.history.first().history_change_reason == "Text corrected against the source document"
    event = DomainEvent.objects.get(code="inspections.recommendation.text_corrected")
    assert event.actor == inspector and event.data["before"] == {"text": SCRAMBLED}
    html = page(client, rec)
    assert WARNING not in html and "as first read from the document" in html
    # A second correction keeps the text as first read, never the intermediate one.
    client.post(url, {"text": "Train every supervisor of young people.", "version": 2})
    assert Recommendation.objects.get(pk=rec.pk).text_as_read == SCRAMBLED


def test_a_stale_correction_is_refused_showing_what_the_other_person_saved(
    client, inspector, inspectorate_admin, scrambled
):
    url = reverse("inspections:recommendation-correct", args=[scrambled.pk])
    client.force_login(inspectorate_admin)
    client.post(url, {"text": "Their corrected wording.", "version": 1})
    client.force_login(inspector)
    stale = client.post(url, {"text": "My corrected wording.", "version": 1})
    html = stale.content.decode()
    assert stale.status_code == 200 and "There is a problem" in html
    assert "What they saved" in html and "Their corrected wording." in html
    assert "My corrected wording." in html
    assert Recommendation.objects.get(pk=scrambled.pk).text == "Their corrected wording."


def test_empty_text_is_refused_in_govuk_words(client, inspector, scrambled):
    client.force_login(inspector)
    url = reverse("inspections:recommendation-correct", args=[scrambled.pk])
    html = client.post(url, {"text": "  ", "version": 1}).content.decode()
    assert "Enter the text of the recommendation" in html
    assert "<title>Error: " in html


@pytest.mark.parametrize("who", ["body_viewer", "body_admin", "outsider"])
def test_only_the_inspectorate_reaches_the_correction_page(client, who, request, scrambled):
    client.force_login(request.getfixturevalue(who))
    url = reverse("inspections:recommendation-correct", args=[scrambled.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"text": "Changed", "version": 1}).status_code == 404
    assert Recommendation.objects.get(pk=scrambled.pk).text == SCRAMBLED


def test_import_review_flags_scrambled_text(client, inspector):
    client.force_login(inspector)
    client.post(
        reverse("ingest:import-list"), {"document": SimpleUploadedFile("made.docx", made.as_docx())}
    )
    review = ImportReview.objects.get()
    review.extraction["recommendations"][1]["text"] = SCRAMBLED
    review.save()
    html = client.get(reverse("ingest:import-review", args=[review.pk])).content.decode()
    assert html.count(WARNING) == 1 and 'id="r1-garbled"' in html


def test_text_corrected_in_import_review_keeps_what_was_read(client, inspector):
    client.force_login(inspector)
    client.post(
        reverse("ingest:import-list"), {"document": SimpleUploadedFile("made.docx", made.as_docx())}
    )
    review = ImportReview.objects.get()
    read = review.extraction["recommendations"][1]
    url = reverse("ingest:import-review", args=[review.pk])
    done = client.post(url, {"action": "commit", "r1-text": "A wording checked by a person."})
    assert done.status_code == 302
    rec = Recommendation.objects.get(label=read["label"], section=read["section"])
    assert rec.text == "A wording checked by a person." and rec.text_corrected
    assert rec.text_as_read == read["text"]


def test_the_ete_plan_as_imported_flags_only_its_scrambled_recommendation(client, inspector):
    """The ETE plan's recommendation 7 is scrambled in the source PDF itself; once imported, its
    page warns and links the passage, and none of the plan's other recommendations does."""
    from tests.conftest import corpus_file, ingest_text

    path = corpus_file("003")
    ingest_text(path.read_text(), path.name)
    flagged = [r.label for r in Recommendation.objects.all() if r.reads_garbled]
    assert flagged == ["7"]
    rec = Recommendation.objects.get(label="7")
    client.force_login(inspector)
    html = page(client, rec)
    assert WARNING in html and '#passage">Check the source' in html
