"""A criteria set read from an inspection's findings tables, so an audit on it comes with the
national figures: rows grouped into criteria, lists of shares that add to 100 read as one
categorical criterion, "where … insufficient" rows asked only after a "no", phases from the
section headings, and how many cases the inspection read, from its methodology. Pure Python:
rows in, specifications out."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from followthrough.inspections.themes import themes_for

WHERE_APPROPRIATE_RE = re.compile(r"^\s*where appropriate\b", re.IGNORECASE)
CONDITION_RE = re.compile(r"^\s*where\b(?!\s+appropriate)", re.IGNORECASE)
NEGATIVE_RE = re.compile(r"\b(?:insufficient|not|no|poor|inadequate|unsuitable)\b", re.IGNORECASE)
OVERALL_RE = re.compile(r"^\s*overall\b", re.IGNORECASE)
UNRATED_SECTION_RE = re.compile(r"\boutcomes?\b", re.IGNORECASE)
HEALTH_RE = re.compile(r"\b(?:health|substance|mental|physical)\b", re.IGNORECASE)
EDUCATION_RE = re.compile(r"\b(?:ETE|education|training|employment|safeguarding)\b")
COUNT_RE = re.compile(r"\b(\d{1,4})\s+(?:boys|girls|children|young people|cases)\b", re.IGNORECASE)
CASES_OF_RE = re.compile(r"\bcases of\s+\d", re.IGNORECASE)
SENTENCE_RE = re.compile(r"[^.]*\bcases\b[^.]*\.", re.IGNORECASE)


@dataclass
class FindingRow:
    id: int | None
    section: str
    lead_in: str
    statement: str
    values: dict[str, int | None]


@dataclass
class CriterionSpec:
    code: str
    statement: str
    lead_in: str = ""
    phase: str = "custody"
    where_appropriate: bool = False
    parent_code: str = ""
    parent_answer: str = ""
    answer_type: str = "yes_no"
    categories: list[tuple[str, str]] = field(default_factory=list)
    national_percent: int | None = None
    national_values: dict[str, int] = field(default_factory=dict)
    finding_ids: list[int] = field(default_factory=list)
    is_key: bool = False
    inspectorate: str = ""  # "health" or "education" where a joint inspection split the work


@dataclass
class SectionSpec:
    title: str
    rated: bool
    criteria: list[CriterionSpec] = field(default_factory=list)


def phase_of(section: str) -> str:
    words = section.lower()
    if "community" in words or UNRATED_SECTION_RE.search(words) or "governance" in words:
        return "community"
    if "release" in words:
        return "release"
    return "custody"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")[:40] or "category"


def _tidy(text: str, *, capital: bool = True) -> str:
    text = re.sub(r"\s+", " ", text).strip().rstrip(":").strip()
    return text[:1].upper() + text[1:] if text and capital else text


def _one_value(row: FindingRow) -> int | None:
    readable = [v for v in row.values.values() if v is not None]
    return readable[0] if len(readable) == 1 else None


def _is_distribution(rows: list[FindingRow]) -> bool:
    """Rows that each give one share (never both a yes and a no) adding up to about 100: the
    shares of one answer with several categories, not separate yes / no criteria."""
    if len(rows) < 2:
        return False
    values = [_one_value(r) for r in rows]
    return all(v is not None for v in values) and 97 <= sum(v or 0 for v in values) <= 103


def _hint(text: str) -> str:
    if HEALTH_RE.search(text):
        return "health"
    if EDUCATION_RE.search(text):
        return "education"
    return ""


def _groups(rows: list[FindingRow]) -> list[list[FindingRow]]:
    groups: list[list[FindingRow]] = []
    for row in rows:
        last = groups[-1][-1] if groups else None
        same = (
            last is not None
            and row.lead_in
            and (row.section, row.lead_in)
            == (
                last.section,
                last.lead_in,
            )
        )
        if same:
            groups[-1].append(row)
        else:
            groups.append([row])
    return groups


def build(rows: list[FindingRow]) -> list[SectionSpec]:
    """The sections and criteria a set of findings rows makes, in their order."""
    sections: list[SectionSpec] = []
    for group in _groups([r for r in rows if r.statement.strip()]):
        title = group[0].section or "Findings"
        if not sections or sections[-1].title != title:
            sections.append(SectionSpec(title, rated=not UNRATED_SECTION_RE.search(title)))
        section = sections[-1]
        number = len(sections)

        def code() -> str:
            return f"{number}.{len(section.criteria) + 1}"  # noqa: B023

        lead_in = _tidy(group[0].lead_in)
        phase = phase_of(title)
        if _is_distribution(group):
            categories = [(slug(r.statement), _tidy(r.statement)) for r in group]
            section.criteria.append(
                CriterionSpec(
                    code=code(),
                    statement=lead_in or _tidy(group[0].statement),
                    phase=phase,
                    answer_type="categories",
                    categories=categories,
                    national_values={
                        c: v
                        for (c, _), r in zip(categories, group, strict=True)
                        if (v := _one_value(r)) is not None
                    },
                    finding_ids=[r.id for r in group if r.id is not None],
                    inspectorate=_hint(lead_in),
                )
            )
            continue
        parent, parent_answer = None, ""
        if lead_in and CONDITION_RE.match(lead_in):
            standalone = [c for c in section.criteria if not c.lead_in]
            candidates = standalone or section.criteria
            parent = candidates[-1] if candidates else None
            parent_answer = "no" if NEGATIVE_RE.search(lead_in) else "yes"
        for row in group:
            statement = _tidy(row.statement, capital=not lead_in)
            text = f"{lead_in} {statement}"
            yes = row.values.get("Yes", next(iter(row.values.values()), None))
            section.criteria.append(
                CriterionSpec(
                    code=code(),
                    statement=statement,
                    lead_in=lead_in,
                    phase=phase,
                    where_appropriate=bool(
                        WHERE_APPROPRIATE_RE.match(statement) or WHERE_APPROPRIATE_RE.match(lead_in)
                    ),
                    parent_code=parent.code if parent else "",
                    parent_answer=parent_answer if parent else "",
                    national_percent=yes,
                    finding_ids=[row.id] if row.id is not None else [],
                    is_key=bool(OVERALL_RE.match(statement)),
                    inspectorate=_hint(text),
                )
            )
    return sections


def sample_sizes(text: str) -> dict[str, int]:
    """How many cases an inspection read in custody and in the community, from the sentences of
    its methodology that count them ("we inspected the cases of 22 boys … and 9 girls"); a
    sentence that only mentions a number of cases in passing ("of the 29 cases, 2 children …")
    counts its first number alone, and only where no methodology sentence said. Empty when the
    report does not say."""
    sizes: dict[str, int] = {}
    fallback: dict[str, int] = {}
    for sentence in SENTENCE_RE.findall(text):
        lower = sentence.lower()
        counts = [int(n) for n in COUNT_RE.findall(sentence)]
        if not counts or "interview" in lower:
            continue
        phase = "community" if "community" in lower else "custody" if "custod" in lower else ""
        if not phase:
            continue
        if CASES_OF_RE.search(sentence):
            sizes.setdefault(phase, sum(counts))
        else:
            fallback.setdefault(phase, counts[0])
    return {**fallback, **sizes}


# Words a criterion and a recommendation may use for the same thing.
EXPANSIONS = {
    r"\brotl\b": "release on temporary licence",
    r"\bete\b": "education training employment",
    r"\byot\b": "youth offending team",
    r"\bwhere (?:they|the child) will live\b": "accommodation",
    r"\bparents?/carers?\b": "parents carers families",
}
STOP_TEXT = (
    "that this with have been from their they there were which where when what will should "
    "into also only each such than then them these those about after before other ensure "
    "child children young people person case cases work youth offending team teams "
    "resettlement custody release"
)
STOPWORDS = frozenset(STOP_TEXT.split())


def _expanded(text: str) -> str:
    text = text.lower()
    for pattern, meaning in EXPANSIONS.items():
        text = re.sub(pattern, f" {meaning} ", text)
    return text


def _stems(text: str) -> set[str]:
    return {w[:6] for w in re.findall(r"[a-z]{4,}", _expanded(text)) if w not in STOPWORDS}


def rank_recommendations(
    criterion_text: str, recommendations: list[tuple[int, str, list[str]]], *, limit: int = 3
) -> list[int]:
    """The recommendations (id, text, themes) a criterion most plausibly evidences: themes that
    most of the report's recommendations share say nothing and are left out; the rest, and the
    words the two share, are scored; at most `limit`, none below a shared theme or two shared
    words."""
    if not recommendations:
        return []
    counts = Counter(t for _, _, themes in recommendations for t in set(themes))
    generic = {t for t, n in counts.items() if n > len(recommendations) / 2}
    words = _stems(criterion_text)
    themes = set(themes_for(_expanded(criterion_text))) - generic
    scored = []
    for pk, text, rec_themes in recommendations:
        specific = set(rec_themes) - generic
        shared_themes = themes & specific
        shared_words = words & _stems(text)
        if not shared_themes and len(shared_words) < 2:
            continue
        score = 2 * len(shared_themes) / (1 + len(specific)) + len(shared_words) / 3
        scored.append((-score, len(specific), pk))
    return [pk for *_, pk in sorted(scored)[:limit]]
