"""API writes are in the history and the audit log as the token's owner, marked as made through
the API; a write through the pages is not."""

from __future__ import annotations

import csv
import io

from followthrough.actionplans.models import Response
from followthrough.core.models import DomainEvent
from tests.api.writing import drafting, send, token_for


def test_an_api_write_names_the_tokens_owner_and_says_through_the_api(
    client, sample_plan, body_contributor, inspectorate_admin, known_bodies
):
    response = drafting(sample_plan, known_bodies["YJB"])
    url = f"/api/responses/{response.pk}/record/"
    body = {"decision": "agreed", "narrative": "Recorded from our tracker"}
    answer = send("PUT", url, token_for(body_contributor), body, if_match=f'"{response.version}"')
    assert answer.status_code == 200, answer.content
    row = Response.history.filter(id=response.pk).latest("history_date")
    assert row.history_user == body_contributor
    assert row.history_change_reason == "Through the API"
    event = DomainEvent.objects.filter(code="actionplans.response.recorded").latest("at")
    assert event.actor == body_contributor and event.data["via"] == "api"

    client.force_login(inspectorate_admin)
    page = client.get("/audit/").content.decode()
    assert "Why: Through the API" in page and body_contributor.username in page
    lines = list(csv.DictReader(io.StringIO(b"".join(client.get("/audit/export.csv")).decode())))
    ours = [line for line in lines if line["User"] == body_contributor.username]
    marked = [line for line in ours if line["Reason"] == "Through the API"]
    # The response's history row and its "recorded" event; only the token's own row is not.
    assert len(marked) >= 2 and {line["Record"] for line in marked} >= {"Response"}
    assert all(line["Reason"] == "Token created" for line in ours if line not in marked)


def test_a_write_through_the_pages_is_not_marked(
    client, sample_plan, body_contributor, known_bodies
):
    response = drafting(sample_plan, known_bodies["YJB"])
    client.force_login(body_contributor)
    posted = client.post(
        f"/responses/{response.pk}/edit/",
        {"decision": "agreed", "narrative": "From the page", "version": response.version},
    )
    assert posted.status_code == 302, posted.content
    row = Response.history.filter(id=response.pk).latest("history_date")
    assert row.history_user == body_contributor and not row.history_change_reason
    event = DomainEvent.objects.filter(code="actionplans.response.recorded").latest("at")
    assert "via" not in event.data
