"""The review page shows each column with the role the reader used, including one it re-assigned
because of what the column's cells hold."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from followthrough.ingest.models import ImportReview

# A column headed "Agreed" whose cells are written text: the reader takes it as the response.
AGREED_TEXT_TABLE = (
    "Action plan for a made-up allotment service\n\n"
    "Rec No\tRecommendation\tAgreed\tOwner\tTarget date\n"
    "1\tThe service should open the gates at dawn.\tThe keyholder rota was redrawn in the "
    "spring so that someone is on site early.\tSite Lead\tMay 2027\n"
    "2\tThe service should mend the water troughs.\tNew troughs were ordered and two are "
    "already fitted on the lower plots.\tPlots Manager\tJune 2027\n"
)


@pytest.mark.django_db
def test_a_column_the_reader_reassigned_by_its_cells_shows_that_role(client, inspector):
    client.force_login(inspector)
    name = "allotments.txt"
    client.post(
        reverse("ingest:import-list"),
        {"document": SimpleUploadedFile(name, AGREED_TEXT_TABLE.encode())},
    )
    review = ImportReview.objects.filter(file_name=name).latest("created_at")
    assert review.extraction["table_roles"] == [
        "label", "recommendation", "response", "owner", "target",
    ]  # fmt: skip
    page = client.get(reverse("ingest:import-review", args=[review.pk])).content.decode()
    select = re.search(r'<select[^>]*id="column-2".*?</select>', page, re.S)
    assert select is not None
    assert re.search(r'<option value="response" selected>', select[0]), select[0]
    assert 'value="decision" selected' not in select[0]
