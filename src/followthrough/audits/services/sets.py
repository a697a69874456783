"""Criteria sets: built from an inspection's findings tables, created and versioned by the
inspectorate's or a service's administrators. A published version never changes; the next
version is a copy to edit."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify

from followthrough.core.concurrency import StaleEdit
from followthrough.core.events import record_event
from followthrough.inspections.models import Report
from followthrough.organisations.models import Organisation

from .. import national
from ..casefacts import suggest
from ..models import CriteriaSet, Criterion, Section

# Which inspectorate owns a criterion's subject where a joint inspection split the work.
JOINT_OWNERS = {"health": "Care Quality Commission", "education": "Ofsted"}
LEAD_INSPECTORATE = "HM Inspectorate of Probation"


def _stamp(record: Any, actor: Any) -> None:
    record._history_user = actor if getattr(actor, "is_authenticated", False) else None


def _family(name: str) -> str:
    base = slugify(name)[:50] or "criteria"
    taken = set(
        CriteriaSet.objects.filter(family__startswith=base).values_list("family", flat=True)
    )
    family, n = base, 2
    while family in taken:
        family, n = f"{base}-{n}", n + 1
    return family


def _national_note(report: Report, sizes: dict[str, int]) -> str:
    parts = [
        f"National figures from the findings tables of {report.title} ({report.published_display})."
    ]
    if sizes:
        said = " and ".join(f"{n} cases in {phase}" for phase, n in sorted(sizes.items()))
        parts.append(
            f"The inspection read {said}; the tables print percentages only, so each criterion's "
            "n is at most that number (fewer where a criterion applied only to some cases)."
        )
    else:
        parts.append("The report does not say how many cases it read: n is not known.")
    return " ".join(parts)


def criteria_set_from_report(*, report: Report, actor: Any = None) -> CriteriaSet:
    """The published criteria set of a report's findings tables, with the national figures; the
    existing one when it was built before (demo loads and migrations run it more than once)."""
    existing = CriteriaSet.objects.filter(report=report).order_by("version").first()
    if existing is not None:
        return existing
    findings = list(report.findings.order_by("order"))
    if not findings:
        raise ValidationError(f"{report.title} has no findings tables to build criteria from")
    rows = [
        national.FindingRow(f.pk, f.section, f.lead_in, f.statement, dict(f.values))
        for f in findings
    ]
    sizes = national.sample_sizes(report.source.text if report.source is not None else "")
    inspectorates = {o.name: o for o in report.inspectorates.all()}
    lead = (
        inspectorates.get(LEAD_INSPECTORATE)
        or Organisation.objects.filter(name=LEAD_INSPECTORATE).first()
    )
    owner = lead or next(iter(inspectorates.values()), None)
    if owner is None:
        raise ValidationError("No inspectorate is recorded to own a national criteria set")
    criteria_set = CriteriaSet(
        family=_family(f"{report.title} findings"),
        version=1,
        name=f"{report.title}: case criteria",
        description="Built from the findings tables of the report, with its national figures.",
        owner=owner,
        report=report,
        national_note=_national_note(report, sizes),
        status=CriteriaSet.Status.PUBLISHED,
        published_on=timezone.localdate(),
    )
    _stamp(criteria_set, actor)
    criteria_set.save()
    recommendations = list(report.recommendations.all())
    by_code: dict[str, Criterion] = {}
    order = 0
    for s_order, spec in enumerate(national.build(rows), start=1):
        section = Section(
            criteria_set=criteria_set, order=s_order, title=spec.title, rated=spec.rated
        )
        _stamp(section, actor)
        section.save()
        for c in spec.criteria:
            order += 1
            joint = JOINT_OWNERS.get(c.inspectorate, "")
            criterion = Criterion(
                criteria_set=criteria_set,
                section=section,
                order=order,
                code=c.code,
                lead_in=c.lead_in[:500],
                statement=c.statement[:500],
                phase=c.phase,
                where_appropriate=c.where_appropriate,
                parent=by_code.get(c.parent_code),
                parent_answer=c.parent_answer,
                answer_type=c.answer_type,
                categories=[list(pair) for pair in c.categories],
                inspectorate=inspectorates.get(joint) or (lead if inspectorates else None),
                is_key=c.is_key,
                national_percent=c.national_percent,
                national_values=c.national_values,
                national_n=sizes.get("community" if c.phase != "custody" else "custody"),
                finding_id=c.finding_ids[0] if c.finding_ids else None,
            )
            criterion.case_fact = suggest(criterion.text)
            _stamp(criterion, actor)
            criterion.save()
            by_code[c.code] = criterion
            criterion.recommendations.set(_evidenced(criterion, recommendations))
    record_event(criteria_set, "audits.set_built", actor=actor, data={"report": report.pk})
    return criteria_set


def _evidenced(criterion: Criterion, recommendations: list[Any]) -> list[Any]:
    """The report's recommendations the criterion most plausibly evidences (national.py
    ranks them by the specific themes and words they share); editable on the set's page."""
    by_pk = {r.pk: r for r in recommendations}
    rows = [
        (r.pk, f"{r.text} {' '.join(map(str, r.items))}", list(r.themes)) for r in recommendations
    ]
    return [by_pk[pk] for pk in national.rank_recommendations(criterion.text, rows)]


