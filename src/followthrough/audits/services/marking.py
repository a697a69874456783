"""Marking a case and settling disagreements. A marker answers every criterion asked of the case
(a conditional one only after its parent's answer calls for it); where casework offered an answer
and the marker gave another, the reason is kept. The second marker never sees the first's
answers; a moderator who marked neither settles each difference with a reason."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone

from followthrough.core.concurrency import StaleEdit
from followthrough.core.events import record_event

from ..models import Answer, Audit, AuditCase, Criterion, Moderation
from .audits import answer_values_check, marking_open
from .rules_table import rating_rules_current
from .sets import _stamp


@dataclass(frozen=True)
class Given:
    """One answer as the marking form sends it."""

    value: str
    note: str = ""
    offered_value: str = ""
    offered_from: str = ""
    override_reason: str = ""


def asked(criteria: list[Criterion], values: dict[int, str]) -> set[int]:
    """The criteria asked of a case, given its answers: a conditional criterion only when its
    parent was asked and answered as the condition says."""
    by_pk = {c.pk: c for c in criteria}
    result: set[int] = set()
    for criterion in sorted(criteria, key=lambda c: c.order):
        parent = by_pk.get(criterion.parent_id) if criterion.parent_id else None
        if parent is None or (
            parent.pk in result and values.get(parent.pk) == criterion.parent_answer
        ):
            result.add(criterion.pk)
    return result


def _version_field(marker: int) -> str:
    return "first_version" if marker == Answer.FIRST else "second_version"


def answers_record(
    *, audit_case: AuditCase, marker: int, given: dict[int, Given], version: int, actor: Any
) -> AuditCase:
    """Save a marker's answers to a case (a partial save is fine until marking is finished).
    `version` is the marker's version the page was opened on."""
    current = AuditCase.objects.select_for_update().select_related("audit").get(pk=audit_case.pk)
    marking_open(current, marker, actor)
    if getattr(current, _version_field(marker)) != version:
        raise StaleEdit(current)
    values = {pk: g.value for pk, g in given.items()}
    answer_values_check(current, marker, values)
    criteria = list(current.audit.criteria_set.criteria.all())
    by_pk = {c.pk: c for c in criteria}
    existing = {a.criterion_id: a for a in current.answers.filter(marker=marker)}
    merged = {pk: a.value for pk, a in existing.items()} | values
    shown = asked(criteria, merged)
    errors: dict[str, str] = {}
    for pk, g in given.items():
        value = g.value if pk in shown else ""
        if value and g.offered_value and value != g.offered_value and not g.override_reason.strip():
            errors[f"c{pk}-reason"] = (
                f"Say why your answer to {by_pk[pk].code} differs from the case record"
            )
        answer = existing.get(pk) or Answer(audit_case=current, criterion_id=pk, marker=marker)
        fields = {
            "value": value,
            "note": g.note.strip(),
            "offered_value": g.offered_value,
            "offered_from": g.offered_from[:200],
            "override_reason": g.override_reason.strip() if value != g.offered_value else "",
        }
        if answer.pk and all(getattr(answer, k) == v for k, v in fields.items()):
            continue
        for name, field_value in fields.items():
            setattr(answer, name, field_value)
        answer.answered_by = actor
        if answer.pk:
            answer.version += 1
        _stamp(answer, actor)
        answer.save()
    if errors:
        raise ValidationError(errors)
    setattr(current, _version_field(marker), version + 1)
    _stamp(current, actor)
    current.save()
    return current


def marking_finish(*, audit_case: AuditCase, marker: int, actor: Any) -> AuditCase:
    """Finish a marker's reading of a case: every criterion asked must have an answer."""
    current = AuditCase.objects.select_for_update().select_related("audit").get(pk=audit_case.pk)
    marking_open(current, marker, actor)
    criteria = list(current.audit.criteria_set.criteria.all())
    values = dict(current.answers.filter(marker=marker).values_list("criterion_id", "value"))
    missing = [c for c in criteria if c.pk in asked(criteria, values) and not values.get(c.pk)]
    if missing:
        codes = ", ".join(c.code for c in missing[:8]) + (" …" if len(missing) > 8 else "")
        raise ValidationError(
            f"Answer every criterion before finishing: {len(missing)} still to answer ({codes})"
        )
    today = timezone.localdate()
    if marker == Answer.FIRST:
        current.first_done_on = today
    else:
        current.second_done_on = today
    setattr(current, _version_field(marker), getattr(current, _version_field(marker)) + 1)
    _stamp(current, actor)
    current.save()
    record_event(current, "audits.marked", actor=actor, data={"marker": marker})
    _advance(current.audit, actor)
    return current


