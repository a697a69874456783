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


def test_lists_show_the_first_point_of_a_bare_lead_in(client, inspector, sample_plan):
    from django.urls import reverse

    rec = Recommendation.objects.filter(responses__actions__isnull=False).first()
    rec.text = "ensure that:"
    rec.items = [{"label": "a", "text": "every piccolo is tuned weekly"}]
    rec.save()
    client.force_login(inspector)
    dashboard = client.get(reverse("reporting:inspectorate"), {"report": rec.report_id})
    assert "ensure that: every piccolo is tuned weekly" in dashboard.content.decode()
    addressee = rec.addressees.first()
    if addressee is not None:
        page = client.get(reverse("reporting:organisation-detail", args=[addressee.pk]))
        assert "every piccolo is tuned weekly" in page.content.decode()
