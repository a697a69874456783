"""Editing a draft criteria set: its details, sections and criteria, and replacing them all from
a spreadsheet. Every change checks the set's row_version (a change made meanwhile is refused,
never overwritten), refuses a set that is not a draft (`ensure_draft`), and moves the version
on. A draft was never used by an audit, so removing a criterion from it removes the row, kept in
history and as a domain event."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError

from followthrough.core.concurrency import StaleEdit
from followthrough.core.events import record_event
from followthrough.inspections.models import Recommendation, Report

from ..casefacts import FACTS
from ..models import CriteriaSet, Criterion, Section
from .sets import _stamp, ensure_draft

LAST = 10**6  # a new or moved criterion goes to the end of its section, then all are renumbered
# What a criterion form (or a row of the spreadsheet) gives, besides section, parent and links.
CRITERION_FIELDS = (
    "code",
    "lead_in",
    "statement",
    "guidance",
    "phase",
    "where_appropriate",
    "parent_answer",
    "answer_type",
    "categories",
    "inspectorate",
    "is_key",
    "case_fact",
    "national_percent",
    "national_values",
    "national_n",
)


def _locked(criteria_set: CriteriaSet, row_version: int | None, actor: Any) -> CriteriaSet:
    """The set as saved, locked, checked to be a draft opened on this version, and moved on to
    the next version (every change to a draft changes the set)."""
    current = CriteriaSet.objects.select_for_update().get(pk=criteria_set.pk)
    if current.row_version != row_version:
        raise StaleEdit(current)
    ensure_draft(current)
    current.row_version += 1
    _stamp(current, actor)
    current.save()
    return current


def criteria_set_update(
    *,
    criteria_set: CriteriaSet,
    row_version: int | None,
    actor: Any,
    name: str,
    description: str = "",
    report: Report | None = None,
) -> CriteriaSet:
    """A draft's name, description and the inspection whose recommendations it evidences."""
    if not name.strip():
        raise ValidationError({"name": "Enter a name for the criteria set"})
    current = _locked(criteria_set, row_version, actor)
    if report != current.report and current.criteria.filter(recommendations__isnull=False).exists():
        raise ValidationError(
            {"report": "Remove the criteria's links to recommendations before changing the report"}
        )
    current.name, current.description, current.report = name.strip(), description.strip(), report
    current.full_clean()
    current.save()
    return current


def section_add(
    *, criteria_set: CriteriaSet, row_version: int | None, actor: Any, title: str, rated: bool
) -> Section:
    current = _locked(criteria_set, row_version, actor)
    if not title.strip():
        raise ValidationError({"title": "Enter the section's title"})
    last = current.sections.order_by("-order").values_list("order", flat=True).first() or 0
    section = Section(criteria_set=current, order=last + 1, title=title.strip(), rated=rated)
    section.full_clean()
    _stamp(section, actor)
    section.save()
    return section


def section_update(
    *, section: Section, row_version: int | None, actor: Any, title: str, rated: bool
) -> Section:
    _locked(section.criteria_set, row_version, actor)
    if not title.strip():
        raise ValidationError({"title": "Enter the section's title"})
    section.title, section.rated = title.strip(), rated
    section.full_clean()
    _stamp(section, actor)
    section.save()
    return section


def section_remove(*, section: Section, row_version: int | None, actor: Any) -> None:
    """Remove an empty section from a draft."""
    current = _locked(section.criteria_set, row_version, actor)
    if section.criteria.exists():
        raise ValidationError("Remove or move the section's criteria before removing it")
    record_event(current, "audits.section_removed", actor=actor, data={"title": section.title})
    _stamp(section, actor)
    section.delete()


def categories_problem(answer_type: str, categories: list[list[str]]) -> str:
    if answer_type != Criterion.AnswerType.CATEGORIES:
        return ""
    codes = [code for code, _ in categories]
    if len(categories) < 2:
        return "Enter at least two categories, one on each line"
    if len(set(codes)) != len(codes):
        return "Give each category a different code"
    return ""


