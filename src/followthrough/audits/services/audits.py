"""An audit's life: set up on a published criteria set, sampled from the service's cases with the
seed recorded, markers assigned, cases marked (some twice, blind), disagreements moderated, and
finished with the rating rules then in force."""

from __future__ import annotations

import secrets
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from followthrough.cases.models import Case
from followthrough.core.concurrency import locked_for_edit
from followthrough.core.events import record_event
from followthrough.organisations.access import standing_of
from followthrough.organisations.models import Organisation

from .. import sampling
from ..models import Answer, Audit, AuditCase, CriteriaSet
from .sets import _stamp


def population(audit: Audit) -> Any:
    """The service's cases an audit draws from: released, sentenced, or in custody at any time
    in the period; anonymised cases never."""
    cases = Case.objects.filter(service_id=audit.organisation_id, anonymised_on__isnull=True)
    start, end = audit.period_start, audit.period_end
    if audit.population == Audit.Population.RELEASED:
        return cases.filter(release_date__range=(start, end))
    if audit.population == Audit.Population.SENTENCED:
        return cases.filter(sentence_date__range=(start, end))
    return cases.filter(sentence_date__lte=end).filter(
        Q(release_date__isnull=True) | Q(release_date__gte=start)
    )


def _check_plan(
    *,
    period_start: date,
    period_end: date,
    sampling_rule: str,
    sample_percent: int | None,
    sample_minimum: int | None,
    double_mark_percent: int,
) -> None:
    errors: dict[str, str] = {}
    if period_end < period_start:
        errors["period_end"] = "The end of the period must be the same as or after its start"
    if sampling_rule == Audit.Sampling.SHARE:
        if sample_percent is None or not 1 <= sample_percent <= 100:
            errors["sample_percent"] = "Enter the share of cases to audit, from 1% to 100%"
        if sample_minimum is not None and sample_minimum < 1:
            errors["sample_minimum"] = "The smallest sample must be at least 1 case"
    if not 0 <= double_mark_percent <= 100:
        errors["double_mark_percent"] = "Enter the share to mark twice, from 0% to 100%"
    if errors:
        raise ValidationError(errors)


