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


def hits(terms: list[Term], *, plan_ids: list[int]) -> list[tuple[str, int, float, str]]:
    """(kind, pk, score, snippet) of each record matching every term, best row per record; a
    term may be met by the record's own text or by a visible plan's text about it."""
    visible = json.dumps(plan_ids)
    any_term = " OR ".join(
        "(" + " OR ".join(_quoted(alt) for alt in t.alternatives) + ")" for t in terms
    )
    sql = [
        "SELECT kind, obj_id, bm25(search_index),",
        " snippet(search_index, 0, char(2), char(3), '…', 30) FROM search_index",
        f" WHERE search_index MATCH %s AND {_VISIBLE}",
    ]
    params: list[str] = [any_term, visible]
    for term in terms:
        # Only constant SQL is joined here; what was typed travels as parameters.
        sql.append(
            " AND (kind, obj_id) IN (SELECT kind, obj_id FROM search_index"  # noqa: S608
            f" WHERE search_index MATCH %s AND {_VISIBLE})"
        )
        params += [match_expression([term]), visible]
    with connection.cursor() as cursor:
        cursor.execute("".join(sql), params)
        rows = cursor.fetchall()
    best: dict[tuple[str, int], tuple[str, int, float, str]] = {}
    for kind, pk, bm25, snippet in rows:
        score = -float(bm25)
        if (kind, pk) not in best or score > best[(kind, pk)][2]:
            best[(kind, pk)] = (kind, int(pk), score, snippet)
    return list(best.values())