def _problems(
    criteria_set: CriteriaSet,
    criterion: Criterion,
    key: tuple[int, int],
    recommendations: list[Recommendation],
) -> dict[str, str]:
    """What is wrong with a criterion about to be saved at `key` (section order, order)."""
    problems: dict[str, str] = {}
    if criterion.section.criteria_set_id != criteria_set.pk:
        problems["section"] = "Select a section of this set"
    taken = criteria_set.criteria.filter(code=criterion.code)
    if criterion.pk:
        taken = taken.exclude(pk=criterion.pk)
    if not criterion.code.strip():
        problems["code"] = "Enter the criterion's code, like 1.12"
    elif taken.exists():
        problems["code"] = f"Another criterion of this set has the code {criterion.code}"
    if not criterion.statement.strip():
        problems["statement"] = "Enter the statement the auditor answers"
    problem = categories_problem(criterion.answer_type, criterion.categories)
    if problem:
        problems["categories"] = problem
    parent = criterion.parent
    if parent is not None:
        if parent.criteria_set_id != criteria_set.pk or parent.pk == criterion.pk:
            problems["parent"] = "Select a criterion of this set that comes before this one"
        elif (parent.section.order, parent.order) >= key:
            problems["parent"] = f"{parent.code} must come before the criteria that depend on it"
        elif criterion.parent_answer not in dict(parent.choices):
            answers = ", ".join(label for _, label in parent.choices)
            problems["parent_answer"] = f"Select one of the answers to {parent.code}: {answers}"
    elif criterion.parent_answer:
        problems["parent"] = "Select the criterion whose answer decides whether this is asked"
    if criterion.is_key:
        if criterion.answer_type != Criterion.AnswerType.YES_NO:
            problems["is_key"] = "A key criterion is answered yes or no, so it can be rated"
        else:
            other = Criterion.objects.filter(section_id=criterion.section_id, is_key=True)
            other_code = other.exclude(pk=criterion.pk).values_list("code", flat=True).first()
            if other_code:
                problems["is_key"] = f"{other_code} is already the key criterion of its section"
    if criterion.case_fact and criterion.case_fact not in FACTS:
        problems["case_fact"] = "Select a fact the case record holds, or none"
    if criterion.answer_type == Criterion.AnswerType.CATEGORIES:
        unknown = set(criterion.national_values) - {code for code, _ in criterion.categories}
        if unknown:
            problems["national_values"] = (
                "Give national figures only for the categories listed: "
                + ", ".join(sorted(unknown))
            )
    if any(r.report_id != criteria_set.report_id for r in recommendations):
        problems["recommendations"] = "Select recommendations of the set's inspection report"
    if criterion.pk:
        for child in criterion.children.select_related("section"):
            if (child.section.order, child.order) <= key:
                problems["section"] = f"{child.code} depends on it, so it must come before it"
            elif child.parent_answer not in dict(criterion.choices):
                problems["categories"] = (
                    f"{child.code} is asked after the answer {child.parent_answer!r}: keep that "
                    f"answer, or change {child.code} first"
                )
    return problems


def _renumber(criteria_set: CriteriaSet, actor: Any) -> None:
    """Number the set's criteria 1, 2, … in the order of their sections, then their own."""
    ordered = criteria_set.criteria.select_related("section").order_by(
        "section__order", "order", "pk"
    )
    for number, criterion in enumerate(ordered, start=1):
        if criterion.order != number:
            criterion.order = number
            _stamp(criterion, actor)
            criterion.save(update_fields=["order"])


def _save_criterion(
    current: CriteriaSet,
    criterion: Criterion,
    values: dict[str, Any],
    recommendations: list[Recommendation],
    actor: Any,
    *,
    moved: bool,
) -> Criterion:
    for name in CRITERION_FIELDS:
        if name in values:
            setattr(criterion, name, values[name])
    if criterion.answer_type != Criterion.AnswerType.CATEGORIES:
        criterion.categories, criterion.national_values = [], {}
    else:
        criterion.national_percent = None
    if criterion.parent is None:
        criterion.parent_answer = ""
    key = (criterion.section.order, LAST if moved else criterion.order)
    problems = _problems(current, criterion, key, recommendations)
    if problems:
        raise ValidationError(problems)
    if moved:
        criterion.order = LAST
    criterion.full_clean(exclude=["order"])
    _stamp(criterion, actor)
    criterion.save()
    if set(criterion.recommendations.values_list("pk", flat=True)) != {
        r.pk for r in recommendations
    }:
        criterion.recommendations.set(recommendations)
    if moved:
        _renumber(current, actor)
        criterion.refresh_from_db(fields=["order"])
    return criterion