def _advance(audit: Audit, actor: Any) -> None:
    """Marking becomes moderation once every case is marked and a double-marked case differs."""
    audit = Audit.objects.select_for_update().get(pk=audit.pk)
    if audit.status != Audit.Status.MARKING:
        return
    cases = audit.cases.all()
    if (
        cases.filter(first_done_on__isnull=True).exists()
        or cases.filter(double_marked=True, second_done_on__isnull=True).exists()
    ):
        return
    if disagreements(audit):
        audit.status = Audit.Status.MODERATION
        audit.version += 1
        _stamp(audit, actor)
        audit.save()


UNSETTLED = "\x00unsettled"  # a parent the markers differ on, not settled yet


def case_differences(
    criteria: list[Criterion],
    first: dict[int, str],
    second: dict[int, str],
    settled: dict[int, str],
) -> list[int]:
    """The criteria two finished markings of one case differ on, given what is settled so far:
    a conditional criterion counts only once its parent stands (agreed or settled) with the
    answer that asks it; until then it waits, and when the settled parent does not ask it, the
    markers' answers to it do not matter."""
    standing: dict[int, str | None] = {}
    out = []
    for criterion in sorted(criteria, key=lambda c: c.order):
        if criterion.parent_id is not None:
            parent = standing.get(criterion.parent_id)
            if parent == UNSETTLED:
                standing[criterion.pk] = UNSETTLED
                continue
            if parent != criterion.parent_answer:
                standing[criterion.pk] = None  # not asked
                continue
        a, b = first.get(criterion.pk, ""), second.get(criterion.pk, "")
        if a != b:
            out.append(criterion.pk)
        standing[criterion.pk] = settled.get(criterion.pk, a if a == b else UNSETTLED)
    return out


def disagreements(audit: Audit) -> list[tuple[int, int]]:
    """(audit case, criterion) where two finished markings differ, settled or not."""
    rows = Answer.objects.filter(
        audit_case__audit=audit,
        audit_case__double_marked=True,
        audit_case__first_done_on__isnull=False,
        audit_case__second_done_on__isnull=False,
    ).values_list("audit_case_id", "criterion_id", "marker", "value")
    marks: dict[int, tuple[dict[int, str], dict[int, str]]] = {}
    for case_id, criterion_id, marker, value in rows:
        marks.setdefault(case_id, ({}, {}))[0 if marker == Answer.FIRST else 1][criterion_id] = (
            value
        )
    if not marks:
        return []
    settled: dict[int, dict[int, str]] = {}
    for case_id, criterion_id, value in Moderation.objects.filter(
        audit_case__audit=audit
    ).values_list("audit_case_id", "criterion_id", "value"):
        settled.setdefault(case_id, {})[criterion_id] = value
    criteria = list(audit.criteria_set.criteria.all())
    return sorted(
        (case_id, criterion_id)
        for case_id, (first, second) in marks.items()
        for criterion_id in case_differences(criteria, first, second, settled.get(case_id, {}))
    )


def counted(criteria: list[Criterion], answers: dict[int, str]) -> dict[int, str]:
    """A case's answers as the findings count them: those its criteria asked, given the answers
    that stand (a conditional criterion's answer is dropped when its parent's does not ask it)."""
    shown = asked(criteria, answers)
    return {pk: value for pk, value in answers.items() if pk in shown}


