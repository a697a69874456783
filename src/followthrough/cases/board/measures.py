"""What each measure of the board pack and the national view counts: the children it counts, how
a case answers it, the definition it follows, and the 2015 thematic's figure it is set beside.
The measures are data, so a new KPI is a new line here; docs/casework.md says where each
definition comes from."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any

from django.conf import settings

from followthrough.inspections.models import Finding

from ..milestones import add_months
from ..models import Case
from ..selectors import CaseRow

KPI_DEFINITION = "Key performance indicators as defined by the service's KPI return to the YJB"
OUTCOME_DEFINITION = (
    "The 2015 joint thematic's outcome questions, asked 3 and 6 months after release"
)


def kpi_definition() -> str:
    """The KPI definition the pack's measures follow, with the version the deployment set."""
    version = settings.CASES_KPI_DEFINITION_VERSION
    return f"{KPI_DEFINITION}, {version}" if version else f"{KPI_DEFINITION} (version not set)"


AGE_BANDS = [("10 to 14", range(10, 15)), ("15", range(15, 16)), ("16", range(16, 17))]
AGE_BANDS += [("17", range(17, 18))]
Groups = tuple[list[str], Callable[[Case], int | None]]


def _by_choice(attr: str, choices: list[tuple[str, str]]) -> Groups:
    index = {value: i for i, (value, _) in enumerate(choices)}
    return [label for _, label in choices], lambda case: index.get(getattr(case, attr))


def _by_age() -> Groups:
    def band(case: Case) -> int | None:
        ages = (i for i, (_, band) in enumerate(AGE_BANDS) if case.age_at_sentence in band)
        return next(ages, None)

    return [label for label, _ in AGE_BANDS], band


# The breakdowns the issue asks of every measure: `?by=` on the pages, all of them in the exports.
BREAKDOWNS: dict[str, tuple[str, Groups]] = {
    "sex": ("sex", _by_choice("sex", Case.Sex.choices)),
    "ethnicity": ("ethnicity", _by_choice("ethnicity", Case.Ethnicity.choices)),
    "care": ("care status", _by_choice("care_status", Case.CareStatus.choices)),
    "age": ("age at sentence", _by_age()),
}


@dataclass(frozen=True)
class Facts:
    """What the measures read of one case: its row, its pathways' answers, the day, and its
    outcomes by months after release (read once: every outcome measure asks for them)."""

    row: CaseRow
    pathways: dict[str, dict[str, str]]
    today: date
    outcomes: dict[int, Any]  # an Outcome's fields as attributes (board/reading.py)

    @cached_property  # every measure asks first
    def released(self) -> bool:
        return self.row.phase in ("released", "closed") and self.row.case.release_date is not None

    def answer(self, pathway: str, field: str) -> str:
        return self.pathways.get(pathway, {}).get(field, "")

    def outcome(self, months: int) -> Any:
        return self.outcomes.get(months)


YES_NO = (("yes", "Yes"), ("no", "No"), ("not_known", "Not known or not recorded"))
FOLLOW_UP = (
    ("recorded", "Recorded"),
    ("lost", "Lost to follow-up"),
    ("late", "Due, not recorded"),
    ("not_yet_due", "Not yet due"),
)


@dataclass(frozen=True)
class MeasureRule:
    """A measure: what it counts (the first answer is the one whose share is shown), the
    definition it follows, and how a case answers it (None: not counted)."""

    code: str
    title: str
    counts: str
    source: str
    read: Callable[[Facts], str | None]
    answers: tuple[tuple[str, str], ...] = YES_NO
    compare: str = ""  # the key of its 2015 figure in NATIONAL_2015

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        # Pickled by its code (its reading is a closure): a cached pack names its rules.
        return rule_named, (self.code,)


def _yes_no(value: str) -> str:
    return value if value in ("yes", "no") else "not_known"


# The pathways the measures read, noted as each rule is made: the pack loads only these rows.
PATHWAYS_READ: set[str] = set()


def _at_release(pathway: str, field: str, when: Callable[[Facts], bool] | None = None) -> Any:
    PATHWAYS_READ.add(pathway)

    def read(f: Facts) -> str | None:
        if not f.released or (when is not None and not when(f)):
            return None
        return _yes_no(f.answer(pathway, field))

    return read


def _follow_up(months: int) -> Callable[[Facts], str | None]:
    def read(f: Facts) -> str | None:
        if not f.released:
            return None
        outcome = f.outcome(months)
        if outcome is not None:
            return "lost" if outcome.lost_to_follow_up else "recorded"
        assert f.row.case.release_date is not None
        return "late" if add_months(f.row.case.release_date, months) <= f.today else "not_yet_due"

    return read


PATHWAY_KEPT = {"maintained": "yes", "not_maintained": "no"}


def _after(months: int, field: str, pathway: str = "") -> Callable[[Facts], str | None]:
    """An outcome question of the children followed up at the checkpoint (not lost). Accommodation
    and ETE kept fall back on the pathway's own record at that point."""
    if pathway:
        PATHWAYS_READ.add(pathway)

    def read(f: Facts) -> str | None:
        outcome = f.outcome(months) if f.released else None
        if outcome is None or outcome.lost_to_follow_up:
            return None
        value = getattr(outcome, field)
        if field == "compliance":
            return {"complete": "yes", "partial": "no", "none": "no"}.get(value, "not_known")
        if not value and pathway:
            value = PATHWAY_KEPT.get(f.answer(pathway, f"at_{months}_months"), "")
        return _yes_no(value)

    return read


