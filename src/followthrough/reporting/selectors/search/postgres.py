"""Full-text search on PostgreSQL: each kind of record's text read into a tsvector as the query
runs (english stemming), ranked with ts_rank and shown with ts_headline."""

from __future__ import annotations

from functools import reduce
from typing import Any

from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db.models import F, Func, OuterRef, Subquery, TextField, Value
from django.db.models.functions import Cast, Coalesce, Concat

from followthrough.actionplans.models import Action, ActionPlan, Response
from followthrough.inspections.models import Finding, PracticeExample, Recommendation

from .terms import Term

START, STOP = "\x02", "\x03"
CONFIG = "english"


def search_query(terms: list[Term]) -> SearchQuery:
    """Every term, each as its word or any of its phrases."""

    def one(term: Term) -> SearchQuery:
        words = [SearchQuery(term.word, config=CONFIG)]
        words += [SearchQuery(p, search_type="phrase", config=CONFIG) for p in term.phrases]
        return reduce(lambda a, b: a | b, words)

    return reduce(lambda a, b: a & b, [one(t) for t in terms])


def _joined(*parts: Any) -> Concat:
    spaced: list[Any] = []
    for part in parts:
        spaced += [Coalesce(part, Value(""), output_field=TextField()), Value(" ")]
    return Concat(*spaced, output_field=TextField())


def _plan_text(user: Any) -> tuple[Subquery, Subquery]:
    """What the plans the user may read say about a recommendation: responses, then actions."""
    plans = ActionPlan.objects.visible_to(user).values("pk")
    responses = (
        Response.objects.filter(recommendation=OuterRef("pk"), action_plan__in=plans)
        .values("recommendation")
        .annotate(t=StringAgg(_joined("narrative", "agreed_part"), " "))
        .values("t")
    )
    actions = (
        Action.objects.filter(
            response__recommendation=OuterRef("pk"), response__action_plan__in=plans
        )
        .values("response__recommendation")
        .annotate(t=StringAgg(_joined("description", "owner_text"), " "))
        .values("t")
    )
    return Subquery(responses, output_field=TextField()), Subquery(
        actions, output_field=TextField()
    )


def _documents(user: Any) -> list[tuple[str, Any, Concat]]:
    items = Cast(
        Func(F("items"), Value("$[*].text"), function="jsonb_path_query_array"), TextField()
    )
    responses, actions = _plan_text(user)
    return [
        (
            "recommendation",
            Recommendation.objects.visible_to(user),
            _joined("text", items, "addressee_text", responses, actions),
        ),
        ("practice", PracticeExample.objects.all(), _joined("title", "service", "text")),
        ("finding", Finding.objects.all(), _joined("section", "lead_in", "statement")),
    ]


def hits(terms: list[Term], *, user: Any) -> list[tuple[str, int, float, str]]:
    """(kind, pk, score, snippet) of each record matching every term."""
    query = search_query(terms)
    found: list[tuple[str, int, float, str]] = []
    for kind, records, document in _documents(user):
        rows = (
            records.annotate(document=document)
            .annotate(vector=SearchVector("document", config=CONFIG))
            .filter(vector=query)
            .annotate(
                score=SearchRank(F("vector"), query),
                snippet=SearchHeadline(
                    "document",
                    query,
                    config=CONFIG,
                    start_sel=START,
                    stop_sel=STOP,
                    max_words=35,
                    min_words=15,
                    max_fragments=2,
                    fragment_delimiter=" … ",
                ),
            )
            .values_list("pk", "score", "snippet")
        )
        found += [(kind, pk, float(score), snippet) for pk, score, snippet in rows]
    return found