def moderation_record(
    *,
    audit_case: AuditCase,
    criterion: Criterion,
    value: str,
    reason: str,
    actor: Any,
    version: int | None = None,
) -> Moderation:
    """Settle one difference between the markers, with a reason. The moderator marked neither
    side of this case. `version` is the settled answer's version when changing it (None: new)."""
    current = AuditCase.objects.select_for_update().select_related("audit").get(pk=audit_case.pk)
    if current.audit.status not in (Audit.Status.MARKING, Audit.Status.MODERATION):
        raise ValidationError("Differences are settled only while the audit is open")
    if criterion.criteria_set_id != current.audit.criteria_set_id:
        raise ValidationError("That criterion is not in this audit")
    marked = {current.first_marker_id, current.second_marker_id} | set(
        current.answers.values_list("answered_by_id", flat=True)
    )
    if getattr(actor, "pk", None) in marked:
        raise ValidationError("A case is moderated by someone who marked neither side of it")
    if (current.pk, criterion.pk) not in set(disagreements(current.audit)):
        raise ValidationError("The two markers agree on this criterion: there is nothing to settle")
    errors = {}
    if value not in dict(criterion.choices):
        errors["value"] = "Select the answer that stands"
    if not reason.strip():
        errors["reason"] = "Say why this answer stands"
    if errors:
        raise ValidationError(errors)
    existing = Moderation.objects.filter(audit_case=current, criterion=criterion).first()
    if existing is not None and existing.version != version:
        raise StaleEdit(existing)
    if existing is None and version is not None:
        raise ValidationError("This difference could not be found as it was: open the page again")
    moderation = existing or Moderation(audit_case=current, criterion=criterion)
    if existing is not None:
        moderation.version += 1
    moderation.value = value
    moderation.reason = reason.strip()
    moderation.moderated_by = actor
    _stamp(moderation, actor)
    moderation.save()
    return moderation


def audit_finish(*, audit: Audit, version: int, actor: Any) -> Audit:
    """Close an audit: every case marked, every double-marked case marked twice, every difference
    settled. The rating rules in force are kept with it."""
    current = Audit.objects.select_for_update().get(pk=audit.pk)
    if current.version != version:
        raise StaleEdit(current)
    if current.status not in (Audit.Status.MARKING, Audit.Status.MODERATION):
        raise ValidationError("Only an audit being marked or moderated can be finished")
    cases = current.cases.all()
    unmarked = cases.filter(first_done_on__isnull=True).count()
    second = cases.filter(double_marked=True, second_done_on__isnull=True).count()
    settled = set(
        Moderation.objects.filter(audit_case__audit=current).values_list(
            "audit_case_id", "criterion_id"
        )
    )
    unsettled = [d for d in disagreements(current) if d not in settled]
    problems = []
    if unmarked:
        problems.append(f"{unmarked} cases still to mark")
    if second:
        problems.append(f"{second} cases still to mark a second time")
    if unsettled:
        problems.append(f"{len(unsettled)} differences still to settle")
    if problems:
        raise ValidationError("The audit cannot be finished yet: " + "; ".join(problems))
    current.status = Audit.Status.FINISHED
    current.finished_on = timezone.localdate()
    rules = rating_rules_current()
    if rules.pk is None:
        rules.save()
    current.rating_rules = rules
    current.version += 1
    _stamp(current, actor)
    current.save()
    record_event(current, "audits.finished", actor=actor)
    return current


def audit_share(*, audit: Audit, shared: bool, actor: Any) -> Audit:
    """The service lets the inspectorate read the audit's findings (never its cases), or stops.
    Only a finished audit's: figures still being marked are the service's working."""
    current = Audit.objects.select_for_update().get(pk=audit.pk)
    if shared and current.status != Audit.Status.FINISHED:
        raise ValidationError("Finish the audit before sharing its findings with the inspectorate")
    if current.shared_with_inspectorate == shared:
        return current
    current.shared_with_inspectorate = shared
    current.version += 1
    _stamp(current, actor)
    current.save()
    record_event(current, "audits.shared" if shared else "audits.unshared", actor=actor)
    return current


def audit_notes_anonymise(case: Any) -> None:
    """When a case is anonymised, its audits keep their answers (the findings count them) and
    lose the words: markers' notes, their reasons, what the case record said and the
    moderators' reasons, in the records and in their history."""
    answers = Answer.objects.filter(audit_case__case=case)
    blank = {"note": "", "override_reason": "", "offered_from": ""}
    Answer.history.filter(id__in=answers.values("pk")).update(**blank)
    answers.update(**blank)
    settled = Moderation.objects.filter(audit_case__case=case)
    Moderation.history.filter(id__in=settled.values("pk")).update(reason="")
    settled.update(reason="")
