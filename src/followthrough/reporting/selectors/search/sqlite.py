"""Full-text search on SQLite: the FTS5 table `search_index`, kept in step with the records by
triggers (actionplans migration 0013), queried with bm25 ranking and snippet()."""

from __future__ import annotations

import json

from django.db import connection

from .terms import Term

START, STOP = "\x02", "\x03"

# Rows of plan text carry their plan; those of plans the user may not read never match.
_VISIBLE = "(plan_id IS NULL OR plan_id IN (SELECT value FROM json_each(%s)))"


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def match_expression(terms: list[Term]) -> str:
    """An FTS5 query: every term, each as its word or any of its phrases."""
    return " AND ".join(
        "(" + " OR ".join(_quoted(alt) for alt in term.alternatives) + ")" for term in terms
    )


def _any_term(terms: list[Term]) -> str:
    return " OR ".join(
        "(" + " OR ".join(_quoted(alt) for alt in t.alternatives) + ")" for t in terms
    )


def hits(terms: list[Term], *, plan_ids: list[int]) -> list[tuple[str, int, float, str]]:
    """(kind, pk, score, "") of each record matching every term, best row per record; a term may
    be met by the record's own text or by a visible plan's text about it. No snippet: snippet()
    reads each row's text, so it is made only for the records a page shows (`snippets`)."""
    visible = json.dumps(plan_ids)
    sql = [
        "SELECT kind, obj_id, bm25(search_index) FROM search_index",
        f" WHERE search_index MATCH %s AND {_VISIBLE}",
    ]
    params: list[str] = [_any_term(terms), visible]
    # With one term, matching it is matching every term: asking again would rank twice the rows.
    for term in terms if len(terms) > 1 else []:
        # Only constant SQL is joined here; what was typed travels as parameters.
        sql.append(
            " AND (kind, obj_id) IN (SELECT kind, obj_id FROM search_index"  # noqa: S608
            f" WHERE search_index MATCH %s AND {_VISIBLE})"
        )
        params += [match_expression([term]), visible]
    with connection.cursor() as cursor:
        cursor.execute("".join(sql), params)
        rows = cursor.fetchall()
    best: dict[tuple[str, int], float] = {}
    for kind, pk, bm25 in rows:
        key, score = (kind, int(pk)), -float(bm25)
        if key not in best or score > best[key]:
            best[key] = score
    return [(kind, pk, score, "") for (kind, pk), score in best.items()]


def snippets(
    terms: list[Term], keys: list[tuple[str, int]], *, plan_ids: list[int]
) -> dict[tuple[str, int], str]:
    """The marked passage of each given record's best matching row (the row `hits` ranked it
    by), for the records a page shows only."""
    if not keys or not terms:
        return {}
    visible = json.dumps(plan_ids)
    wanted = json.dumps([[kind, pk] for kind, pk in keys])
    # Only constant SQL is joined here; what was typed travels as parameters.
    sql = (
        "SELECT kind, obj_id, bm25(search_index),"  # noqa: S608
        " snippet(search_index, 0, char(2), char(3), '…', 30) FROM search_index"
        f" WHERE search_index MATCH %s AND {_VISIBLE} AND (kind, obj_id) IN"
        " (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(%s))"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [_any_term(terms), visible, wanted])
        rows = cursor.fetchall()
    best: dict[tuple[str, int], tuple[float, str]] = {}
    for kind, pk, bm25, snippet in rows:
        key, score = (kind, int(pk)), -float(bm25)
        if key not in best or score > best[key][0]:
            best[key] = (score, snippet)
    return {key: snippet for key, (_, snippet) in best.items()}
