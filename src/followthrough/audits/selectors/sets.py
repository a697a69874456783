"""Reads of criteria sets and the rating rules, in a fixed number of queries whatever their size:
the list of sets by family, one set in the inspectorate's layout, what its forms choose from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from followthrough.inspections.models import Recommendation, Report
from followthrough.organisations.access import standing_of
from followthrough.organisations.models import Organisation

from ..casefacts import FACTS
from ..models import CriteriaSet, Criterion, RatingRules, Section
from ..ratings import band_words


@dataclass
class SetRow:
    criteria_set: CriteriaSet
    criteria: int
    national: bool


@dataclass
class SetFamily:
    """Every version of one set, newest first."""

    name: str
    owner: Organisation
    versions: list[SetRow] = field(default_factory=list)


def criteria_set_families() -> list[SetFamily]:
    """Every criteria set, grouped by family, in one query."""
    national = Criterion.objects.filter(criteria_set=OuterRef("pk")).filter(
        Q(national_percent__isnull=False) | ~Q(national_values={})
    )
    sets = (
        CriteriaSet.objects.select_related("owner")
        .annotate(n=Count("criteria"), has_national=Exists(national))
        .order_by("family", "-version")
    )
    families: dict[str, SetFamily] = {}
    for row in sets:
        family = families.setdefault(row.family, SetFamily(row.name, row.owner))
        family.versions.append(SetRow(row, row.n, row.has_national))
    return sorted(families.values(), key=lambda f: f.name.casefold())


def criteria_of(criteria_set: CriteriaSet) -> QuerySet[Criterion]:
    """The set's criteria in order, with what the page and the spreadsheet show of each."""
    return (
        criteria_set.criteria.select_related("section", "parent", "inspectorate")
        .prefetch_related("recommendations")
        .order_by("section__order", "order", "pk")
    )


def condition_words(criterion: Criterion) -> str:
    """ "Asked only when 1.12 is answered No", or empty for a criterion always asked."""
    parent = criterion.parent
    if parent is None:
        return ""
    answer = dict(parent.choices).get(criterion.parent_answer, criterion.parent_answer)
    return f"Asked only when {parent.code} is answered {answer}"


@dataclass
class CriterionView:
    criterion: Criterion
    condition: str
    fact: str
    recommendations: list[Recommendation]
    national_values: list[tuple[str, int]]


@dataclass
class SectionView:
    section: Section
    criteria: list[CriterionView] = field(default_factory=list)


@dataclass
class SetDetail:
    criteria_set: CriteriaSet
    sections: list[SectionView]
    versions: list[CriteriaSet]
    criteria: int


def criterion_view(criterion: Criterion) -> CriterionView:
    return CriterionView(
        criterion,
        condition_words(criterion),
        FACTS[criterion.case_fact][0] if criterion.case_fact in FACTS else "",
        list(criterion.recommendations.all()),
        [
            (label, criterion.national_values[code])
            for code, label in criterion.categories
            if code in criterion.national_values
        ],
    )


def criteria_set_detail(criteria_set: CriteriaSet) -> SetDetail:
    """The set's sections with their criteria, and every version of its family: four queries."""
    sections = {s.pk: SectionView(s) for s in criteria_set.sections.order_by("order", "pk")}
    count = 0
    for criterion in criteria_of(criteria_set):
        sections[criterion.section_id].criteria.append(criterion_view(criterion))
        count += 1
    versions = list(CriteriaSet.objects.filter(family=criteria_set.family).order_by("-version"))
    return SetDetail(criteria_set, list(sections.values()), versions, count)


def sections_of(criteria_set: CriteriaSet) -> QuerySet[Section]:
    return criteria_set.sections.order_by("order", "pk")


def parent_choices(
    criteria_set: CriteriaSet, *, excluding: int | None = None
) -> QuerySet[Criterion]:
    """The criteria another may depend on (the service checks that it comes earlier)."""
    found = criteria_set.criteria.select_related("section").order_by("section__order", "order")
    return found.exclude(pk=excluding) if excluding else found


def inspectorates() -> QuerySet[Organisation]:
    return Organisation.objects.filter(kind=Organisation.Kind.INSPECTORATE).order_by("name")


def criteria_owner_choices(user: Any) -> QuerySet[Organisation]:
    """The organisations whose sets the user may create: those they administer among the
    inspectorates and youth justice services; all of them for superusers."""
    standing = standing_of(user)
    kinds = [Organisation.Kind.INSPECTORATE, Organisation.Kind.YOUTH_JUSTICE_SERVICE]
    found = Organisation.objects.filter(kind__in=kinds).order_by("name")
    if standing.is_superuser:
        return found
    return found.filter(pk__in=[org for org, role in standing.roles.items() if role == "admin"])


def reports_with_recommendations() -> QuerySet[Report]:
    return Report.objects.filter(recommendations__isnull=False).distinct().order_by("title")


def report_recommendations(report: Report | None) -> QuerySet[Recommendation]:
    if report is None:
        return Recommendation.objects.none()
    return report.recommendations.order_by("section", "order")


@dataclass
class RulesVersion:
    rules: RatingRules
    bands: list[str]


@dataclass
class RulesPage:
    current: RulesVersion
    earlier: list[RulesVersion]
    standard_rule: str
    lowest: dict[str, int]


STANDARD_RULES = {
    "lowest": "A standard takes the rating of its lowest-rated key question; it is not rated "
    "when none of its key questions has cases."
}


def rating_rules_page(current: RatingRules) -> RulesPage:
    """The rules in force and every earlier version, newest first, with who saved each."""
    earlier = [
        RulesVersion(r, band_words(r.bands))
        for r in RatingRules.objects.select_related("created_by").order_by("-version")
        if r.version != current.version
    ]
    return RulesPage(
        RulesVersion(current, band_words(current.bands)),
        earlier,
        STANDARD_RULES.get(current.standard_rule, current.standard_rule),
        {str(b["rating"]): int(b["min"]) for b in current.bands},
    )