def _screened(pathway: str) -> Callable[[Facts], bool]:
    PATHWAYS_READ.add(pathway)
    return lambda f: f.answer(pathway, "screened") == "yes" and f.answer(pathway, "need") == "yes"


SEND = ("sen_support", "ehcp")
RELEASED = "children released"


def _kpi(code: str, title: str, counts: str, read: Any, compare: str = "") -> MeasureRule:
    return MeasureRule(code, title, counts, "kpi", read, compare=compare)


def _offered(pathway: str) -> Callable[[Facts], bool]:
    PATHWAYS_READ.add(pathway)
    return lambda f: f.answer(pathway, "offered") == "yes"


KPI_RULES = [
    _kpi(
        "accommodation",
        "Suitable accommodation at release",
        RELEASED,
        _at_release("accommodation", "suitable_at_release"),
        compare="accommodation",
    ),
    _kpi(
        "ete",
        "Suitable education, training or employment at release",
        RELEASED,
        _at_release("ete", "suitable_at_release"),
    ),
    _kpi(
        "send_plan",
        "Children with SEND who have a learning plan at release",
        "children with SEND released",
        _at_release("ete", "learning_plan", lambda f: f.row.case.send in SEND),
    ),
]
for _code, _name in (("health", "Mental-health"), ("substance_misuse", "Substance-misuse")):
    KPI_RULES += [
        _kpi(
            f"{_code}_screened", f"{_name} needs screened", RELEASED, _at_release(_code, "screened")
        ),
        _kpi(
            f"{_code}_offered",
            f"{_name} support offered, of those screened with a need",
            "children screened with a need",
            _at_release(_code, "offered", _screened(_code)),
        ),
        _kpi(
            f"{_code}_attending",
            f"{_name} support attended at release, of those offered",
            "children offered support",
            _at_release(_code, "attending", _offered(_code)),
            compare=f"{_code}_attending",
        ),
    ]

QUESTIONS = [
    ("arrested", "Arrested since release", ""),
    ("charged", "Charged since release", ""),
    ("convicted", "Convicted since release", ""),
    ("recalled", "Recalled to custody", ""),
    ("accommodation_maintained", "Accommodation kept", "accommodation"),
    ("ete_maintained", "Education, training or employment kept", "ete"),
    ("engaged", "Engaged with the service", ""),
    ("compliance", "Complied completely with supervision", ""),
    ("risk_managed", "Risk of harm managed", ""),
]


def _outcome_rules(months: int) -> list[MeasureRule]:
    followed = f"children followed up at {months} months"
    return [
        MeasureRule(
            f"{field}_{months}",
            title,
            followed,
            "outcome",
            _after(months, field, path),
            compare=field,
        )
        for field, title, path in QUESTIONS
    ]


# Which 2015 findings ask what a measure asks (corpus 001, Appendix 2): words of the table's
# section, of the statement's lead-in and of the statement, all to be found, lower case. The
# tables give percentages only; the base is the number of cases the inspection followed up in
# the community (21 boys and 8 girls, its Appendix 1).
NATIONAL_2015_BASE = 29
NATIONAL_2015 = {
    "accommodation": ("release", "accommodation", "suitable"),
    "health_attending": ("release", "provision services", "mental health"),
    "substance_misuse_attending": ("release", "provision services", "substance misuse"),
    "arrested": ("outcomes", "since release", "arrests"),
    "charged": ("outcomes", "since release", "charges"),
    "convicted": ("outcomes", "since release", "convictions"),
    "recalled": ("outcomes", "since release", "custody"),
    "accommodation_maintained": ("outcomes", "", "accommodation maintained"),
    "ete_maintained": ("outcomes", "", "ete maintained"),
    "compliance": ("outcomes", "complied", "completely"),
    "risk_managed": ("outcomes", "", "risk harm managed"),
}
NO_NATIONAL = "no 2015 figure"


def national_2015() -> dict[str, str]:
    """The 2015 national figure of each measure it shares, in words. One query."""
    findings = list(
        Finding.objects.filter(
            report__published__year=2015, report__title__icontains="resettlement"
        ).order_by("report_id", "order")
    )
    found: dict[str, str] = {}
    for key, words in NATIONAL_2015.items():
        for finding in findings:
            texts = (finding.section, finding.lead_in, finding.statement)
            if all(_has_words(text, want) for text, want in zip(texts, words, strict=True)):
                value = finding.values.get("Yes")
                if isinstance(value, int | float):
                    found[key] = f"2015 national: {value:g}% of {NATIONAL_2015_BASE} cases"
                break
    return found


def _has_words(text: str, words: str) -> bool:
    return all(word in text.lower() for word in words.split())


FOLLOW_UP_RULES = [
    MeasureRule(
        f"follow_up_{m}", f"{m} months after release", RELEASED, "outcome", _follow_up(m), FOLLOW_UP
    )
    for m in (3, 6)
]
# The pack's sections: a title, the answers its measures count, the measures.
SECTIONS = [
    ("At release", YES_NO, KPI_RULES),
    ("Follow-up at 3 and 6 months", FOLLOW_UP, FOLLOW_UP_RULES),
    ("Outcomes 3 months after release", YES_NO, _outcome_rules(3)),
    ("Outcomes 6 months after release", YES_NO, _outcome_rules(6)),
]


def rule_named(code: str) -> MeasureRule:
    """The measure whose code this is, as a cached pack is read back."""
    return next(rule for _, _, rules in SECTIONS for rule in rules if rule.code == code)
