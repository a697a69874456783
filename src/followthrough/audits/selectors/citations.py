""" "How do we know", read live: the audit findings and casework measures a self-assessment item
cites, each with its value as of now, and the criteria (with the user's own service's latest local
finding and its key question's rating) that evidence a recommendation. A fixed number of
queries, however many citations, cases or criteria."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.urls import NoReverseMatch, reverse

from followthrough.cases.board import Measure, board_pack, percent
from followthrough.cases.board.measures import SECTIONS
from followthrough.cases.suppression import THRESHOLD
from followthrough.core.access import allowed
from followthrough.inspections.models import Recommendation
from followthrough.organisations.access import standing_of
from followthrough.selfassessment.models import AssessedRecommendation

from ..models import Audit, AuditCase, CriteriaSet, Criterion, EvidenceCitation
from ..ratings import CriterionFigure, KeyQuestionRating, rate_key_question
from ..services.rules_table import rating_rules_current
from ..statistics import YesNo, tally_yes_no
from .findings import counted_answers


def link(name: str, *args: Any, fragment: str = "") -> str:
    """A page's address, or "" while that page does not exist (it is built elsewhere)."""
    try:
        url = reverse(name, args=args)
    except NoReverseMatch:
        return ""
    return f"{url}#{fragment}" if fragment else url


def tallies(pairs: Iterable[tuple[int, int]]) -> dict[tuple[int, int], YesNo]:
    """The yes / no tally of each (audit, criterion) from the answers that count, exactly as the
    findings page counts (`counted_answers`): a fixed number of queries for any number."""
    wanted = set(pairs)
    if not wanted:
        return {}
    audit_ids = {a for a, _ in wanted}
    answers = counted_answers(audit_ids)
    all_cases: dict[int, list[int]] = defaultdict(list)
    for pk, audit_id in AuditCase.objects.filter(audit_id__in=audit_ids).values_list(
        "pk", "audit_id"
    ):
        all_cases[audit_id].append(pk)
    return {
        (audit, criterion): tally_yes_no(
            answers[audit].get((case, criterion)) or None for case in all_cases[audit]
        )
        for audit, criterion in wanted
    }


@dataclass(frozen=True)
class Figure:
    """A local finding as cited: % yes of n, suppressed below 5 cases to a reader outside the
    service, beside the national figure."""

    tally: YesNo
    suppressed: bool
    national_percent: int | None
    national_n: int | None

    @property
    def percent(self) -> int | None:
        return None if self.suppressed else self.tally.percent

    @property
    def n(self) -> int:
        return self.tally.n


def _figure(tally: YesNo, criterion: Criterion, outsider: bool) -> Figure:
    suppressed = outsider and 0 < tally.n < THRESHOLD
    return Figure(tally, suppressed, criterion.national_percent, criterion.national_n)


@dataclass(frozen=True)
class CitationView:
    citation: EvidenceCitation
    figure: Figure | None = None  # a cited finding
    measure: Measure | None = None  # a cited measure, suppressed as the board pack is
    findings_url: str = ""
    # The cited audit is one the reader may not see (the service shared the self-assessment but
    # not the audit): its figure is not shown to them at all.
    withheld: bool = False

    @property
    def measure_value(self) -> str:
        """The measure's headline as the board pack prints it: "12 of 18 (67%)"."""
        if self.measure is None:
            return ""
        part, base = self.measure.cells[0], self.measure.headline.total
        if base == 0:
            return "No cases counted yet"
        share = percent(part, base)
        return f"{part} of {base}" + (f" ({share})" if share else "")


MEASURE_TITLES = {rule.code: rule.title for _, _, rules in SECTIONS for rule in rules}


def measure_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """The board pack's measures by its sections, for a grouped select."""
    return [(title, [(r.code, r.title) for r in rules]) for title, _, rules in SECTIONS]


def citable_findings(item: AssessedRecommendation) -> list[tuple[Audit, list[Criterion]]]:
    """The service's drawn audits, newest first, each with the yes / no criteria of its set."""
    audits = list(
        Audit.objects.filter(organisation_id=item.assessment.organisation_id)
        .exclude(status=Audit.Status.SETTING_UP)
        .select_related("criteria_set")
        .order_by("-period_end", "-pk")
    )
    criteria: dict[int, list[Criterion]] = defaultdict(list)
    for criterion in Criterion.objects.filter(
        criteria_set_id__in={a.criteria_set_id for a in audits},
        answer_type=Criterion.AnswerType.YES_NO,
    ).order_by("order"):
        criteria[criterion.criteria_set_id].append(criterion)
    return [(a, criteria[a.criteria_set_id]) for a in audits]


@dataclass(frozen=True)
class ItemEvidence:
    citations: list[CitationView]
    withdrawn: int
    as_of: date


