"""The service's review against the resettlement standard: one a year, key questions rated with
evidence, reflection questions with a score where asked, sign-off, sharing, gaps tracked as
improvement actions (in the reminder digest too), and who may see what."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from followthrough.audits.models import Audit, ReviewImprovement
from followthrough.audits.services import (
    asks_for_score,
    key_question_save,
    reflection_save,
    review_improvement_save,
    review_sign_off,
    review_start,
)
from followthrough.core.concurrency import StaleEdit
from followthrough.flows.reminders import reminder_digests
from followthrough.inspections.models import Report

TODAY = date(2026, 5, 1)
# Reflection questions in our own words, as the practice guide's extractor stores them.
QUESTIONS = [
    {"perspective": "strategic", "question": "How well does the policy reflect who is in custody?"},
    {"perspective": "strategic", "question": "On a scale from 1 to 10, how strong are partners?"},
    {"perspective": "operational", "question": "What would you change for the next child?"},
]


@pytest.fixture
def guide(db):
    return Report.objects.create(
        title="Resettlement effective practice guide (synthetic)",
        kind=Report.Kind.PRACTICE_GUIDE,
        guide={"reflection_questions": QUESTIONS},
    )


def _start(service, year, actor, audit=None):
    with transaction.atomic():
        return review_start(organisation=service, year=year, audit=audit, actor=actor)


@pytest.fixture
def review(youth_justice_service, service_manager, guide):
    return _start(youth_justice_service, 2026, service_manager)


def _rate_all(review, actor, rating="good"):
    for code in ("policy", "provision", "evaluation"):
        with transaction.atomic():
            key_question_save(
                review=review,
                code=code,
                evidence=f"Our {code} papers",
                rating=rating,
                version=0,
                actor=actor,
            )


def _improvement(review, actor, target="March 2026", code="policy"):
    with transaction.atomic():
        return review_improvement_save(
            review=review,
            action=None,
            key_question=code,
            description="Refresh the resettlement policy with children's views",
            owner_text="Head of Service",
            target_text=target,
            measure="The board signs the new policy off",
            version=None,
            actor=actor,
        )


def test_one_review_a_service_a_year(review, youth_justice_service, service_manager):
    with pytest.raises(ValidationError, match="already has a 2026 review"):
        _start(youth_justice_service, 2026, service_manager)
    assert _start(youth_justice_service, 2027, service_manager).year == 2027


def test_only_a_finished_audit_of_the_service_feeds_the_case_part(
    audit, youth_justice_service, service_manager, guide
):
    with pytest.raises(ValidationError, match="finished audits"):
        _start(youth_justice_service, 2026, service_manager, audit=audit)
    Audit.objects.filter(pk=audit.pk).update(status=Audit.Status.FINISHED, finished_on=TODAY)
    audit.refresh_from_db()
    assert _start(youth_justice_service, 2026, service_manager, audit=audit).audit == audit


def test_a_rating_is_on_the_four_point_scale_and_needs_its_evidence(review, practitioner):
    with pytest.raises(ValidationError) as error:
        key_question_save(
            review=review, code="policy", evidence="", rating="good", version=0, actor=practitioner
        )
    assert "Enter the evidence" in str(error.value)
    with pytest.raises(ValidationError, match="four-point scale"):
        key_question_save(
            review=review, code="policy", evidence="x", rating="fine", version=0, actor=practitioner
        )
    saved = key_question_save(
        review=review, code="policy", evidence="x", rating="good", version=0, actor=practitioner
    )
    assert (saved.rating, saved.version) == ("good", 1)


def test_a_stale_key_question_edit_is_refused(review, practitioner, service_manager):
    key_question_save(
        review=review, code="policy", evidence="a", rating="", version=0, actor=practitioner
    )
    key_question_save(
        review=review, code="policy", evidence="b", rating="", version=1, actor=service_manager
    )
    with pytest.raises(StaleEdit) as stale:
        key_question_save(
            review=review, code="policy", evidence="c", rating="", version=1, actor=practitioner
        )
    assert stale.value.current.evidence == "b"
    key_question_save(
        review=review, code="provision", evidence="d", rating="", version=0, actor=service_manager
    )
    with pytest.raises(StaleEdit):  # someone answered first while this form was blank
        key_question_save(
            review=review, code="provision", evidence="e", rating="", version=0, actor=practitioner
        )


@pytest.mark.parametrize(
    ("question", "scored"),
    [
        ("On a scale from 1 to 10, how good is it?", True),
        ("Give it a mark out of 10.", True),
        ("Rate it 1-10.", True),
        ("How many of 10 children were seen?", False),
        ("How do you know?", False),
    ],
)
def test_a_score_is_asked_only_where_the_question_asks_for_one(question, scored):
    assert asks_for_score(question) is scored


def test_a_reflection_score_is_from_1_to_10_and_only_where_asked(review, practitioner):
    def save(index, score, answer="Partners meet monthly", version=0):
        return reflection_save(
            review=review,
            index=index,
            question=QUESTIONS[index]["question"],
            answer=answer,
            score=score,
            answered_on=None,
            version=version,
            actor=practitioner,
            today=TODAY,
        )

    for bad in (0, 11):
        with pytest.raises(ValidationError, match="score from 1 to 10"):
            save(1, bad)
    with pytest.raises(ValidationError, match="score from 1 to 10"):
        save(1, None)
    with pytest.raises(ValidationError, match="does not ask for a score"):
        save(0, 5)
    saved = save(1, 7)
    assert (saved.score, saved.answered_on, saved.version) == (7, TODAY, 1)


def test_sign_off_needs_each_key_question_rated_and_then_the_review_is_read_only(
    review, practitioner, service_manager, client
):
    with pytest.raises(ValidationError, match="Policy: rate it"):
        review_sign_off(review=review, actor=service_manager, today=TODAY)
    _rate_all(review, practitioner)
    with transaction.atomic():
        review_sign_off(review=review, actor=service_manager, today=TODAY)
    review.refresh_from_db()
    with pytest.raises(ValidationError, match="read-only"):
        key_question_save(
            review=review, code="policy", evidence="x", rating="", version=1, actor=practitioner
        )
    client.force_login(practitioner)
    page = reverse("audits:review-key-question", args=[review.pk, "policy"])
    assert client.get(page).status_code == 404
    # Its improvement actions stay live.
    action = _improvement(review, practitioner, target="March 2027")
    url = reverse("audits:review-improvement-progress", args=[action.pk])
    assert client.get(url).status_code == 200
    detail = client.get(reverse("audits:review-detail", args=[review.pk])).content.decode()
    assert "Signed off" in detail and ">Answer<" not in detail


def test_an_improvement_action_is_tracked_and_in_the_reminder_digest(
    review, practitioner, youth_justice_service
):
    with pytest.raises(ValidationError, match="Enter a target"):
        _improvement(review, practitioner, target="soon-ish")
    overdue = _improvement(review, practitioner, target="March 2026")
    soon = _improvement(review, practitioner, target="20 May 2026", code="cases")
    states = dict(ReviewImprovement.objects.with_state(today=TODAY).values_list("pk", "state"))
    assert (states[overdue.pk], states[soon.pk]) == ("no_update", "due_soon")
    (digest,) = [
        d for d in reminder_digests(as_of=TODAY) if d.organisation == youth_justice_service
    ]
    assert digest.review_improvements_overdue == [overdue]
    assert digest.review_improvements_due_soon == [soon]
    assert (digest.overdue_count, digest.due_soon_count) == (1, 1)


def test_pages_start_answer_and_track_a_review(
    client, youth_justice_service, practitioner, guide, time_machine
):
    time_machine.move_to(TODAY)
    client.force_login(practitioner)
    response = client.post(
        reverse("audits:review-new"),
        {"organisation": youth_justice_service.pk, "year": 2026, "audit": ""},
    )
    assert response.status_code == 302
    review = youth_justice_service.standard_reviews.get()
    kq = reverse("audits:review-key-question", args=[review.pk, "provision"])
    response = client.post(kq, {"evidence": "Panels meet weekly", "rating": "good", "version": 0})
    assert response.status_code == 302
    stale = client.post(kq, {"evidence": "Older", "rating": "good", "version": 0})
    assert "Someone else saved this answer" in stale.content.decode()
    reflect = reverse("audits:review-reflection", args=[review.pk, 1])
    refused = client.post(reflect, {"answer": "Strong", "score": "12", "version": 0})
    assert "Enter a score from 1 to 10" in refused.content.decode()
    client.post(reflect, {"answer": "Strong", "score": "8", "version": 0})
    new = reverse("audits:review-improvement-new", args=[review.pk, "provision"])
    client.post(
        new,
        {
            "description": "Add a housing officer to the panel",
            "owner_text": "Partnership Manager",
            "target_text": "September 2026",
            "measure": "Named officer at every panel",
        },
    )
    page = client.get(reverse("audits:review-detail", args=[review.pk])).content.decode()
    assert "Panels meet weekly" in page and "Add a housing officer" in page
    assert "Score out of 10" in page and ">8" in page


def test_last_years_ratings_and_scores_are_shown_beside_this_years(
    client, youth_justice_service, service_manager, practitioner, guide
):
    before = _start(youth_justice_service, 2025, service_manager)
    _rate_all(before, practitioner, rating="inadequate")
    reflection_save(
        review=before,
        index=1,
        question=QUESTIONS[1]["question"],
        answer="Weak",
        score=4,
        answered_on=date(2025, 4, 1),
        version=0,
        actor=practitioner,
        today=TODAY,
    )
    now = _start(youth_justice_service, 2026, service_manager)
    reflection_save(
        review=now,
        index=1,
        question=QUESTIONS[1]["question"],
        answer="Better",
        score=7,
        answered_on=None,
        version=0,
        actor=practitioner,
        today=TODAY,
    )
    client.force_login(service_manager)
    page = client.get(reverse("audits:review-detail", args=[now.pk])).content.decode()
    assert "2025: 4; up 3" in page and "Answered 1 April 2025" in page
    assert page.count("Inadequate") >= 3


def test_who_may_read_a_review(
    client, review, outsider, health_partner, inspector, board_member, superuser
):
    detail = reverse("audits:review-detail", args=[review.pk])
    edit = reverse("audits:review-key-question", args=[review.pk, "policy"])
    for user in (outsider, health_partner, inspector):
        client.force_login(user)
        assert client.get(detail).status_code == 404
        assert "Riverside" not in client.get(reverse("audits:review-list")).content.decode()
    client.force_login(board_member)
    assert client.get(detail).status_code == 200
    assert client.get(edit).status_code == 404
    assert client.post(reverse("audits:review-signoff", args=[review.pk])).status_code == 404
    review.shared_with_inspectorate = True
    review.save()
    client.force_login(inspector)
    assert client.get(detail).status_code == 200
    assert client.get(edit).status_code == 404
    client.force_login(outsider)
    assert client.get(reverse("audits:review-new")).status_code == 200  # for its own service
    client.force_login(health_partner)
    assert client.get(reverse("audits:review-new")).status_code == 404


def test_the_review_page_issues_the_same_queries_however_much_it_holds(
    client, youth_justice_service, service_manager, practitioner, audit, guide
):
    Audit.objects.filter(pk=audit.pk).update(status=Audit.Status.FINISHED, finished_on=TODAY)
    audit.refresh_from_db()
    _start(youth_justice_service, 2023, service_manager, audit=audit)  # a year before each
    small = _start(youth_justice_service, 2024, service_manager, audit=audit)
    _start(youth_justice_service, 2025, service_manager, audit=audit)
    large = _start(youth_justice_service, 2026, service_manager, audit=audit)
    guide.guide = {"reflection_questions": QUESTIONS * 10}
    guide.save()
    _rate_all(large, practitioner)
    for n in range(30):
        _improvement(large, practitioner, target="March 2027", code=["policy", "cases"][n % 2])
    client.force_login(service_manager)
    counts = []
    for review in (small, large):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("audits:review-detail", args=[review.pk])).status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1], counts
