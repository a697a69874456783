"""An audit's findings: for each criterion the share of cases answered yes (or the distribution
of a categorical one) with n, a 95 % interval and a small-number warning, beside the national
figure; the two markers' agreement; each key question and the standard rated by the rules kept
with the audit, step by step. A fixed number of queries whatever the size of the audit."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from followthrough.cases.suppression import THRESHOLD
from followthrough.core.access import allowed

from ..models import Answer, Audit, AuditCase, Criterion, Moderation, Section
from ..ratings import (
    CriterionFigure,
    KeyQuestionRating,
    StandardRating,
    rate_key_question,
    rate_standard,
)
from ..services.marking import counted
from ..services.rules_table import rating_rules_current
from ..statistics import (
    Agreement,
    Distribution,
    YesNo,
    agreement,
    round_half_up,
    tally_categories,
    tally_yes_no,
)

VIEW = "audits.view_audit"
WITHHELD_STEP = (
    f"Worked out from a figure of fewer than {THRESHOLD} cases, so its steps are not shown "
    "outside the service."
)


@dataclass
class CriterionFinding:
    criterion: Criterion
    tally: YesNo | None = None
    distribution: Distribution | None = None
    agreement: Agreement | None = None
    previous_percent: int | None = None
    previous_n: int | None = None
    suppressed: bool = False  # fewer than THRESHOLD cases, shown to someone outside the service
    previous_suppressed: bool = False  # the same, for the previous audit's figure

    @property
    def n(self) -> int:
        if self.tally is not None:
            return self.tally.n
        return self.distribution.n if self.distribution is not None else 0

    @property
    def percent(self) -> int | None:
        return None if self.suppressed or self.tally is None else self.tally.percent

    @property
    def small(self) -> bool:
        """Fewer than SMALL_N cases (and not hidden): one case moves the figure a long way."""
        counted = self.tally if self.tally is not None else self.distribution
        return not self.suppressed and counted is not None and counted.small

    @property
    def interval(self) -> tuple[int, int] | None:
        """The 95 % interval in whole percentages, as printed; None when hidden or no cases."""
        bounds = None if self.suppressed or self.tally is None else self.tally.interval
        return None if bounds is None else (round_half_up(bounds[0]), round_half_up(bounds[1]))

    @property
    def difference(self) -> int | None:
        """Points above (+) or below (−) the national figure."""
        national = self.criterion.national_percent
        if self.percent is None or national is None:
            return None
        return self.percent - national

    @property
    def previous(self) -> int | None:
        return None if self.previous_suppressed else self.previous_percent

    @property
    def change(self) -> int | None:
        if self.percent is None or self.previous is None:
            return None
        return self.percent - self.previous


@dataclass
class SectionFindings:
    section: Section
    rows: list[CriterionFinding]
    rating: KeyQuestionRating | None


@dataclass
class AuditFindings:
    audit: Audit
    cases: int
    double_marked: int
    sections: list[SectionFindings]
    overall_agreement: Agreement
    standard: StandardRating
    bands: list[dict[str, Any]]
    rules_version: int
    previous: Audit | None = None
    outsider: bool = False
    by_criterion: dict[int, CriterionFinding] = field(default_factory=dict)


def counted_answers(audit_ids: set[int]) -> dict[int, dict[tuple[int, int], str]]:
    """For each audit, the answer that counts for each (case, criterion): the settled one, else
    the first marker's, only once that marking is finished (answers saved part-way are nobody's
    figures yet, and a second marker must not read them through the findings), and only where
    the criterion was asked given the answers that stand. Four queries for any number of
    audits."""
    cases = {
        pk: audit_id
        for pk, audit_id in AuditCase.objects.filter(
            audit_id__in=audit_ids, first_done_on__isnull=False
        ).values_list("pk", "audit_id")
    }
    per_case: dict[int, dict[int, str]] = {pk: {} for pk in cases}
    for case_id, criterion_id, value in Answer.objects.filter(
        audit_case_id__in=cases, marker=Answer.FIRST
    ).values_list("audit_case_id", "criterion_id", "value"):
        per_case[case_id][criterion_id] = value
    for case_id, criterion_id, value in Moderation.objects.filter(
        audit_case_id__in=cases
    ).values_list("audit_case_id", "criterion_id", "value"):
        per_case[case_id][criterion_id] = value
    sets = dict(Audit.objects.filter(pk__in=audit_ids).values_list("pk", "criteria_set_id"))
    criteria: dict[int, list[Criterion]] = {}
    for criterion in Criterion.objects.filter(criteria_set_id__in=set(sets.values())):
        criteria.setdefault(criterion.criteria_set_id, []).append(criterion)
    result: dict[int, dict[tuple[int, int], str]] = {pk: {} for pk in audit_ids}
    for case_id, values in per_case.items():
        audit_id = cases[case_id]
        for criterion_id, value in counted(criteria.get(sets[audit_id], []), values).items():
            result[audit_id][(case_id, criterion_id)] = value
    return result


def effective_answers(
    audit: Audit,
) -> tuple[dict[tuple[int, int], str], list[tuple[int, int, str, str]]]:
    """The answers that count (`counted_answers`), and every pair of answers of the cases both
    markers finished (case, criterion, first, second), for agreement."""
    rows = Answer.objects.filter(
        audit_case__audit=audit,
        audit_case__double_marked=True,
        audit_case__first_done_on__isnull=False,
        audit_case__second_done_on__isnull=False,
    ).values_list("audit_case_id", "criterion_id", "marker", "value")
    first: dict[tuple[int, int], str] = {}
    second: dict[tuple[int, int], str] = {}
    for case_id, criterion_id, marker, value in rows:
        (first if marker == Answer.FIRST else second)[(case_id, criterion_id)] = value
    pairs = [
        (case_id, criterion_id, value, second[(case_id, criterion_id)])
        for (case_id, criterion_id), value in first.items()
        if (case_id, criterion_id) in second
    ]
    return counted_answers({audit.pk})[audit.pk], pairs


def _tallies(
    criteria: list[Criterion], case_ids: list[int], answers: dict[tuple[int, int], str]
) -> dict[int, YesNo | Distribution]:
    result: dict[int, YesNo | Distribution] = {}
    for criterion in criteria:
        values = [answers.get((case_id, criterion.pk)) or None for case_id in case_ids]
        if criterion.answer_type == Criterion.AnswerType.CATEGORIES:
            result[criterion.pk] = tally_categories(criterion.choices, values)
        else:
            result[criterion.pk] = tally_yes_no(values)
    return result


def _small(tally: YesNo | Distribution) -> bool:
    """Whether a figure would let a reader outside the service count fewer than THRESHOLD
    children: fewer cases than that, or a yes, a no or a category of 1 to 4 (with n shown, its
    percentage gives the count away)."""
    if isinstance(tally, YesNo):
        counts = [tally.n, tally.yes, tally.no]
    else:
        counts = [tally.n, *tally.counts.values()]
    return any(0 < count < THRESHOLD for count in counts)


def previous_audit(audit: Audit) -> Audit | None:
    """The service's last finished audit on the same set (any version of it) before this one."""
    return (
        Audit.objects.filter(
            organisation_id=audit.organisation_id,
            criteria_set__family=audit.criteria_set.family,
            status=Audit.Status.FINISHED,
            period_end__lt=audit.period_end,
        )
        .exclude(pk=audit.pk)
        .order_by("-period_end", "-pk")
        .first()
    )


