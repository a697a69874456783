"""The inspectorate judges a recommendation, keeping an 'as at' snapshot of the plan."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from followthrough.actionplans.models import ActionPlan, Review


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
    page = client.get(reverse("reporting:recommendation-detail", args=[rec.pk])).content
    assert b"Partly achieved" in page and b"verified from documents" in page


def test_bodies_cannot_judge_themselves(client, body_admin, sample_plan):
    client.force_login(body_admin)
    rec = ActionPlan.objects.get().responses.first().recommendation
    assert client.get(reverse("actionplans:review-new", args=[rec.pk])).status_code == 404


def test_a_judgement_shows_what_slipped_after_it_and_why(
    client, inspector, body_approver, sample_plan
):
    from django.db import transaction

    from followthrough.actionplans.models import Action
    from followthrough.actionplans.services import (
        review_record,
        target_revision_decide,
        target_revision_propose,
    )

    action = Action.objects.exclude(due_date=None).exclude(status="completed").first()
    rec = action.response.recommendation
    today = date.today()
    first_due = action.due_date
    with transaction.atomic():
        review_record(
            recommendation=rec,
            on=today,
            judgement="not_achieved",
            evidence_grade="self_reported",
            commentary="Nothing yet.",
            actor=inspector,
            today=today,
        )
        new_due = date(first_due.year + 2, 3, 31)
        revision = target_revision_propose(
            action=action,
            new_text=f"31 March {new_due.year}",
            reason="Funding delayed",
            actor=inspector,
            today=today,
        )
        # A second person approves: the proposer may not (four eyes on targets).
        target_revision_decide(revision=revision, approve=True, actor=body_approver, today=today)
    Action.objects.filter(pk=action.pk).update(status="in_progress")
    client.force_login(inspector)
    html = client.get(reverse("reporting:recommendation-detail", args=[rec.pk])).content
    html = html.decode()
    assert "What changed since this judgement" in html
    days = (new_due - first_due).days
    assert f"to 31 March {new_due.year} (+{days} days): Funding delayed" in html
    assert "→ in progress" in html