def item_evidence(item: AssessedRecommendation, *, user: Any, today: date) -> ItemEvidence:
    """The item's citations as of now, each with its live value. The measures come from the
    service's board pack, worked out once whatever the number of citations."""
    rows = list(
        EvidenceCitation.objects.filter(item=item)
        .select_related("audit__organisation", "criterion", "cited_by")
        .order_by("id")
    )
    current = [c for c in rows if c.withdrawn_on is None]
    service = item.assessment.organisation
    outsider = service.pk not in standing_of(user).organisation_ids
    counted = tallies(
        (c.audit_id, c.criterion_id)
        for c in current
        if c.kind == EvidenceCitation.Kind.FINDING and c.audit_id and c.criterion_id
    )
    pack = None
    if any(c.kind == EvidenceCitation.Kind.MEASURE for c in current):
        pack = board_pack(service, today=today)
    measures = {
        m.rule.code: m for section in (pack.sections if pack else []) for m in section.measures
    }
    views = []
    for c in current:
        if c.kind == EvidenceCitation.Kind.FINDING and c.audit is not None and c.criterion:
            tally = counted[(c.audit.pk, c.criterion.pk)]
            readable = allowed(user, "audits.view_audit", c.audit)
            url = link("audits:audit-findings", c.audit_id, fragment=f"c{c.criterion.code}")
            views.append(
                CitationView(
                    c,
                    figure=_figure(tally, c.criterion, outsider),
                    findings_url=url if readable else "",
                    withheld=not readable,
                )
            )
        else:
            views.append(CitationView(c, measure=measures.get(c.measure)))
    return ItemEvidence(views, len(rows) - len(current), today)


@dataclass
class LocalFinding:
    audit: Audit
    criterion: Criterion  # the criterion as the audit's set words it
    figure: Figure
    rating: KeyQuestionRating | None
    findings_url: str


@dataclass
class CriterionEvidence:
    criterion: Criterion
    criteria_url: str
    local: list[LocalFinding] = field(default_factory=list)


def recommendation_evidence(
    recommendation: Recommendation, *, user: Any
) -> list[CriterionEvidence]:
    """The criteria that evidence a recommendation (in published or retired sets) and, for each
    service the user belongs to, its latest finished audit on that set's family: the local
    finding and the rating of the key question the criterion sits in. Fixed queries."""
    linked = list(
        Criterion.objects.filter(
            recommendations=recommendation,
            criteria_set__status__in=[CriteriaSet.Status.PUBLISHED, CriteriaSet.Status.RETIRED],
        )
        .select_related("criteria_set")
        .order_by("criteria_set__name", "-criteria_set__version", "order")
    )
    evidence = [
        CriterionEvidence(
            c, link("audits:criteria-detail", c.criteria_set_id, fragment=f"c{c.code}")
        )
        for c in linked
    ]
    standing = standing_of(user)
    services = standing.service_ids & standing.organisation_ids
    if not linked or not services:
        return evidence
    latest: dict[tuple[int, str], Audit] = {}
    for audit in (
        Audit.objects.filter(
            organisation_id__in=services,
            status=Audit.Status.FINISHED,
            criteria_set__family__in={c.criteria_set.family for c in linked},
        )
        .select_related("criteria_set", "organisation", "rating_rules")
        .order_by("-finished_on", "-pk")
    ):
        latest.setdefault((audit.organisation_id, audit.criteria_set.family), audit)
    audits = list(latest.values())
    in_sets: dict[int, list[Criterion]] = defaultdict(list)
    for criterion in Criterion.objects.filter(
        criteria_set_id__in={a.criteria_set_id for a in audits}
    ).select_related("section"):
        in_sets[criterion.criteria_set_id].append(criterion)
    counted = tallies(
        (a.pk, c.pk)
        for a in audits
        for c in in_sets[a.criteria_set_id]
        if c.answer_type == Criterion.AnswerType.YES_NO
    )
    bands = None
    for row in evidence:
        family, code = row.criterion.criteria_set.family, row.criterion.code
        for audit in (a for a in audits if a.criteria_set.family == family):
            criteria = in_sets[audit.criteria_set_id]
            mine = next((c for c in criteria if c.code == code), None)
            if mine is None or (audit.pk, mine.pk) not in counted:
                continue
            if audit.rating_rules is None and bands is None:
                bands = rating_rules_current().bands
            rating = None
            if mine.section.rated:
                figures = [
                    CriterionFigure(c.code, c.text, t.yes, t.n, c.is_key)
                    for c in criteria
                    if c.section_id == mine.section_id and (t := counted.get((audit.pk, c.pk)))
                ]
                rules = audit.rating_rules.bands if audit.rating_rules else bands
                rating = rate_key_question(mine.section.title, figures, rules or [])
            row.local.append(
                LocalFinding(
                    audit,
                    mine,
                    _figure(counted[(audit.pk, mine.pk)], mine, outsider=False),
                    rating,
                    link("audits:audit-findings", audit.pk, fragment=f"c{code}"),
                )
            )
    return evidence
