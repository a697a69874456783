"""Answering a recommendation: answers, evidence and rating saved together, only what changed
written, a stale form refused, gaps explained; sign-off needs everything answered."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from followthrough.core.concurrency import StaleEdit
from followthrough.selfassessment.models import EnquiryAnswer, EvidenceHeld
from followthrough.selfassessment.selectors import contributors, item_history
from followthrough.selfassessment.services import (
    Evidence,
    assessment_reopen,
    assessment_share,
    assessment_sign_off,
    item_save,
)


def answer(item, actor, *, version=None, rating="good", answers=None, evidence=None):
    with transaction.atomic():
        return item_save(
            item=item,
            version=item.version if version is None else version,
            rating=rating,
            rationale="Board minutes show yearly review" if rating else "",
            answers=answers
            if answers is not None
            else {0: ("yes", ""), 1: ("yes", ""), 2: ("yes", "")},
            evidence=evidence or {0: Evidence(held=True, link="Board pack, March")},
            actor=actor,
        )


def test_answers_evidence_and_rating_are_saved_with_history(assessment, manager, colleague):
    item = assessment.items.first()
    item = answer(item, colleague, answers={0: ("partly", "Only half the areas"), 1: ("", "")})
    assert item.rating == "good" and item.version == 2
    assert list(item.answers.values_list("index", "answer")) == [(0, "partly")]
    assert EvidenceHeld.objects.get(item=item, index=0).link == "Board pack, March"
    answer(item, manager, answers={0: ("yes", "Now all areas"), 1: ("", "")})
    row = EnquiryAnswer.objects.get(item=item, index=0)
    assert [h.answer for h in row.history.order_by("history_date")] == ["partly", "yes"]
    # The unchanged evidence entry was not written again.
    assert EvidenceHeld.objects.get(item=item, index=0).history.count() == 1
    assert sorted(contributors(assessment)) == sorted([colleague.username, manager.username])
    parts = [(c.user, c.part) for c in item_history(item)]
    assert (colleague.username, "Is part 1 of area 1 in place?") in parts
    assert (manager.username, "Rating") in parts


def test_a_gap_must_be_explained_and_held_evidence_located(assessment, colleague):
    item = assessment.items.first()
    with pytest.raises(ValidationError) as caught:
        answer(
            item,
            colleague,
            answers={0: ("no", "  ")},
            evidence={1: Evidence(held=True)},
        )
    assert set(caught.value.message_dict) == {"comment_0", "link_1"}
    with pytest.raises(ValidationError, match="Explain the rating"), transaction.atomic():
        item_save(
            item=item,
            version=item.version,
            rating="inadequate",
            rationale="",
            answers={},
            evidence={},
            actor=colleague,
        )
    assert not EnquiryAnswer.objects.filter(item=item).exists()


def test_a_form_opened_before_someone_else_saved_is_refused(assessment, colleague, manager):
    item = assessment.items.first()
    opened = item.version
    answer(item, manager)
    with pytest.raises(StaleEdit):
        answer(item, colleague, version=opened, rating="inadequate")
    item.refresh_from_db()
    assert item.rating == "good"


def test_sign_off_needs_every_rating_and_answer(assessment, manager):
    today = date(2026, 11, 24)
    with pytest.raises(ValidationError) as caught:
        assessment_sign_off(assessment=assessment, actor=manager, today=today)
    assert len(caught.value.messages) == 2 * assessment.items.count()
    for item in assessment.items.all():
        answer(item, manager)
    assessment_sign_off(assessment=assessment, actor=manager, today=today)
    assessment.refresh_from_db()
    assert (assessment.status, assessment.signed_off_on) == ("signed_off", today)
    assert not manager.has_perm("selfassessment.change_selfassessment", assessment)
    assert manager.has_perm("selfassessment.track_improvement", assessment)
    with pytest.raises(ValidationError, match="Say why"):
        assessment_reopen(assessment=assessment, actor=manager, reason=" ")
    assessment_reopen(assessment=assessment, actor=manager, reason="Rating 2 was mistyped")
    assert (assessment.status, assessment.signed_off_on) == ("in_progress", None)
    assert assessment.history.filter(status="signed_off", signed_off_on=today).exists()
    with pytest.raises(ValidationError, match="Only a signed-off"):
        assessment_reopen(assessment=assessment, actor=manager, reason="Again")


def test_sharing_is_recorded(assessment, manager):
    assessment_share(assessment=assessment, shared=True, actor=manager)
    assessment_share(assessment=assessment, shared=True, actor=manager)
    assert [h.shared_with_inspectorate for h in assessment.history.order_by("history_date")] == [
        False,
        True,
    ]


def test_improvement_actions_join_the_services_reminder_digest(assessment, manager, colleague):
    from django.core import mail
    from django.core.management import call_command

    from followthrough.selfassessment.services import improvement_save

    item = assessment.items.first()
    with transaction.atomic():
        improvement_save(
            item=item,
            action=None,
            description="Publish the review of area 1",
            owner_text="Head of Service",
            target_text="March 2026",
            measure="Review on the board agenda",
            version=None,
            actor=colleague,
        )
    call_command("remind", "--as-of", "2026-04-15", verbosity=0)
    (digest,) = [m for m in mail.outbox if "Riverside" in m.subject]
    assert "1 overdue" in digest.subject
    assert "Overdue: A thematic inspection of made-up practice 1" in digest.body
    assert sorted(digest.to) == sorted([colleague.email, manager.email])
    call_command("remind", "--as-of", "2026-04-15", verbosity=0)
    assert len([m for m in mail.outbox if "Riverside" in m.subject]) == 1
