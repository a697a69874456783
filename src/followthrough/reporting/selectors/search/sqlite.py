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
    """(kind, pk, score, best row) of each record matching every term, scored by its best row; a
    term may be met by the record's own text or by a visible plan's text about it. No snippet:
    snippet() reads each row's text, so it is made from the best rows of the records a page shows
    only (`snippets`), found again by rowid."""
    visible = json.dumps(plan_ids)
    sql = [
        "SELECT kind, obj_id, bm25(search_index), rowid FROM search_index",
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
    best: dict[tuple[str, int], tuple[float, str]] = {}
    for kind, pk, bm25, rowid in rows:
        key, score = (kind, int(pk)), -float(bm25)
        if key not in best or score > best[key][0]:
            best[key] = (score, str(rowid))
    return [(kind, pk, score, rowid) for (kind, pk), (score, rowid) in best.items()]


def snippets(
    terms: list[Term], rows: list[tuple[str, int, str]], *, plan_ids: list[int]
) -> dict[str, str]:
    """The marked passage of each given (kind, pk, rowid): the best row of a record a page shows,
    found by rowid, so the passages cost the same however many rows match. A row is marked only
    if it is still that record's and the reader may still read its plan: a ranking kept from
    before the index was refilled (after a migration) never shows another row's text."""
    if not rows or not terms:
        return {}
    wanted = {rowid: (kind, pk) for kind, pk, rowid in rows}
    # Only constant SQL is joined here; what was typed travels as parameters.
    sql = (
        "SELECT rowid, kind, obj_id,"  # noqa: S608
        " snippet(search_index, 0, char(2), char(3), '…', 30) FROM search_index"
        " WHERE search_index MATCH %s AND rowid IN (SELECT value FROM json_each(%s))"
        f" AND {_VISIBLE}"
    )
    params = [_any_term(terms), json.dumps([int(r) for r in wanted]), json.dumps(plan_ids)]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        found = cursor.fetchall()
    return {
        str(rowid): snippet
        for rowid, kind, pk, snippet in found
        if wanted.get(str(rowid)) == (kind, int(pk))
    }
