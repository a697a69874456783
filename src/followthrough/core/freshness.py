"""Figures every page needs, kept until the data under them changes (decision 0010).

A page's summary is cached under a fingerprint of the data it counts: the newest history row of
each table it reads, taken in one query. Every save of a tracked record writes a history row
(deletes too), so a changed fingerprint means changed data, in every process, with no signal to
miss and no counter row for writers to queue on. The cache key also holds the day (states move
with the date) and who may see what, so nobody is shown counts of records they cannot read.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.core.cache import cache
from django.db import connections, models, router
from simple_history.utils import get_history_model_for_model

T = TypeVar("T")

# A day at most: the key holds the date, so nothing outlives the day it was counted on.
TIMEOUT = 24 * 60 * 60


def fingerprint(tracked: Iterable[type[models.Model]]) -> str:
    """The newest history row of each model's history table, in one query, read from the
    database the figures are read from (a replica lags as a whole, so the two agree)."""
    first, tables = _history_tables(tuple(tracked))
    connection = connections[router.db_for_read(first) or "default"]
    quote = connection.ops.quote_name
    # Table names come from the models, never from a request.
    parts = ", ".join(f"(SELECT MAX(history_id) FROM {quote(t)})" for t in tables)  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {parts}")
        row = cursor.fetchone()
    return ".".join(str(n or 0) for n in row)


@functools.cache
def _history_tables(
    tracked: tuple[type[models.Model], ...],
) -> tuple[type[models.Model], list[str]]:
    """The first history model and every history table: finding a history model builds its
    manager class each time (milliseconds a page), and the answer never changes in a process."""
    histories = [get_history_model_for_model(model) for model in tracked]
    return histories[0], [history._meta.db_table for history in histories]


def freshness_key(name: str, *, tracked: Iterable[type[models.Model]], scope: Iterable[Any]) -> str:
    """A key that changes whenever the data under `tracked` does, or the scope: what is kept
    under it (figures, or a page's rendering of them) is never stale."""
    raw = "|".join([name, fingerprint(tracked), *(str(part) for part in scope)])
    return "fresh:" + hashlib.sha256(raw.encode()).hexdigest()


def remembered(
    name: str,
    *,
    tracked: Iterable[type[models.Model]],
    scope: Iterable[Any],
    compute: Callable[[], T],
) -> T:
    """`compute()` once per fingerprint of `tracked` and `scope` (the day, the reader's view)."""
    key = freshness_key(name, tracked=tracked, scope=scope)
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, TIMEOUT)
    return found  # type: ignore[no-any-return]


def view_of(standing: Any) -> list[str]:
    """What a reader may see, for a cache key (an organisations.access Standing): everything, or
    what is published with their own organisations' drafts."""
    if standing.sees_all_drafts:
        return ["all"]
    return [str(n) for n in sorted(standing.organisation_ids)]
