"""The findings laid out as the page and every download show them: per section a table in the
inspectorate's columns (conditional criteria under their parent), categorical criteria as
distributions beside the national one, the chart's bars, and where the markers differed. The
page and the files read the same cells, so a number hidden on the page is hidden in each file."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from followthrough.cases.suppression import THRESHOLD

from ..models import Audit, Criterion, Section
from ..ratings import KeyQuestionRating, band_words
from ..selectors.findings import AuditFindings, CriterionFinding
from ..statistics import SMALL_N, Agreement

SUPPRESSED = f"fewer than {THRESHOLD} cases"
NO_CASES = "No cases"
SMALL_TAG = f"Fewer than {SMALL_N} cases"
MINUS = "\u2212"
HEADERS = [
    "Criterion",
    "Yes",
    "Cases (n)",
    "95% interval",
    "National",
    "National cases",
    "Difference (points)",
]


def signed(points: int | None) -> str:
    """Points above or below: "+5", "−12", "0"."""
    if points is None:
        return ""
    return f"+{points}" if points > 0 else f"{MINUS}{-points}" if points < 0 else "0"


def pct(value: int | None) -> str:
    return "" if value is None else f"{value}%"


def kappa_words(result: Agreement) -> str:
    if result.kappa is None:
        return result.strength
    return f"{result.kappa:.2f} ({result.strength.lower()})"


def asked_when(criterion: Criterion) -> str:
    """The condition of a conditional criterion in words: "Asked when 1.2 is answered No"."""
    parent = criterion.parent
    if parent is None:
        return ""
    label = dict(parent.choices).get(criterion.parent_answer, criterion.parent_answer)
    return f"Asked when {parent.code} is answered {label}"


@dataclass(frozen=True)
class Line:
    """One yes / no criterion as a row of its section's table."""

    finding: CriterionFinding
    depth: int
    condition: str
    percent: str  # "75%", "No cases" or "fewer than 5 cases"
    n: str
    interval: str  # "48% to 94%"
    national: str
    national_n: str  # "up to 31": the inspection read that many cases, fewer may have applied
    difference: str
    previous: str

    @property
    def criterion(self) -> Criterion:
        return self.finding.criterion

    @property
    def small(self) -> bool:
        return self.finding.small

    @property
    def cells(self) -> list[str]:
        """The numeric cells in the order of HEADERS (after the criterion), then previous."""
        return [
            self.percent,
            self.n,
            self.interval,
            self.national,
            self.national_n,
            self.difference,
        ]


@dataclass(frozen=True)
class Share:
    """One category of a categorical criterion: its count and share here and nationally."""

    label: str
    count: str
    percent: str
    national: str


@dataclass(frozen=True)
class DistributionTable:
    finding: CriterionFinding
    condition: str
    shares: list[Share]
    message: str  # "No cases" or "fewer than 5 cases" in place of the shares, else ""

    @property
    def criterion(self) -> Criterion:
        return self.finding.criterion

    @property
    def small(self) -> bool:
        return self.finding.small


@dataclass(frozen=True)
class SectionTable:
    number: int
    section: Section
    lines: list[Line]
    distributions: list[DistributionTable]
    rating: KeyQuestionRating | None
    bars: tuple[tuple[str, int | None, int | None, str], ...]


@dataclass(frozen=True)
class Differing:
    """A criterion the two markers answered differently at least once."""

    criterion: Criterion
    agreement: Agreement

    @property
    def kappa(self) -> str:
        return kappa_words(self.agreement)


@dataclass(frozen=True)
class Layout:
    findings: AuditFindings
    sections: list[SectionTable]
    differing: list[Differing]
    headers: list[str]
    bands: list[str]
    small_tag: str = SMALL_TAG

    @property
    def kappa(self) -> str:
        return kappa_words(self.findings.overall_agreement)

    @property
    def finished(self) -> bool:
        return self.findings.audit.status == Audit.Status.FINISHED

    @property
    def summary(self) -> list[tuple[str, str]]:
        """The facts above the tables, for the page's summary list and the files."""
        f = self.findings
        audit, criteria_set = f.audit, f.audit.criteria_set
        rows = [
            ("Service", audit.organisation.name),
            ("Criteria set", f"{criteria_set.name}, version {criteria_set.version}"),
            ("Period", period(audit)),
            ("Cases audited", str(f.cases)),
            ("Cases double-marked", str(f.double_marked)),
            ("Status", audit.get_status_display()),
            ("The standard's rating", f.standard.label),
        ]
        if f.previous is not None:
            rows.append(("Compared with", f"{f.previous.title} ({period(f.previous)})"))
        return rows


