"""Answering a self-assessment's recommendation through the API: the item page's form, service
and wording, its version as the ETag, and the page's rule (the service's contributors, approvers
and administrators while it is in progress)."""

from __future__ import annotations

import pytest

from followthrough.core.models import DomainEvent
from followthrough.selfassessment.models import AssessedRecommendation
from tests.api.writing import send, token_for
from tests.selfassessment.made import make_assessment, make_thematics


@pytest.fixture
def item(youth_justice_service, service_manager) -> AssessedRecommendation:
    make_thematics()
    return make_assessment(youth_justice_service, 2026, service_manager).items.first()


def url(item: AssessedRecommendation) -> str:
    return f"/api/self-assessment-items/{item.pk}/answers/"


def test_a_practitioner_answers_a_recommendation_through_the_api(item, practitioner):
    token = token_for(practitioner)
    read = send("GET", url(item), token)
    assert read.status_code == 200 and read["ETag"] == f'"{item.version}"'
    assert [a["index"] for a in read.json()["answers"]] == [0, 1, 2]
    body = {
        "answer_0": "yes",
        "answer_1": "partly",
        "comment_1": "Only one team does this",
        "held_0": True,
        "link_0": "Board minutes, March",
        "rating": "requires_improvement",
        "rationale": "Part 2 is patchy",
    }
    saved = send("PUT", url(item), token, body, if_match=read["ETag"])
    assert saved.status_code == 200, saved.content
    item.refresh_from_db()
    assert item.rating == "requires_improvement" and saved["ETag"] == f'"{item.version}"'
    answers = {a.index: (a.answer, a.comment) for a in item.answers.all()}
    assert answers == {0: ("yes", ""), 1: ("partly", "Only one team does this")}
    assert item.evidence.get(index=0).link == "Board minutes, March"
    # PATCH changes only what it sends; the rest stays as saved.
    patched = send(
        "PATCH",
        url(item),
        token,
        {"answer_2": "no", "comment_2": "Not yet"},
        if_match=saved["ETag"],
    )
    assert patched.status_code == 200, patched.content
    assert {a["index"]: a["answer"] for a in patched.json()["answers"]} == {
        0: "yes",
        1: "partly",
        2: "no",
    }
    assert patched.json()["rating"] == "requires_improvement"


def test_the_pages_wording_refuses_an_unexplained_gap(item, practitioner):
    answer = send(
        "PUT", url(item), token_for(practitioner), {"answer_0": "no"}, if_match=f'"{item.version}"'
    )
    assert answer.status_code == 400
    assert answer.json()["errors"]["comment_0"] == [
        "Say what is missing: the gap becomes the improvement plan"
    ]
    wrong = send(
        "PUT", url(item), token_for(practitioner), {"rating": "great"}, if_match=f'"{item.version}"'
    )
    assert wrong.json()["errors"]["rating"] == ["Select a rating from the four-point scale"]


def test_a_stale_or_missing_if_match_is_refused(item, practitioner):
    token = token_for(practitioner)
    body = {"answer_0": "yes"}
    missing = send("PUT", url(item), token, body)
    assert missing.status_code == 428
    first = send("PUT", url(item), token, body, if_match=f'"{item.version}"')
    assert first.status_code == 200
    again = send(
        "PUT",
        url(item),
        token,
        {"answer_0": "no", "comment_0": "Gone"},
        if_match=f'"{item.version}"',
    )
    assert again.status_code == 412
    assert again.json()["version"] == item.version + 1 and again["ETag"] == f'"{item.version + 1}"'
    item.refresh_from_db()
    assert item.answers.get(index=0).answer == "yes"


def test_outsiders_get_404_readers_and_read_only_tokens_403(
    item, practitioner, board_member, outsider, inspector
):
    body = {"answer_0": "yes"}
    tag = f'"{item.version}"'
    for stranger in (outsider, inspector):
        assert send("PUT", url(item), token_for(stranger), body, if_match=tag).status_code == 404
        assert send("GET", url(item), token_for(stranger)).status_code == 404
    assert send("PUT", url(item), token_for(board_member), body, if_match=tag).status_code == 403
    read_only = token_for(practitioner, scope="read")
    assert send("PUT", url(item), read_only, body, if_match=tag).status_code == 403
    assert not item.answers.exists()


def test_the_answer_is_in_the_history_as_made_through_the_api(item, practitioner):
    answer = send(
        "PUT", url(item), token_for(practitioner), {"answer_0": "yes"}, if_match=f'"{item.version}"'
    )
    assert answer.status_code == 200
    row = AssessedRecommendation.history.filter(id=item.pk).latest("history_date")
    assert row.history_user == practitioner and row.history_change_reason == "Through the API"
    event = DomainEvent.objects.filter(code="selfassessment.recommendation.assessed").latest("at")
    assert event.actor == practitioner and event.data["via"] == "api"
