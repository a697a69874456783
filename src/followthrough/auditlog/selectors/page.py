"""One page of the audit log, newest first, and where the next, older page starts.

The log pages by key, not by number: each page ends at an entry (its time, its kind of record and
its id), and the older page holds the entries that come after it in newest-first order. A page
first reads only the time and id of the newest matching rows of each history table (by its date
index) and of the events, picks the newest of them all, and only then reads those entries whole
and compares each with the version before it. So its cost and its number of queries stay the same
however long the trail grows: a few queries per kind of record, none per entry. One query first
finds each kind's newest row in range, so a kind with none, or with none new enough to reach the
page, is not read at all.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

from django.db import connections, router
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from followthrough.core.models import DomainEvent

from . import Entry, Raw, _as_entries, _event_raw, _filters, audited_models, history_model
from .stream import _history_stream
from .visibility import _restricted_with_events, _sees_none, _visible_events, _visible_ids

EVENTS = "events"


@dataclass(frozen=True)
class Position:
    """An entry's place in the log: newest first by time, then kind of record, then id."""

    at: datetime
    source: str
    pk: int

    def token(self) -> str:
        """The position as the `older` query parameter carries it."""
        return f"{self.at.isoformat()},{self.source},{self.pk}"

    @classmethod
    def parse(cls, token: str) -> Position | None:
        """The position a token names, or None when it is not one this log gave."""
        parts = token.strip().split(",")
        if len(parts) != 3 or not parts[2].isdigit() or len(parts[2]) > 18:
            return None
        try:
            at = parse_datetime(parts[0])
        except ValueError:
            return None
        if at is None or at.tzinfo is None:
            return None
        return cls(at=at, source=parts[1], pk=int(parts[2]))


@dataclass
class AuditPage:
    entries: list[Entry]
    older: Position | None  # where the next, older page starts; None on the last page


def _after(position: Position, rank: int, ranks: dict[str, int], date: str, key: str) -> Q:
    """Rows of the source ranked `rank` that come after `position` in newest-first order."""
    other = ranks.get(position.source, -1)
    if rank < other:
        return Q(**{f"{date}__lte": position.at})
    if rank > other:
        return Q(**{f"{date}__lt": position.at})
    return Q(**{f"{date}__lte": position.at}) & (
        Q(**{f"{date}__lt": position.at}) | Q(**{date: position.at, f"{key}__lt": position.pk})
    )


def audit_page(
    *,
    user: Any,
    since: datetime | None = None,
    until: datetime | None = None,
    user_id: int | None = None,
    model_label: str | None = None,
    older_than: Position | None = None,
    size: int = 100,
) -> AuditPage:
    """The `size` newest entries the reader may see that match the filters, after `older_than`
    when given: the entries the CSV download of the same filters holds, page by page."""
    history_filter, event_filter = _filters(since, until, user_id)
    # Ties in time are ordered by the kind of record (events last), then by id, newest first.
    models = {m._meta.label: m for m in audited_models()}
    ranks = {label: i for i, label in enumerate([*models, EVENTS])}
    known: dict[str, Any] = {}  # each record's visibility built once for this page
    sources = [
        label
        for label, model in models.items()
        if model_label in (None, "", label) and not _sees_none(model, user)
    ]
    if model_label in (None, "", EVENTS):
        sources.append(EVENTS)
    bounds = _newest(sources, models, since, until, older_than)
    keys: list[tuple[datetime, int, int]] = []
    where: list[Any]
    # The sources whose newest row in range is newest first: once a page and one more are
    # found, a source whose newest row is older than all of them has nothing for this page.
    for label in sorted(bounds, key=lambda found: (bounds[found], ranks[found]), reverse=True):
        if len(keys) > size and bounds[label] < sorted(keys, reverse=True)[size][0]:
            break
        if label == EVENTS:
            visible_events = _visible_events(user, known, present=_restricted_with_events())
            where = [event_filter, visible_events]
            if older_than is not None:
                where.append(_after(older_than, ranks[EVENTS], ranks, "at", "id"))
            newest = DomainEvent.objects.filter(*where).order_by("-at", "-id")
            keys += [
                (at, ranks[EVENTS], pk) for at, pk in newest.values_list("at", "id")[: size + 1]
            ]
            continue
        model = models[label]
        # One filter() of everything: each further call copies the query, visibility and all.
        where = [history_filter]
        if older_than is not None:
            where.append(_after(older_than, ranks[label], ranks, "history_date", "history_id"))
        visible = _visible_ids(model, user, known)
        if visible is not None:
            where.append(Exists(visible.filter(pk=OuterRef("id"))))
        rows = (
            history_model(model)
            .objects.filter(*where)
            .order_by("-history_date", "-history_id")
            .values_list("history_date", "history_id")
        )
        keys += [(at, ranks[label], pk) for at, pk in rows[: size + 1]]
    keys.sort(reverse=True)
    shown = keys[:size]
    labels = [*models, EVENTS]
    older = None
    if len(keys) > size:
        at, rank, pk = shown[-1]
        older = Position(at=at, source=labels[rank], pk=pk)
    return AuditPage(entries=_entries(user, shown, models, labels), older=older)


