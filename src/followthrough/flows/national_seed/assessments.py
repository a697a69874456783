"""The national dataset's self-assessments: every service has this year's under way (about half
its recommendations rated), and every other service last year's signed off; built in bulk the
way `assessment_start`, `item_save` and `assessment_sign_off` build them (a rating has its
rationale, a gap its comment, held evidence says where; a signed-off one is complete)."""

from __future__ import annotations

from datetime import date
from typing import Any

from simple_history.utils import bulk_create_with_history

from followthrough.inspections.models import Recommendation
from followthrough.selfassessment.models import (
    AssessedRecommendation,
    EnquiryAnswer,
    EvidenceHeld,
    Rating,
    SelfAssessment,
)
from followthrough.selfassessment.selectors import SERVICE_ADDRESSEE_RE

from .people import People
from .sizes import ASSESSED_PER_SERVICE

RATINGS = [
    Rating.GOOD,
    Rating.REQUIRES_IMPROVEMENT,
    Rating.OUTSTANDING,
    Rating.GOOD,
    Rating.INADEQUATE,
]
RATIONALE = "Synthetic rationale: what the answers and the evidence show."
GAP = "Synthetic gap: only some case records show it; the board has no figures yet."


def assessments_build(
    people: People, recs: list[Recommendation], today: date, advance: Any
) -> list[SelfAssessment]:
    """Assessments over the recommendations addressed to services (the default scope, in
    report order), up to ASSESSED_PER_SERVICE of them each, as a manager picks a part."""
    scope = [r for r in recs if SERVICE_ADDRESSEE_RE.search(r.addressee_text)]
    assessments: list[tuple[SelfAssessment, int]] = []
    for n, service in enumerate(people.services):
        manager = people.user("yjs-manager", n)
        if n % 2 == 0:
            assessments.append(
                (
                    SelfAssessment(
                        organisation=service.org,
                        year=today.year - 1,
                        created_by=manager,
                        status=SelfAssessment.Status.SIGNED_OFF,
                        signed_off_by=manager,
                        signed_off_on=date(today.year - 1, 12, 1),
                        shared_with_inspectorate=True,
                    ),
                    n,
                )
            )
        current = SelfAssessment(organisation=service.org, year=today.year, created_by=manager)
        assessments.append((current, n))
    manager = people.user("yjs-manager")
    bulk_create_with_history(
        [a for a, _ in assessments],
        SelfAssessment,
        default_user=manager,
        custom_historical_attrs=people.stamp(manager),
    )
    items, answers, evidence = [], [], []
    for assessment, n in assessments:
        chosen = scope[(n * 7) % max(1, len(scope)) :] + scope
        chosen = list(dict.fromkeys(chosen))[:ASSESSED_PER_SERVICE]
        done = assessment.status == SelfAssessment.Status.SIGNED_OFF
        for order, rec in enumerate(chosen):
            item = AssessedRecommendation(assessment=assessment, recommendation=rec, order=order)
            items.append(item)
            if not done and order >= len(chosen) // 2:
                continue  # this year's: the second half still to answer
            rating = RATINGS[(n + order) % len(RATINGS)]
            item.rating, item.rationale, item.version = rating, RATIONALE, 2
            weak = rating in (Rating.REQUIRES_IMPROVEMENT, Rating.INADEQUATE)
            for index in range(len(rec.lines_of_enquiry)):
                gap = weak and index == 0
                answer = EnquiryAnswer.Answer.PARTLY if gap else EnquiryAnswer.Answer.YES
                answers.append(
                    EnquiryAnswer(item=item, index=index, answer=answer, comment=GAP if gap else "")
                )
            for index in range(len(rec.evidence_prompts)):
                evidence.append(
                    EvidenceHeld(
                        item=item,
                        index=index,
                        held=True,
                        link=f"Synthetic drive, folder {index + 1}",
                    )
                )
    stamp = people.stamp(manager)
    history = {"default_user": manager, "custom_historical_attrs": stamp, "batch_size": 1000}
    bulk_create_with_history(items, AssessedRecommendation, **history)
    for answer_row in answers:
        answer_row.item_id = answer_row.item.pk
    for evidence_row in evidence:
        evidence_row.item_id = evidence_row.item.pk
    bulk_create_with_history(answers, EnquiryAnswer, **history)
    bulk_create_with_history(evidence, EvidenceHeld, **history)
    advance(len(assessments))
    return [a for a, _ in assessments]
