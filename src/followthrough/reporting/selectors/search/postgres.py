"""Full-text search on PostgreSQL: the table `search_document`, its `tsvector` stored under a GIN
index and kept in step with the records by triggers (actionplans migration 0016), ranked with
ts_rank; ts_headline marks only the records a page shows."""

from __future__ import annotations

from typing import Any

from django.db import connection

from followthrough.actionplans.models import ActionPlan

from .terms import Term

START, STOP = "\x02", "\x03"
CONFIG = "english"
HEADLINE = (
    f'StartSel="{START}", StopSel="{STOP}", MaxWords=35, MinWords=15, MaxFragments=2, '
    'FragmentDelimiter=" … "'
)


def _term_query(term: Term) -> tuple[str, list[str]]:
    """A tsquery for one term: its word, or any of its phrases."""
    parts = [f"plainto_tsquery('{CONFIG}', %s)"]
    parts += [f"phraseto_tsquery('{CONFIG}', %s)" for _ in term.phrases]
    return "(" + " || ".join(parts) + ")", [term.word, *term.phrases]


def _any_query(terms: list[Term]) -> tuple[str, list[str]]:
    """A tsquery for any of the terms: what a row must hold to be read at all."""
    made = [_term_query(t) for t in terms]
    return "(" + " || ".join(sql for sql, _ in made) + ")", [p for _, ps in made for p in ps]


def _visible(user: Any) -> tuple[str, list[Any]] | None:
    """Rows of plan text carry their plan; only those of plans the user may read match. None for
    someone who may read nothing."""
    if not getattr(user, "is_authenticated", False):
        return None
    plans, params = ActionPlan.objects.visible_to(user).values("pk").query.sql_with_params()
    return f"obj_id IS NOT NULL AND (plan_id IS NULL OR plan_id IN ({plans}))", list(params)


def hits(terms: list[Term], *, user: Any) -> list[tuple[str, int, float, str]]:
    """(kind, pk, score, "") of each record matching every term, scored by its best row; a term
    may be met by the record's own text or by a visible plan's text about it. Snippets come from
    snippets(), for the records shown."""
    visible = _visible(user)
    if visible is None or not terms:
        return []
    where, where_params = visible
    any_sql, any_params = _any_query(terms)
    having, having_params = [], []
    # With one term, the WHERE already asks for it: a HAVING would test every row again.
    for term in terms if len(terms) > 1 else []:
        # A word the english configuration drops ("the") asks for nothing, as in one tsquery.
        sql, params = _term_query(term)
        having.append(f"(numnode({sql}) = 0 OR bool_or(vector @@ {sql}))")
        having_params += params + params
    # Only constant SQL is joined here; what was typed travels as parameters.
    query = (
        f"SELECT kind, obj_id, max(ts_rank(vector, {any_sql})) FROM search_document "  # noqa: S608
        f"WHERE vector @@ {any_sql} AND {where} GROUP BY kind, obj_id "
        + (f"HAVING {' AND '.join(having)}" if having else "")
    )
    with connection.cursor() as cursor:
        cursor.execute(query, [*any_params, *any_params, *where_params, *having_params])
        rows = cursor.fetchall()
    return [(kind, int(pk), float(score), "") for kind, pk, score in rows]


def snippets(
    terms: list[Term], keys: list[tuple[str, int]], *, user: Any
) -> dict[tuple[str, int], str]:
    """The marked passages of each record's matching rows (best first), for the records given
    only: ts_headline reads the whole text, so it is never run for records a page does not show."""
    visible = _visible(user)
    if visible is None or not keys or not terms:
        return {}
    where, where_params = visible
    any_sql, any_params = _any_query(terms)
    # Only constant SQL is joined here; what was typed travels as parameters.
    query = (
        f"SELECT kind, obj_id, ts_headline('{CONFIG}', string_agg(body, ' ' "  # noqa: S608
        f"ORDER BY ts_rank(vector, {any_sql}) DESC, id), {any_sql}, %s) FROM search_document "
        "WHERE (kind, obj_id) IN (SELECT * FROM unnest(%s::text[], %s::bigint[])) "
        f"AND vector @@ {any_sql} AND {where} GROUP BY kind, obj_id"
    )
    params: list[Any] = [
        *any_params,
        *any_params,
        HEADLINE,
        [k for k, _ in keys],
        [pk for _, pk in keys],
    ]
    params += [*any_params, *where_params]
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        return {(kind, int(pk)): snippet for kind, pk, snippet in cursor.fetchall()}
