"""The inspectorate judges a recommendation, keeping an 'as at' snapshot of the plan."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from followthrough.actionplans.models import ActionPlan, Review
from followthrough.organisations.models import Membership


def test_a_reviewer_records_a_judgement_with_a_snapshot(client, inspector, sample_plan):
    client.force_login(inspector)
    rec = ActionPlan.objects.get().responses.first().recommendation
    url = reverse("actionplans:review-new", args=[rec.pk])
    bad = client.post(
        url,
        {
            "on": date.today().isoformat(),
            "judgement": "",
            "evidence_grade": "self_reported",
            "commentary": "",
        },
    )
    assert b"Select a judgement" in bad.content
    ok = client.post(
        url,
        {
            "on": date.today().isoformat(),
            "judgement": "partly_achieved",
            "evidence_grade": "document_verified",
            "commentary": "Accommodation protocol agreed; not yet used.",
        },
    )
    assert ok.status_code == 302
    review = Review.objects.get()
    assert review.reviewer == inspector
    assert review.snapshot["responses"][0]["actions"]
    page = client.get(reverse("inspections:recommendation-detail", args=[rec.pk])).content
    assert b"Partly achieved" in page and b"verified from documents" in page


def test_bodies_cannot_judge_themselves(client, make_user, sample_plan):
    client.force_login(make_user("yjb-admin", "Youth Justice Board", Membership.Role.ADMIN))
    rec = ActionPlan.objects.get().responses.first().recommendation
    assert client.get(reverse("actionplans:review-new", args=[rec.pk])).status_code == 404
