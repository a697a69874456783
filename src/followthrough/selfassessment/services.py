"""Writing a self-assessment: its scope, the answers for each recommendation, sign-off and
sharing. Callers hold the transaction."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError

from followthrough.actionplans.services import EVIDENCE_KINDS, tracked_commit
from followthrough.core.concurrency import locked_for_edit
from followthrough.core.events import record_event
from followthrough.core.uploads import upload_check, upload_store
from followthrough.organisations.models import Organisation

from .models import (
    AssessedRecommendation,
    EnquiryAnswer,
    EvidenceHeld,
    ImprovementAction,
    Rating,
    SelfAssessment,
)
from .selectors import scope_missing, scope_recommendations


def assessment_start(
    *,
    organisation: Organisation,
    year: int,
    actor: Any,
    recommendation_ids: Collection[int] | None = None,
) -> SelfAssessment:
    """A new assessment for the year: the default scope, or the part of it the manager picked."""
    scope = scope_recommendations()
    if recommendation_ids is not None:
        scope = [r for r in scope if r.pk in set(recommendation_ids)]
        if not scope:
            raise ValidationError({"recommendations": "Select at least one recommendation"})
    if SelfAssessment.objects.filter(organisation=organisation, year=year).exists():
        raise ValidationError(
            {"year": f"{organisation.short_name} already has a {year} assessment"}
        )
    assessment = SelfAssessment(
        organisation=organisation,
        year=year,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    assessment._history_user = actor
    assessment.full_clean()
    assessment.save()
    AssessedRecommendation.objects.bulk_create(
        AssessedRecommendation(assessment=assessment, recommendation=rec, order=order)
        for order, rec in enumerate(scope)
    )
    record_event(
        assessment,
        "selfassessment.assessment.started",
        actor=actor,
        data={"year": year, "recommendations": assessment.items.count()},
    )
    return assessment


def assessment_scope_add(*, assessment: SelfAssessment, actor: Any) -> int:
    """Bring those recommendations into an assessment in progress, after the ones it has."""
    if assessment.status != SelfAssessment.Status.IN_PROGRESS:
        raise ValidationError("A signed-off assessment's scope does not change")
    missing = scope_missing(assessment)
    start = (assessment.items.order_by("-order").values_list("order", flat=True).first() or 0) + 1
    AssessedRecommendation.objects.bulk_create(
        AssessedRecommendation(assessment=assessment, recommendation=rec, order=start + n)
        for n, rec in enumerate(missing)
    )
    if missing:
        record_event(
            assessment,
            "selfassessment.assessment.scope_added",
            actor=actor,
            data={"recommendations": [r.pk for r in missing]},
        )
    return len(missing)


@dataclass(frozen=True)
class Evidence:
    """What a contributor says about one evidence source; a file is (name, bytes)."""

    held: bool
    link: str = ""
    note: str = ""
    file: tuple[str, bytes] | None = None


GAP_ANSWERS: set[str] = {"partly", "no"}


def item_save(
    *,
    item: AssessedRecommendation,
    version: int | None,
    rating: str,
    rationale: str,
    answers: dict[int, tuple[str, str]],
    evidence: dict[int, Evidence],
    actor: Any,
) -> AssessedRecommendation:
    """Save one recommendation's answers, evidence and rating together. Only what changed is
    written, so each answer's history shows who changed it; a form opened before someone else
    saved is refused (StaleEdit) rather than overwriting their work."""
    current: AssessedRecommendation = locked_for_edit(item, version)
    errors = _item_errors(rating, rationale, answers, evidence)
    stored: dict[int, str] = {}
    for index, entry in evidence.items():
        if entry.file is not None:
            try:
                kind = upload_check(data=entry.file[1], allowed=EVIDENCE_KINDS)
            except ValidationError as exc:
                errors[f"file_{index}"] = exc.messages[0]
            else:
                stored[index] = kind
    if errors:
        raise ValidationError(errors)
    changed = 0
    existing = {a.index: a for a in current.answers.all()}
    for index, (answer, comment) in sorted(answers.items()):
        row = existing.get(index) or EnquiryAnswer(item=current, index=index)
        if row.pk and (row.answer, row.comment) == (answer, comment.strip()):
            continue
        if not row.pk and not answer and not comment.strip():
            continue
        row.answer, row.comment = answer, comment.strip()
        changed += _save(row, actor)
    held = {e.index: e for e in current.evidence.all()}
    for index, entry in sorted(evidence.items()):
        source = held.get(index) or EvidenceHeld(item=current, index=index)
        values = (entry.held, entry.link.strip(), entry.note.strip())
        if source.pk and (source.held, source.link, source.note) == values and entry.file is None:
            continue
        if not source.pk and values == (False, "", "") and entry.file is None:
            continue
        source.held, source.link, source.note = values
        if entry.file is not None:
            source.evidence_file = upload_store(data=entry.file[1], kind=stored[index])
            source.evidence_file_kind = stored[index]
            source.evidence_file_name = entry.file[0][:255]
        changed += _save(source, actor)
    before = current.rating
    current.rating, current.rationale = rating, rationale.strip()
    current.version += 1
    current._history_user = actor
    current.save()
    record_event(
        current.assessment,
        "selfassessment.recommendation.assessed",
        actor=actor,
        data={"item": current.pk, "rating": {"from": before, "to": rating}, "changed": changed},
    )
    return current


def _save(row: Any, actor: Any) -> int:
    row._history_user = actor
    row.full_clean()
    row.save()
    return 1


def _item_errors(
    rating: str,
    rationale: str,
    answers: dict[int, tuple[str, str]],
    evidence: dict[int, Evidence],
) -> dict[str, str]:
    errors: dict[str, str] = {}
    for index, (answer, comment) in answers.items():
        if answer and answer not in EnquiryAnswer.Answer.values:
            errors[f"answer_{index}"] = "Select yes, partly, no or not applicable"
        elif answer in GAP_ANSWERS and not comment.strip():
            errors[f"comment_{index}"] = "Say what is missing: the gap becomes the improvement plan"
    for index, entry in evidence.items():
        if entry.held and not (entry.link.strip() or entry.note.strip() or entry.file):
            errors[f"link_{index}"] = "Say where the evidence is held: a link, a file or a note"
    if rating and rating not in Rating.values:
        errors["rating"] = "Select a rating from the four-point scale"
    elif rating and not rationale.strip():
        errors["rationale"] = "Explain the rating: what the answers and evidence show"
    return errors


def assessment_sign_off(*, assessment: SelfAssessment, actor: Any, today: date) -> SelfAssessment:
    """A manager signs the assessment off once every recommendation is rated and every line of
    enquiry answered; from then on it is read-only, though its improvement plan stays live."""
    if assessment.status != SelfAssessment.Status.IN_PROGRESS:
        raise ValidationError("This assessment is already signed off")
    problems = []
    if not assessment.items.exists():
        raise ValidationError("There is nothing to sign off: no recommendations are in scope")
    items = assessment.items.select_related("recommendation").prefetch_related("answers")
    for item in items:
        label = item.recommendation.display_label
        if not item.rating:
            problems.append(f"{label}: rate it on the four-point scale")
        answered = {a.index for a in item.answers.all() if a.answer}
        missing = len(set(range(len(item.recommendation.lines_of_enquiry))) - answered)
        if missing:
            problems.append(
                f"{label}: answer {missing} more line{'s' if missing != 1 else ''} of enquiry"
            )
    if problems:
        raise ValidationError(problems)
    assessment.status = SelfAssessment.Status.SIGNED_OFF
    assessment.signed_off_by = actor
    assessment.signed_off_on = today
    assessment._history_user = actor
    assessment.save()
    record_event(assessment, "selfassessment.assessment.signed_off", actor=actor, data={})
    return assessment


def assessment_reopen(*, assessment: SelfAssessment, actor: Any, reason: str) -> SelfAssessment:
    """A manager reopens a signed-off assessment to correct it; the reason is recorded, and the
    earlier sign-off stays in the assessment's history."""
    if assessment.status != SelfAssessment.Status.SIGNED_OFF:
        raise ValidationError("Only a signed-off assessment can be reopened")
    if not reason.strip():
        raise ValidationError("Say why the signed-off assessment is being reopened")
    before = {
        "signed_off_by": assessment.signed_off_by_id,
        "signed_off_on": assessment.signed_off_on,
    }
    assessment.status = SelfAssessment.Status.IN_PROGRESS
    assessment.signed_off_by = None
    assessment.signed_off_on = None
    assessment._history_user = actor
    assessment._change_reason = reason.strip()[:100]
    assessment.save()
    record_event(
        assessment,
        "selfassessment.assessment.reopened",
        actor=actor,
        data={"reason": reason.strip(), "signed_off_on": str(before["signed_off_on"])},
    )
    return assessment


def assessment_share(*, assessment: SelfAssessment, shared: bool, actor: Any) -> SelfAssessment:
    """The service lets the inspectorate read the assessment, or stops it doing so."""
    if assessment.shared_with_inspectorate != shared:
        assessment.shared_with_inspectorate = shared
        assessment._history_user = actor
        assessment.save()
        record_event(
            assessment,
            "selfassessment.assessment.shared" if shared else "selfassessment.assessment.unshared",
            actor=actor,
            data={"shared": shared},
        )
    return assessment


def improvement_save(
    *,
    item: AssessedRecommendation,
    action: ImprovementAction | None,
    description: str,
    owner_text: str,
    target_text: str,
    measure: str,
    version: int | None,
    actor: Any,
) -> ImprovementAction:
    """Add an improvement action to a recommendation's gap, or change one."""
    if action is not None:
        current: ImprovementAction = locked_for_edit(action, version)
    else:
        current = ImprovementAction(item=item, order=item.improvements.count())
    tracked_commit(
        current,
        changed=action is not None,
        actor=actor,
        description=description,
        owner_text=owner_text,
        target_text=target_text,
        measure=measure,
    )
    return current