def audit_create(
    *,
    organisation: Organisation,
    criteria_set: CriteriaSet,
    title: str,
    period_start: date,
    period_end: date,
    actor: Any,
    population: str = Audit.Population.RELEASED,
    sampling_rule: str = Audit.Sampling.ALL,
    sample_percent: int | None = None,
    sample_minimum: int | None = None,
    stratify_by_sex: bool = False,
    double_mark_percent: int = 0,
) -> Audit:
    if organisation.kind != Organisation.Kind.YOUTH_JUSTICE_SERVICE:
        raise ValidationError("Only a youth justice service audits its cases")
    if criteria_set.status != CriteriaSet.Status.PUBLISHED:
        raise ValidationError({"criteria_set": "Choose a published criteria set"})
    if not title.strip():
        raise ValidationError({"title": "Enter a name for the audit"})
    _check_plan(
        period_start=period_start,
        period_end=period_end,
        sampling_rule=sampling_rule,
        sample_percent=sample_percent,
        sample_minimum=sample_minimum,
        double_mark_percent=double_mark_percent,
    )
    audit = Audit(
        organisation=organisation,
        criteria_set=criteria_set,
        title=title.strip(),
        period_start=period_start,
        period_end=period_end,
        population=population,
        sampling=sampling_rule,
        sample_percent=sample_percent if sampling_rule == Audit.Sampling.SHARE else None,
        sample_minimum=sample_minimum if sampling_rule == Audit.Sampling.SHARE else None,
        stratify_by_sex=stratify_by_sex and sampling_rule == Audit.Sampling.SHARE,
        double_mark_percent=double_mark_percent,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    audit.full_clean()
    _stamp(audit, actor)
    audit.save()
    record_event(audit, "audits.created", actor=actor)
    return audit


def audit_draw(*, audit: Audit, version: int, actor: Any, seed: int | None = None) -> Audit:
    """Draw the sample and the double-marked share, once; the seed is kept so the draw can be
    repeated by anyone with the same cases."""
    current = locked_for_edit(audit, version)
    if current.status != Audit.Status.SETTING_UP:
        raise ValidationError("The sample has already been drawn")
    cases = list(population(current).values_list("pk", "sex"))
    if not cases:
        raise ValidationError(
            "There are no cases in this period to audit: change the period or the cases it covers"
        )
    seed = secrets.randbelow(2**31) if seed is None else seed
    percent = current.sample_percent if current.sampling == Audit.Sampling.SHARE else None
    chosen = sampling.draw(
        cases,
        percent=percent,
        minimum=current.sample_minimum,
        seed=seed,
        stratify=current.stratify_by_sex,
    )
    twice = set(sampling.double_marked(chosen, percent=current.double_mark_percent, seed=seed))
    sex = dict(cases)
    bulk_create_with_history(
        [
            AuditCase(
                audit=current,
                case_id=case_id,
                order=order,
                stratum=sex[case_id] if current.stratify_by_sex else "",
                double_marked=case_id in twice,
            )
            for order, case_id in enumerate(chosen, start=1)
        ],
        AuditCase,
        default_user=actor if getattr(actor, "is_authenticated", False) else None,
    )
    current.seed = seed
    current.population_size = len(cases)
    current.status = Audit.Status.MARKING
    current.sampled_on = timezone.localdate()
    current.version += 1
    _stamp(current, actor)
    current.save()
    record_event(
        current,
        "audits.sampled",
        actor=actor,
        data={"seed": seed, "population": len(cases), "sample": len(chosen), "twice": len(twice)},
    )
    return current


def _works_cases(user: Any, organisation_id: int) -> bool:
    return user is not None and standing_of(user).works_cases_of(organisation_id)


def audit_case_assign(
    *, audit_case: AuditCase, version: int, actor: Any, first_marker: Any, second_marker: Any = None
) -> AuditCase:
    """Who marks a case, and who marks it blind a second time; both work the service's cases,
    and never the same person twice."""
    current = locked_for_edit(audit_case, version)
    audit = current.audit
    if audit.status == Audit.Status.FINISHED:
        raise ValidationError("The audit is finished: its markers no longer change")
    errors: dict[str, str] = {}
    if first_marker is None or not _works_cases(first_marker, audit.organisation_id):
        errors["first_marker"] = "Choose a case manager or manager of the service to mark this case"
    if current.double_marked:
        if second_marker is None or not _works_cases(second_marker, audit.organisation_id):
            errors["second_marker"] = "Choose a second marker from the service's case workers"
        elif first_marker is not None and second_marker.pk == first_marker.pk:
            errors["second_marker"] = "The second marker must be someone other than the first"
    elif second_marker is not None:
        errors["second_marker"] = "This case is not one of those marked twice"
    if errors:
        raise ValidationError(errors)
    if current.first_done_on and current.first_marker_id != first_marker.pk:
        raise ValidationError(
            {"first_marker": "The first marking is finished: it keeps its marker"}
        )
    if current.second_done_on and current.second_marker_id != getattr(second_marker, "pk", None):
        raise ValidationError(
            {"second_marker": "The second marking is finished: it keeps its marker"}
        )
    # Answers stay with their side of the case: nobody may move to the side whose answers they
    # have not written, having written the other's, or marking would stop being blind.
    answered = {
        (marker, by)
        for marker, by in current.answers.values_list("marker", "answered_by_id")
        if by is not None
    }
    if (Answer.SECOND, first_marker.pk) in answered:
        raise ValidationError(
            {"first_marker": f"{first_marker} has answered this case as its second marker"}
        )
    if second_marker is not None and (Answer.FIRST, second_marker.pk) in answered:
        raise ValidationError(
            {"second_marker": f"{second_marker} has answered this case as its first marker"}
        )
    current.first_marker = first_marker
    current.second_marker = second_marker
    current.version += 1
    _stamp(current, actor)
    current.save()
    return current


def answer_values_check(audit_case: AuditCase, marker: int, values: dict[int, str]) -> None:
    """Refuse answers the criteria do not allow, in the page's words."""
    criteria = {c.pk: c for c in audit_case.audit.criteria_set.criteria.all()}
    errors: dict[str, str] = {}
    for pk, value in values.items():
        criterion = criteria.get(pk)
        if criterion is None:
            raise ValidationError("An answer was for a criterion this audit does not ask")
        if value and value not in dict(criterion.choices):
            errors[f"c{pk}"] = f"Select an answer for {criterion.code}"
    if errors:
        raise ValidationError(errors)
    del marker


def marking_open(audit_case: AuditCase, marker: int, actor: Any) -> None:
    """Refuse marking that is not this person's to do now."""
    audit = audit_case.audit
    if audit.status not in (Audit.Status.MARKING, Audit.Status.MODERATION):
        raise ValidationError("This audit is not being marked")
    assigned = audit_case.first_marker_id if marker == Answer.FIRST else audit_case.second_marker_id
    if marker == Answer.SECOND and not audit_case.double_marked:
        raise ValidationError("This case is not marked twice")
    if assigned is None or assigned != getattr(actor, "pk", None):
        raise ValidationError("This case is assigned to another marker")
    done = audit_case.first_done_on if marker == Answer.FIRST else audit_case.second_done_on
    if done is not None:
        raise ValidationError("This marking is finished and can no longer change")
