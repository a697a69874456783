"""Owners report progress on published actions; completion needs evidence; nothing is lost."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse

from followthrough.actionplans.models import Action
from followthrough.core.models import DomainEvent


@pytest.fixture
def owned(client, body_contributor, sample_plan):
    client.force_login(body_contributor)
    return Action.objects.filter(owner_organisation__short_name="YJB").first()


def post(client, action, **data):
    values = {"on": date.today().isoformat(), "new_status": "", "text": "", "evidence": ""}
    values.update(data)
    return client.post(reverse("actionplans:action-progress", args=[action.pk]), values)


def test_progress_is_recorded_and_moves_the_status(client, owned):
    assert post(client, owned, new_status="in_progress", text="Drafting started").status_code == 302
    owned.refresh_from_db()
    assert owned.status == "in_progress" and owned.updates.count() == 1
    page = client.get(reverse("actionplans:action-progress", args=[owned.pk])).content
    assert b"Drafting started" in page


def test_completion_needs_evidence_and_records_the_date(client, owned):
    html = post(client, owned, new_status="completed", text="Done").content.decode()
    assert "Give the evidence that shows the action is done" in html
    post(client, owned, new_status="completed", text="Done", evidence="Published on 3 May")
    owned.refresh_from_db()
    assert owned.status == "completed" and owned.completed_on == date.today()
    assert DomainEvent.objects.filter(code="actionplans.action.completed").count() == 1


def test_updates_cannot_be_dated_in_the_future_or_left_empty(client, owned):
    later = (date.today() + timedelta(days=3)).isoformat()
    html = post(client, owned, on=later).content.decode()
    assert "The date of the update must be today or in the past" in html
    assert "Enter what has happened" in html
    assert post(client, owned, on="31/13/2026", text="x").status_code == 200


def test_other_organisations_cannot_report_on_it(client, owned, other_body_contributor):
    client.force_login(other_body_contributor)
    if owned.response.responding_organisation.short_name == "MoJ":
        pytest.skip("the sample gave this action to a MoJ response")
    assert post(client, owned, text="Not mine").status_code == 404


def test_the_dashboard_offers_an_inline_update_that_htmx_saves_in_place(client, owned):
    dashboard = client.get(reverse("reporting:my-organisation")).content.decode()
    assert "Post an update" in dashboard
    url = reverse("actionplans:action-progress", args=[owned.pk])
    values = {"on": date.today().isoformat(), "inline": "1", "new_status": "", "evidence": ""}
    bad = client.post(url, values | {"text": ""}, headers={"HX-Request": "true"})
    assert bad.status_code == 200 and "Enter what has happened" in bad.content.decode()
    assert "<html" not in bad.content.decode()  # a fragment, not a page
    good = client.post(url, values | {"text": "Met the board"}, headers={"HX-Request": "true"})
    assert "Update saved" in good.content.decode() and owned.updates.count() == 1
    # the same form without JavaScript: a normal post, redirected to the timeline
    plain = client.post(url, values | {"text": "Again"})
    assert plain.status_code == 302 and owned.updates.count() == 2


def test_viewers_get_no_inline_update(client, body_viewer, sample_plan):
    client.force_login(body_viewer)
    assert "Post an update" not in client.get(reverse("reporting:my-organisation")).content.decode()


def test_an_evidence_file_is_checked_kept_and_served_to_plan_readers(
    client, owned, settings, tmp_path, other_body_viewer
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.UPLOAD_ROOT = tmp_path
    url = reverse("actionplans:action-progress", args=[owned.pk])
    values = {"on": date.today().isoformat(), "new_status": "completed", "text": "Done"}
    fake = SimpleUploadedFile("report.pdf", b"\x00\x01 not a pdf at all")
    html = client.post(url, values | {"evidence": "", "evidence_file": fake}).content.decode()
    assert "The selected file must be a PDF" in html
    assert owned.updates.count() == 0 and not list(tmp_path.iterdir())
    pdf = SimpleUploadedFile("Board minutes.pdf", b"%PDF-1.7 minutes of the board")
    assert client.post(url, values | {"evidence": "", "evidence_file": pdf}).status_code == 302
    update = owned.updates.get()
    owned.refresh_from_db()
    assert owned.status == "completed" and owned.evidence == "File: Board minutes.pdf"
    page = client.get(url).content.decode()
    assert "Download the evidence file" in page
    client.force_login(other_body_viewer)
    download = client.get(reverse("actionplans:evidence-file", args=[update.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
    assert download["Content-Disposition"].startswith('attachment; filename="Board minutes.pdf"')


def test_the_recommendation_page_offers_progress_only_to_those_who_write_for_the_action(
    client, owned, inspector, body_viewer
):
    """The page skips asking of each action when the reader writes for no organisation; those
    who write for the owner are still offered it, and nobody else is."""
    page = reverse("reporting:recommendation-detail", args=[owned.response.recommendation_id])
    link = reverse("actionplans:action-progress", args=[owned.pk])
    assert link in client.get(page).content.decode()  # the owner's contributor
    for reader in (inspector, body_viewer):
        client.force_login(reader)
        assert link not in client.get(page).content.decode()