def criteria_set_create(
    *, owner: Organisation, name: str, actor: Any, description: str = ""
) -> CriteriaSet:
    """A new, empty draft set owned by a service or an inspectorate."""
    if not name.strip():
        raise ValidationError({"name": "Enter a name for the criteria set"})
    criteria_set = CriteriaSet(
        family=_family(name),
        name=name.strip(),
        description=description.strip(),
        owner=owner,
        created_by=actor,
    )
    criteria_set.full_clean()
    _stamp(criteria_set, actor)
    criteria_set.save()
    return criteria_set


def criteria_set_new_version(*, criteria_set: CriteriaSet, actor: Any) -> CriteriaSet:
    """The next version of a set as a draft copy of this one, sections, criteria, conditions and
    recommendation links included; the family's open draft when there already is one."""
    # Lock the family first, so two people asking at once do not both take the next number:
    # the second waits, then finds the first one's draft.
    list(
        CriteriaSet.objects.select_for_update()
        .filter(family=criteria_set.family)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    draft = CriteriaSet.objects.filter(
        family=criteria_set.family, status=CriteriaSet.Status.DRAFT
    ).first()
    if draft is not None:
        return draft
    latest = CriteriaSet.objects.filter(family=criteria_set.family).aggregate(v=Max("version"))["v"]
    copy = CriteriaSet(
        family=criteria_set.family,
        version=(latest or 0) + 1,
        name=criteria_set.name,
        description=criteria_set.description,
        owner=criteria_set.owner,
        report=criteria_set.report,
        national_note=criteria_set.national_note,
        created_by=actor,
    )
    _stamp(copy, actor)
    copy.save()
    sections = {}
    for section in criteria_set.sections.all():
        new_section = Section(
            criteria_set=copy, order=section.order, title=section.title, rated=section.rated
        )
        _stamp(new_section, actor)
        new_section.save()
        sections[section.pk] = new_section
    copies: dict[int, Criterion] = {}
    for old in criteria_set.criteria.order_by("order").prefetch_related("recommendations"):
        new = Criterion(
            criteria_set=copy,
            section=sections[old.section_id],
            parent=copies.get(old.parent_id) if old.parent_id else None,
            **{
                f: getattr(old, f)
                for f in (
                    "order",
                    "code",
                    "lead_in",
                    "statement",
                    "guidance",
                    "phase",
                    "where_appropriate",
                    "parent_answer",
                    "answer_type",
                    "categories",
                    "inspectorate_id",
                    "is_key",
                    "case_fact",
                    "national_percent",
                    "national_values",
                    "national_n",
                    "finding_id",
                )
            },
        )
        _stamp(new, actor)
        new.save()
        new.recommendations.set(old.recommendations.all())
        copies[old.pk] = new
    record_event(copy, "audits.set_versioned", actor=actor, data={"from": criteria_set.pk})
    return copy


def criteria_set_publish(*, criteria_set: CriteriaSet, row_version: int, actor: Any) -> CriteriaSet:
    """Publish a draft: from now on audits may use it and it never changes. The version before it
    is retired (audits already on it keep it)."""
    current = CriteriaSet.objects.select_for_update().get(pk=criteria_set.pk)
    if current.row_version != row_version:
        raise StaleEdit(current)
    if current.status != CriteriaSet.Status.DRAFT:
        raise ValidationError("Only a draft can be published")
    if not current.criteria.exists():
        raise ValidationError("Add at least one criterion before publishing the set")
    current.status = CriteriaSet.Status.PUBLISHED
    current.published_on = timezone.localdate()
    current.row_version += 1
    _stamp(current, actor)
    current.save()
    for older in CriteriaSet.objects.filter(
        family=current.family, status=CriteriaSet.Status.PUBLISHED, version__lt=current.version
    ):
        older.status = CriteriaSet.Status.RETIRED
        older.row_version += 1
        _stamp(older, actor)
        older.save()
    record_event(current, "audits.set_published", actor=actor)
    return current


def ensure_draft(criteria_set: CriteriaSet) -> None:
    """Refuse a change to a set that is not a draft, in the words the page shows."""
    if criteria_set.status != CriteriaSet.Status.DRAFT:
        raise ValidationError(
            "A published set does not change, so audits keep the criteria they were marked on: "
            "make a new version to change it"
        )
