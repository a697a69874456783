"""What the audit pages show: the audits a user may see, an audit's sampled cases and who marks
them, one marker's sheet for a case with what casework offers, and the differences a moderator
settles. A fixed number of queries whatever the size of the audit."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Count, Q

from followthrough.core.access import allowed
from followthrough.organisations.models import CASE_ROLES

from ..casefacts import Offered, offered
from ..models import Answer, Audit, AuditCase, CriteriaSet, Criterion, Moderation
from ..services.marking import asked, disagreements


@dataclass
class AuditRow:
    audit: Audit
    cases: int
    first_done: int
    second_needed: int
    second_done: int
    sees_cases: bool


def audit_rows(user: Any) -> list[AuditRow]:
    audits = (
        Audit.objects.visible_to(user)
        .select_related("organisation", "criteria_set")
        .annotate(
            n_cases=Count("cases", distinct=True),
            n_first=Count("cases", filter=Q(cases__first_done_on__isnull=False), distinct=True),
            n_twice=Count("cases", filter=Q(cases__double_marked=True), distinct=True),
            n_second=Count("cases", filter=Q(cases__second_done_on__isnull=False), distinct=True),
        )
        .order_by("organisation__name", "-period_end", "-pk")
    )
    return [
        AuditRow(
            a,
            a.n_cases,  # type: ignore[attr-defined]
            a.n_first,  # type: ignore[attr-defined]
            a.n_twice,  # type: ignore[attr-defined]
            a.n_second,  # type: ignore[attr-defined]
            allowed(user, "audits.work_audit", a),
        )
        for a in audits
    ]


def published_sets() -> list[CriteriaSet]:
    return list(
        CriteriaSet.objects.filter(status=CriteriaSet.Status.PUBLISHED)
        .select_related("owner")
        .order_by("name", "-version")
    )


def markers_for(audit: Audit) -> list[Any]:
    """Who may mark the audit's cases: the service's case managers and managers."""
    return list(
        get_user_model()
        .objects.filter(
            memberships__organisation_id=audit.organisation_id,
            memberships__role__in=CASE_ROLES,
            memberships__is_active=True,
        )
        .order_by("username")
        .distinct()
    )


@dataclass
class CaseRow:
    audit_case: AuditCase
    mine: list[tuple[int, str]] = field(default_factory=list)  # markings this user may open


@dataclass
class AuditOverview:
    audit: Audit
    rows: list[CaseRow]
    first_done: int
    second_needed: int
    second_done: int
    differences: int
    settled: int
    can_manage: bool
    can_share: bool

    @property
    def marked(self) -> bool:
        return (
            bool(self.rows)
            and self.first_done == len(self.rows)
            and (self.second_done == self.second_needed)
        )


def audit_overview(audit: Audit, user: Any) -> AuditOverview:
    rows = list(
        AuditCase.objects.filter(audit=audit)
        .select_related("case", "first_marker", "second_marker")
        .order_by("order")
    )
    open_ = audit.status in (Audit.Status.MARKING, Audit.Status.MODERATION)
    shown = []
    for row in rows:
        mine = []
        if open_ and row.first_marker_id == user.pk and row.first_done_on is None:
            mine.append((Answer.FIRST, "Mark"))
        if open_ and row.second_marker_id == user.pk and row.second_done_on is None:
            mine.append((Answer.SECOND, "Mark a second time"))
        shown.append(CaseRow(row, mine))
    differences = disagreements(audit)
    settled = Moderation.objects.filter(audit_case__audit=audit).count()
    return AuditOverview(
        audit=audit,
        rows=shown,
        first_done=sum(1 for r in rows if r.first_done_on),
        second_needed=sum(1 for r in rows if r.double_marked),
        second_done=sum(1 for r in rows if r.second_done_on),
        differences=len(differences),
        settled=settled,
        can_manage=allowed(user, "audits.manage_audit", audit),
        can_share=allowed(user, "audits.share_audit", audit),
    )


@dataclass
class SheetItem:
    criterion: Criterion
    answer: Answer | None
    offered: Offered | None
    asked: bool
    condition: str  # "Asked when 1.12 is answered No", or ""

    @property
    def value(self) -> str:
        return self.answer.value if self.answer else ""


@dataclass
class SheetSection:
    title: str
    items: list[SheetItem]


@dataclass
class MarkingSheet:
    audit_case: AuditCase
    marker: int
    sections: list[SheetSection]
    version: int

    @property
    def items(self) -> list[SheetItem]:
        return [i for s in self.sections for i in s.items]


def marking_sheet(audit_case: AuditCase, marker: int) -> MarkingSheet:
    """One marker's answers to one case, never the other marker's, with what the case record
    offers for each criterion that casework can answer."""
    audit = audit_case.audit
    criteria = list(
        audit.criteria_set.criteria.select_related("section", "parent").order_by("order")
    )
    answers = {a.criterion_id: a for a in audit_case.answers.filter(marker=marker)}
    case = (
        type(audit_case.case)
        .objects.filter(pk=audit_case.case_id)
        .select_related("release_day")
        .prefetch_related("meetings", "outcomes")
        .get()
    )
    shown = asked(criteria, {pk: a.value for pk, a in answers.items()})
    sections: list[SheetSection] = []
    for criterion in criteria:
        if not sections or sections[-1].title != criterion.section.title:
            sections.append(SheetSection(criterion.section.title, []))
        condition = ""
        if criterion.parent is not None:
            said = dict(criterion.parent.choices).get(
                criterion.parent_answer, criterion.parent_answer
            )
            condition = f"Asked when {criterion.parent.code} is answered {said}"
        sections[-1].items.append(
            SheetItem(
                criterion=criterion,
                answer=answers.get(criterion.pk),
                offered=offered(criterion.case_fact, case) if criterion.case_fact else None,
                asked=criterion.pk in shown,
                condition=condition,
            )
        )
    version = audit_case.first_version if marker == Answer.FIRST else audit_case.second_version
    return MarkingSheet(audit_case, marker, sections, version)


@dataclass
class Difference:
    audit_case: AuditCase
    criterion: Criterion
    first: str
    second: str
    moderation: Moderation | None

    def label(self, value: str) -> str:
        return dict(self.criterion.choices).get(value, value or "Not asked")

    @property
    def first_label(self) -> str:
        return self.label(self.first)

    @property
    def second_label(self) -> str:
        return self.label(self.second)


def differences(audit: Audit) -> list[Difference]:
    """Every difference between two finished markings, with its settled answer where there is
    one."""
    pairs = disagreements(audit)
    if not pairs:
        return []
    case_ids = {c for c, _ in pairs}
    cases = {r.pk: r for r in AuditCase.objects.filter(pk__in=case_ids).select_related("case")}
    criteria = {c.pk: c for c in audit.criteria_set.criteria.all()}
    values: dict[tuple[int, int, int], str] = {
        (c, k, m): v
        for c, k, m, v in Answer.objects.filter(audit_case_id__in=case_ids).values_list(
            "audit_case_id", "criterion_id", "marker", "value"
        )
    }
    settled = {
        (m.audit_case_id, m.criterion_id): m
        for m in Moderation.objects.filter(audit_case_id__in=case_ids).select_related(
            "moderated_by"
        )
    }
    return [
        Difference(
            cases[c],
            criteria[k],
            values.get((c, k, Answer.FIRST), ""),
            values.get((c, k, Answer.SECOND), ""),
            settled.get((c, k)),
        )
        for c, k in sorted(pairs, key=lambda p: (cases[p[0]].order, criteria[p[1]].order))
    ]
