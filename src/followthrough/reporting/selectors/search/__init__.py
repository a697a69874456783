"""Search over recommendations (with what the plans the user may read say about them), practice
examples and findings, using the database's own full-text search: FTS5 on SQLite, tsvector on
PostgreSQL. Text in plans the user may not read never matches. See docs/decisions/0007-search.md."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page, Paginator
from django.db import connection
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from followthrough.actionplans.models import Action, ActionPlan, Response
from followthrough.core.freshness import remembered
from followthrough.inspections.models import Finding, PracticeExample, Recommendation, Report
from followthrough.inspections.themes import THEMES

from ..choices import filter_choices
from . import postgres, sqlite
from .terms import Term, suggestion, terms_of, vocabulary

KINDS = {
    "recommendation": "Recommendation",
    "practice": "Practice example",
    "finding": "Finding",
}
KIND_ORDER = {kind: n for n, kind in enumerate(KINDS)}  # ties in score: recommendations first
MODELS: dict[str, Any] = {
    "recommendation": Recommendation,
    "practice": PracticeExample,
    "finding": Finding,
}
PER_PAGE = 20
# What a result shows of its record (_describe): its text is shown only as the snippet.
SHOWN_FIELDS = {
    "recommendation": ("section", "label"),
    "practice": ("title",),
    "finding": ("section",),
}


@dataclass(frozen=True)
class SearchFilters:
    report: int | None = None
    addressee: int | None = None
    theme: str = ""
    kind: str = ""

    @property
    def any(self) -> bool:
        return bool(self.report or self.addressee or self.theme or self.kind)


@dataclass(frozen=True)
class SearchHit:
    kind: str
    kind_label: str
    title: str
    url: str
    report_title: str
    snippet: SafeString


@dataclass
class SearchResults:
    query: str
    total: int = 0
    hits: list[SearchHit] = field(default_factory=list)
    page: Page[Any] | None = None
    suggestion: str | None = None


def marked(snippet: str) -> SafeString:
    """A snippet escaped, then its matched words wrapped in <mark>."""
    text = str(escape(snippet.replace("\x00", "")))
    return mark_safe(text.replace(sqlite.START, "<mark>").replace(sqlite.STOP, "</mark>"))  # noqa: S308


def _plan_ids(user: Any) -> list[int]:
    return list(ActionPlan.objects.visible_to(user).values_list("pk", flat=True))


# What search reads: a change to any of these ranks a search afresh. Practice examples and
# findings keep no history, but are only ever written with their report (ingest.loaders).
SEARCHED = (Report, Recommendation, ActionPlan, Response, Action)


def _ranked(terms: list[Term], user: Any, plan_ids: list[int]) -> list[tuple[str, int, float, str]]:
    """Every record matching, best first. Ranking reads every match, so a common word costs more
    the more there is: the ranking is kept per change of what search reads, per query and per
    set of plans the reader may read (core/freshness.py), and a search made again reads it."""

    def rank() -> list[tuple[str, int, float, str]]:
        if connection.vendor == "postgresql":  # PostgreSQL asks for the plans in its own query
            raw = postgres.hits(terms, user=user)
        else:
            raw = sqlite.hits(terms, plan_ids=plan_ids)
        raw.sort(key=lambda row: (-row[2], KIND_ORDER[row[0]], row[1]))
        return raw

    scope = [connection.vendor, repr(terms), ",".join(str(pk) for pk in plan_ids)]
    return remembered("search.ranked", tracked=SEARCHED, scope=scope, compute=rank)


def _with_snippets(
    rows: list[tuple[str, int, float, str]], terms: list[Term], user: Any, plan_ids: list[int]
) -> list[tuple[str, int, float, str]]:
    """The rows of one page with their snippets: only the rows shown are marked, since marking
    reads each row's whole text. On SQLite a row comes with its best row's rowid to mark."""
    if connection.vendor == "postgresql":
        found = postgres.snippets(terms, [(k, pk) for k, pk, _, _ in rows], user=user)
        return [(k, pk, score, found.get((k, pk), "")) for k, pk, score, _ in rows]
    marks = sqlite.snippets(terms, [(k, pk, rowid) for k, pk, _, rowid in rows], plan_ids=plan_ids)
    return [(k, pk, score, marks.get(rowid, "")) for k, pk, score, rowid in rows]


def _kept(raw: list[tuple[str, int, float, str]], filters: SearchFilters) -> set[tuple[str, int]]:
    """The hits the filters keep: one query per kind found, and one for addressees."""
    keep: set[tuple[str, int]] = set()
    for kind, model in MODELS.items():
        ids = [pk for k, pk, _, _ in raw if k == kind]
        if not ids or (filters.kind and filters.kind != kind):
            continue
        if kind != "recommendation" and filters.addressee:
            continue
        if kind == "finding" and filters.theme:
            continue
        records = model.objects.filter(pk__in=ids)
        if filters.report:
            records = records.filter(report_id=filters.report)
        if filters.addressee:
            records = records.filter(addressees=filters.addressee)
        fields = ["pk", "themes"] if kind != "finding" else ["pk"]
        for row in records.values_list(*fields):
            if filters.theme and filters.theme not in (row[1] or []):
                continue
            keep.add((kind, row[0]))
    return keep


def _describe(kind: str, record: Any) -> tuple[str, str]:
    if kind == "recommendation":
        return record.display_label, reverse("reporting:recommendation-detail", args=[record.pk])
    if kind == "practice":
        return record.title, reverse("reporting:report-detail", args=[record.report_id])
    return record.section or "Finding", reverse(
        "inspections:report-findings", args=[record.report_id]
    )


def _page_hits(rows: list[tuple[str, int, float, str]]) -> list[SearchHit]:
    records: dict[tuple[str, int], Any] = {}
    for kind, model in MODELS.items():
        ids = [pk for k, pk, _, _ in rows if k == kind]
        if ids:
            shown = model.objects.filter(pk__in=ids).select_related("report")
            for record in shown.only(*SHOWN_FIELDS[kind], "report_id", "report__title"):
                records[(kind, record.pk)] = record
    hits = []
    for kind, pk, _, snippet in rows:
        record = records.get((kind, pk))
        if record is None:
            continue
        title, url = _describe(kind, record)
        hits.append(SearchHit(kind, KINDS[kind], title, url, record.report.title, marked(snippet)))
    return hits


def _vocabulary() -> set[str]:
    """Words of the public text (never plan text), for suggesting a spelling."""
    texts: list[str] = []
    for text, items in Recommendation.objects.values_list("text", "items"):
        texts.append(text)
        texts += [i.get("text", "") for i in items or [] if isinstance(i, dict)]
    texts += PracticeExample.objects.values_list("text", flat=True)
    texts += Finding.objects.values_list("statement", flat=True)
    return vocabulary(texts)


def search(
    query: str, *, user: Any, filters: SearchFilters, page_number: str | int | None = 1
) -> SearchResults:
    """The records matching every word of query (or what an abbreviation in it stands for),
    best first, a page at a time, with a spelling to try when nothing is found."""
    terms = terms_of(query)
    result = SearchResults(query=query)
    if not terms:
        return result
    plan_ids = _plan_ids(user)
    raw = _ranked(terms, user, plan_ids)
    if filters.any and raw:
        keep = _kept(raw, filters)
        raw = [row for row in raw if (row[0], row[1]) in keep]
    result.total = len(raw)
    result.page = Paginator(raw, PER_PAGE).get_page(page_number)
    shown = list(result.page.object_list)
    result.hits = _page_hits(_with_snippets(shown, terms, user, plan_ids))
    if not raw:
        result.suggestion = suggestion(query, _vocabulary())
    return result


def search_choices() -> dict[str, Any]:
    """What the filters offer: reports, the bodies recommendations address, themes, kinds, as
    (value, label) pairs; reports and bodies are the dashboard's, kept until those tables change."""
    kept = filter_choices()
    return {
        "reports": kept.reports,
        "organisations": kept.organisations,
        "themes": [(slug, label) for slug, (label, _) in THEMES.items()],
        "kinds": list(KINDS.items()),
    }


__all__ = ["KINDS", "SearchFilters", "SearchHit", "SearchResults", "search", "search_choices"]
