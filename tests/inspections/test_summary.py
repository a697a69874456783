"""A list shows each recommendation in a line that says something, even when the document put
everything in its points under a bare lead-in."""

from __future__ import annotations

from followthrough.inspections.models import Recommendation


def _rec(text: str, items: list[dict[str, str | None]]) -> Recommendation:
    return Recommendation(label="1", text=text, items=items)


def test_a_bare_lead_in_is_followed_by_its_first_point():
    rec = _rec("ensure that:", [{"label": None, "text": "every choir has a named lead"}])
    assert rec.summary == "ensure that: every choir has a named lead"


def test_empty_text_shows_the_first_point():
    rec = _rec("", [{"label": "a", "text": "publish the timetable"}, {"label": "b", "text": "x"}])
    assert rec.summary == "publish the timetable"


def test_a_full_sentence_stands_alone():
    rec = _rec("Publish a plan for rehearsals in every county.", [{"label": "a", "text": "x"}])
    assert rec.summary == "Publish a plan for rehearsals in every county."