def chart_title(table: SectionTable) -> str:
    return f"{table.section.title}: % yes in this audit and nationally"


def period(audit: Any) -> str:
    return f"{audit.period_start:%-d %B %Y} to {audit.period_end:%-d %B %Y}"


def _nested(rows: list[CriterionFinding]) -> list[tuple[CriterionFinding, int]]:
    """The rows with each conditional criterion straight after its parent, indented a level."""
    ids = {f.criterion.pk for f in rows}
    children: dict[int | None, list[CriterionFinding]] = defaultdict(list)
    roots: list[CriterionFinding] = []
    for f in rows:
        parent = f.criterion.parent_id
        (children[parent] if parent in ids else roots).append(f)
    out: list[tuple[CriterionFinding, int]] = []

    def walk(finding: CriterionFinding, depth: int) -> None:
        out.append((finding, depth))
        for child in children.pop(finding.criterion.pk, []):
            walk(child, depth + 1)

    for root in roots:
        walk(root, 0)
    return out


def _line(f: CriterionFinding, depth: int) -> Line:
    c = f.criterion
    hidden = f.suppressed
    bounds = f.interval
    if hidden:
        percent = SUPPRESSED
    elif f.n == 0:
        percent = NO_CASES
    else:
        percent = pct(f.percent)
    previous = ""
    if f.previous_suppressed:
        previous = SUPPRESSED
    elif f.previous is not None:
        previous = pct(f.previous)
    return Line(
        finding=f,
        depth=depth,
        condition=asked_when(c),
        percent=percent,
        n="" if hidden or f.n == 0 else str(f.n),
        interval="" if bounds is None else f"{bounds[0]}% to {bounds[1]}%",
        national=pct(c.national_percent),
        national_n=f"up to {c.national_n}" if c.national_n else "",
        difference=signed(f.difference),
        previous=previous,
    )


def _shown_count(count: int, outsider: bool) -> str:
    """Outside the service a count of 1 to 4 children in a category is not given."""
    return f"fewer than {THRESHOLD}" if outsider and 0 < count < THRESHOLD else str(count)


def _distribution(f: CriterionFinding, outsider: bool) -> DistributionTable:
    dist = f.distribution
    assert dist is not None
    national = f.criterion.national_values or {}
    message = SUPPRESSED if f.suppressed else NO_CASES if f.n == 0 else ""
    shares = [
        Share(
            label=label,
            count="" if message else _shown_count(dist.counts.get(code, 0), outsider),
            percent="" if message else pct(dist.percent(code)),
            national=pct(national.get(code)),
        )
        for code, label in dist.categories
    ]
    return DistributionTable(f, asked_when(f.criterion), shares, message)


def findings_layout(findings: AuditFindings) -> Layout:
    """Every table of the findings, as the page and the downloads show them."""
    tables = []
    for number, group in enumerate(findings.sections, start=1):
        lines, distributions = [], []
        for finding, depth in _nested(group.rows):
            if finding.tally is not None:
                lines.append(_line(finding, depth))
            else:
                distributions.append(_distribution(finding, findings.outsider))
        bars = tuple(
            (
                line.criterion.code,
                line.finding.percent,
                line.criterion.national_percent,
                SUPPRESSED if line.finding.suppressed else NO_CASES,
            )
            for line in lines
        )
        tables.append(SectionTable(number, group.section, lines, distributions, group.rating, bars))
    differing = [
        Differing(f.criterion, f.agreement)
        for group in findings.sections
        for f in group.rows
        if f.agreement is not None and f.agreement.agreed < f.agreement.pairs
    ]
    if findings.outsider:
        differing = []  # by criterion, a handful of cases: the service's own quality detail
    headers = [*HEADERS, *(["Previous audit"] if findings.previous is not None else [])]
    return Layout(findings, tables, differing, headers, band_words(findings.bands))