def _newest(
    sources: list[str],
    models: dict[str, Any],
    since: datetime | None,
    until: datetime | None,
    older_than: Position | None,
) -> dict[str, datetime]:
    """The time of each source's newest row in the date range, in one query (an index seek a
    source), leaving out the sources with none: a bound on what the source can add to a page,
    before any filter by user or visibility."""
    tables = {
        label: (DomainEvent._meta.db_table, "at")
        if label == EVENTS
        else (history_model(models[label])._meta.db_table, "history_date")
        for label in sources
    }
    if not tables:
        return {}
    connection = connections[router.db_for_read(DomainEvent) or "default"]
    quote = connection.ops.quote_name
    ends = [(">=", since), ("<=", until), ("<=", older_than.at if older_than else None)]
    limits = [(op, connection.ops.adapt_datetimefield_value(at)) for op, at in ends if at]
    parts: list[str] = []
    params: list[Any] = []
    for table, column in tables.values():
        where = " AND ".join(f"{quote(column)} {op} %s" for op, _ in limits) or "1 = 1"
        # Table and column names come from the models, never from a request.
        parts.append(
            f"(SELECT {quote(column)} FROM {quote(table)} WHERE {where}"  # noqa: S608
            f" ORDER BY {quote(column)} DESC LIMIT 1)"
        )
        params += [at for _, at in limits]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(parts)}", params)
        row = cursor.fetchone()
    return {label: _aware(at) for label, at in zip(tables, row, strict=True) if at is not None}


def _aware(value: Any) -> datetime:
    """A time as the database gave it back (SQLite gives text, in UTC) as an aware datetime."""
    at = cast(datetime, parse_datetime(value) if isinstance(value, str) else value)
    return at if timezone.is_aware(at) else timezone.make_aware(at, UTC)


def _entries(
    user: Any,
    shown: list[tuple[datetime, int, int]],
    models: dict[str, Any],
    labels: list[str],
) -> list[Entry]:
    """The entries at these positions read whole, each compared with the version before it."""
    ids: dict[int, list[int]] = defaultdict(list)
    for _, rank, pk in shown:
        ids[rank].append(pk)
    found: dict[tuple[int, int], Raw] = {}
    rows: Iterator[Raw]
    for rank, pks in ids.items():
        wanted = len(pks) + 1
        if labels[rank] == EVENTS:
            # Chosen above among the events the reader may see: read as they are.
            events = DomainEvent.objects.filter(id__in=pks).select_related("content_type")
            rows = (_event_raw(e) for e in events.order_by("-at", "-id"))
        else:
            model = models[labels[rank]]
            rows = _history_stream(
                model, user=user, filters=Q(history_id__in=pks), chunk_size=wanted
            )
        # Each source reads its rows newest first, the order they were chosen in.
        found.update(((rank, pk), raw) for pk, raw in zip(pks, rows, strict=False))
    return _as_entries([found[(rank, pk)] for _, rank, pk in shown if (rank, pk) in found])