def criterion_add(
    *,
    section: Section,
    row_version: int | None,
    actor: Any,
    parent: Criterion | None = None,
    recommendations: list[Recommendation] | None = None,
    **values: Any,
) -> Criterion:
    """A new criterion at the end of its section."""
    current = _locked(section.criteria_set, row_version, actor)
    criterion = Criterion(criteria_set=current, section=section, parent=parent)
    made = _save_criterion(current, criterion, values, recommendations or [], actor, moved=True)
    record_event(current, "audits.criterion_added", actor=actor, data={"code": made.code})
    return made


def criterion_update(
    *,
    criterion: Criterion,
    row_version: int | None,
    actor: Any,
    section: Section,
    parent: Criterion | None = None,
    recommendations: list[Recommendation] | None = None,
    **values: Any,
) -> Criterion:
    """A criterion of a draft changed; moved to the end of another section when it changes
    section."""
    current = _locked(criterion.criteria_set, row_version, actor)
    moved = section.pk != criterion.section_id
    criterion.section, criterion.parent = section, parent
    return _save_criterion(current, criterion, values, recommendations or [], actor, moved=moved)


def criterion_remove(*, criterion: Criterion, row_version: int | None, actor: Any) -> None:
    """Take a criterion out of a draft (never out of a published version, which audits read).
    The row goes, its history stays, and the event keeps its code and words."""
    current = _locked(criterion.criteria_set, row_version, actor)
    children = list(criterion.children.values_list("code", flat=True))
    if children:
        raise ValidationError(
            f"{', '.join(children)} {'is' if len(children) == 1 else 'are'} asked only after an "
            f"answer to {criterion.code}: remove them or change their condition first"
        )
    record_event(
        current,
        "audits.criterion_removed",
        actor=actor,
        data={"code": criterion.code, "text": criterion.text},
    )
    criterion.recommendations.clear()
    _stamp(criterion, actor)
    criterion.delete()
    _renumber(current, actor)


@dataclass
class CriterionRow:
    """One criterion of a spreadsheet, checked, with its section and what it refers to by
    code (parent) and label (recommendations)."""

    section: str
    section_rated: bool
    values: dict[str, Any]
    parent_code: str = ""
    recommendations: list[Recommendation] = field(default_factory=list)


def criteria_set_replace(
    *, criteria_set: CriteriaSet, row_version: int | None, actor: Any, rows: list[CriterionRow]
) -> CriteriaSet:
    """Replace a draft's sections and criteria with checked rows (the spreadsheet import). A
    criterion whose code and words are unchanged keeps the finding it was read from."""
    current = _locked(criteria_set, row_version, actor)
    if not rows:
        raise ValidationError("The file has no criteria: a draft needs at least one")
    findings = {
        (c.code, c.lead_in, c.statement): c.finding_id
        for c in current.criteria.exclude(finding=None)
    }
    old = list(current.criteria.all())
    for criterion in old:
        if criterion.parent_id:
            criterion.parent = None
            _stamp(criterion, actor)
            criterion.save(update_fields=["parent"])
    for criterion in old:
        criterion.recommendations.clear()
        _stamp(criterion, actor)
        criterion.delete()
    for old_section in current.sections.all():
        _stamp(old_section, actor)
        old_section.delete()
    sections: dict[str, Section] = {}
    by_code: dict[str, Criterion] = {}
    for order, row in enumerate(rows, start=1):
        section: Section | None = sections.get(row.section)
        if section is None:
            section = Section(
                criteria_set=current,
                order=len(sections) + 1,
                title=row.section,
                rated=row.section_rated,
            )
            _stamp(section, actor)
            section.save()
            sections[row.section] = section
        criterion = Criterion(
            criteria_set=current,
            section=section,
            order=order,
            parent=by_code.get(row.parent_code),
            **{name: row.values[name] for name in CRITERION_FIELDS if name in row.values},
        )
        criterion.finding_id = findings.get(
            (criterion.code, criterion.lead_in, criterion.statement)
        )
        criterion.full_clean(validate_unique=False, validate_constraints=False)
        _stamp(criterion, actor)
        criterion.save()
        if row.recommendations:
            criterion.recommendations.set(row.recommendations)
        by_code[criterion.code] = criterion
    record_event(
        current,
        "audits.set_imported",
        actor=actor,
        data={"sections": len(sections), "criteria": len(rows), "replaced": len(old)},
    )
    return current