def _rated_from_small(figures: list[CriterionFigure]) -> bool:
    """Whether a key question's rating is worked out from a figure of 1 to 4 cases: its key
    criterion where that has cases (as rate_key_question does), else every answered one."""
    answered = [f for f in figures if f.n > 0]
    used = [f for f in answered if f.is_key][:1] or answered
    return any(0 < count < THRESHOLD for f in used for count in (f.n, f.yes, f.n - f.yes))


def audit_findings(
    audit: Audit, *, outsider: bool = False, compare: bool = True, reader: Any = None
) -> AuditFindings:
    """Everything the findings page, its exports and the ratings show. `outsider`: the reader is
    not a member of the service, so a figure that would count 1 to 4 children is suppressed
    (`_small`); `reader`: an earlier audit they may not see is not compared."""
    sections = list(audit.criteria_set.sections.order_by("order"))
    criteria = list(
        audit.criteria_set.criteria.order_by("order").select_related("inspectorate", "parent")
    )
    case_ids = list(AuditCase.objects.filter(audit=audit).values_list("pk", flat=True))
    double = AuditCase.objects.filter(audit=audit, double_marked=True).count()
    answers, pairs = effective_answers(audit)
    tallies = _tallies(criteria, case_ids, answers)
    by_criterion_pairs: dict[int, list[tuple[str, str]]] = {}
    for _, criterion_id, a, b in pairs:
        if a and b:
            by_criterion_pairs.setdefault(criterion_id, []).append((a, b))
    previous = previous_audit(audit) if compare else None
    if previous is not None and reader is not None and not allowed(reader, VIEW, previous):
        previous = None  # an earlier audit the reader may not see (one not shared) is not shown
    before: dict[str, YesNo | Distribution] = {}
    if previous is not None:
        prior_criteria = list(previous.criteria_set.criteria.all())
        prior_ids = list(AuditCase.objects.filter(audit=previous).values_list("pk", flat=True))
        prior = _tallies(prior_criteria, prior_ids, effective_answers(previous)[0])
        before = {c.code: prior[c.pk] for c in prior_criteria}
    rules = audit.rating_rules or rating_rules_current()
    findings: dict[int, CriterionFinding] = {}
    grouped: list[SectionFindings] = []
    for section in sections:
        rows = []
        for criterion in (c for c in criteria if c.section_id == section.pk):
            tally = tallies[criterion.pk]
            finding = CriterionFinding(criterion=criterion)
            if isinstance(tally, YesNo):
                finding.tally = tally
                prior_tally = before.get(criterion.code)
                if isinstance(prior_tally, YesNo):
                    finding.previous_percent, finding.previous_n = (
                        prior_tally.percent,
                        prior_tally.n,
                    )
                    finding.previous_suppressed = outsider and _small(prior_tally)
            else:
                finding.distribution = tally
            if criterion.pk in by_criterion_pairs:
                finding.agreement = agreement(by_criterion_pairs[criterion.pk])
            finding.suppressed = outsider and _small(tally)
            findings[criterion.pk] = finding
            rows.append(finding)
        rating = None
        if section.rated:
            figures = [
                CriterionFigure(
                    f.criterion.code, f.criterion.text, f.tally.yes, f.tally.n, f.criterion.is_key
                )
                for f in rows
                # A criterion asked only after another's answer says why that answer was given
                # (what was missing from an assessment judged insufficient): not a rated one.
                if f.tally is not None and f.criterion.parent_id is None
            ]
            rating = rate_key_question(section.title, figures, rules.bands)
            if outsider and _rated_from_small(figures):
                # The steps would print the hidden count: the rating stands, its workings do not.
                rating = KeyQuestionRating(section.title, rating.rating, None, [WITHHELD_STEP])
        grouped.append(SectionFindings(section, rows, rating))
    standard = rate_standard(
        [s.rating for s in grouped if s.rating is not None], rules.standard_rule
    )
    overall = agreement([(a, b) for _, _, a, b in pairs if a and b])
    return AuditFindings(
        audit=audit,
        cases=len(case_ids),
        double_marked=double,
        sections=grouped,
        overall_agreement=overall,
        standard=standard,
        bands=rules.bands,
        rules_version=rules.version,
        previous=previous,
        outsider=outsider,
        by_criterion=findings,
    )


def still_marking_blind(audit: Audit, user: Any) -> list[str]:
    """The cases this reader is still to mark a second time: until they finish, the findings
    (which count the first markings) are not shown to them, so their reading stays blind."""
    if audit.status == Audit.Status.FINISHED or not getattr(user, "pk", None):
        return []
    return list(
        AuditCase.objects.filter(
            audit=audit, double_marked=True, second_marker_id=user.pk, second_done_on__isnull=True
        )
        .order_by("order")
        .values_list("case__reference", flat=True)
    )
