"""Citing the service's own figures as "how do we know" evidence on a self-assessment item: an
audit finding or a casework measure, read live wherever shown; withdrawn, never deleted. Callers
hold the transaction."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError

from followthrough.cases.board.measures import SECTIONS
from followthrough.core.events import record_event
from followthrough.selfassessment.models import AssessedRecommendation

from ..models import Audit, Criterion, EvidenceCitation

# Every measure of the board pack, by code: what a citation may name.
MEASURES: dict[str, str] = {rule.code: rule.title for _, _, rules in SECTIONS for rule in rules}


def citation_add(
    *,
    item: AssessedRecommendation,
    kind: str,
    audit: Audit | None,
    criterion: Criterion | None,
    measure: str,
    note: str,
    actor: Any,
) -> EvidenceCitation:
    """Cite one of the service's audit findings (an audit of its own and a yes / no criterion of
    the set it was marked on) or one of the board pack's measures."""
    service_id = item.assessment.organisation_id
    errors: dict[str, str] = {}
    if kind == EvidenceCitation.Kind.FINDING:
        if audit is None or audit.organisation_id != service_id:
            errors["audit"] = "Select one of the service's audits"
        elif audit.status == Audit.Status.SETTING_UP:
            errors["audit"] = "Select an audit whose sample has been drawn"
        elif criterion is None or criterion.criteria_set_id != audit.criteria_set_id:
            errors["criterion"] = "Select a criterion of the audit's criteria set"
        elif criterion.answer_type != Criterion.AnswerType.YES_NO:
            errors["criterion"] = "Select a criterion answered yes or no"
        measure = ""
    elif kind == EvidenceCitation.Kind.MEASURE:
        if measure not in MEASURES:
            errors["measure"] = "Select a casework measure"
        audit = criterion = None
    else:
        errors["kind"] = "Select an audit finding or a casework measure"
    if errors:
        raise ValidationError(errors)
    citation = EvidenceCitation(
        item=item,
        kind=kind,
        audit=audit,
        criterion=criterion,
        measure=measure,
        note=note.strip(),
        cited_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    citation._history_user = actor
    citation.full_clean()
    citation.save()
    record_event(
        item.assessment,
        "audits.citation.added",
        actor=actor,
        data={"item": item.pk, "citation": citation.pk, "kind": kind},
    )
    return citation


def citation_withdraw(*, citation: EvidenceCitation, actor: Any, today: date) -> EvidenceCitation:
    """Stop citing: the citation is kept, dated withdrawn, in the item's history."""
    if citation.withdrawn_on is not None:
        raise ValidationError("This evidence was already withdrawn")
    citation.withdrawn_on = today
    citation._history_user = actor
    citation.save()
    record_event(
        citation.item.assessment,
        "audits.citation.withdrawn",
        actor=actor,
        data={"item": citation.item_id, "citation": citation.pk},
    )
    return citation
