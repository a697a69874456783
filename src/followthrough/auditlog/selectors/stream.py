"""The whole audit trail as a stream, newest first, for the CSV download: every entry the reader
may see, read page by page (keyset pagination on each history table and on the events), so memory
and the number of queries per page stay the same however long the trail is.

Each page of a history table costs two queries (its rows, then the version before each row to
compare against) plus one per foreign key naming the records it points at; each page of the
stream as a whole one more for the people in it.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from datetime import datetime
from itertools import islice
from typing import Any

from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Exists, OuterRef, Q, Subquery

from followthrough.core.models import DomainEvent

from . import (
    ACTIONS,
    LABEL_FIELDS,
    Entry,
    Raw,
    _entry,
    _event_raw,
    _filters,
    _has_field,
    _organisations_of,
    _short,
    _shown,
    _tracked_fields,
    audited_models,
    history_model,
)
from .visibility import _visible_events, _visible_ids
from .wording import field_label

CHUNK_SIZE = 2000


def _older(d: datetime, pk: int, date_field: str, id_field: str) -> Q:
    """Rows strictly after (d, pk) in newest-first order: the keyset for the next page."""
    # The first term lets the database start its date index at d rather than filter from the top.
    return Q(**{f"{date_field}__lte": d}) & (
        Q(**{f"{date_field}__lt": d}) | Q(**{date_field: d, f"{id_field}__lt": pk})
    )


class _Labels:
    """The records a foreign key points at, by name, read once each; records the reader may not
    see stay unnamed ("record 4")."""

    def __init__(self, model: type[models.Model], user: Any) -> None:
        self.model, self.user = model, user
        self.known: dict[str, dict[Any, str]] = {}

    def target(self, name: str) -> type[models.Model] | None:
        """The model a history field points at, or None when it is not a foreign key."""
        field = next((f for f in self.model._meta.concrete_fields if f.attname == name), None)
        if field is None or not field.is_relation or field.related_model is None:
            return None
        target = field.related_model
        return None if isinstance(target, str) else target

    def fetch(self, name: str, target: type[models.Model], ids: set[Any]) -> dict[Any, str]:
        known = self.known.setdefault(name, {})
        missing = ids - set(known) - {None}
        if missing:
            present = [f for f in ("username", *LABEL_FIELDS) if _has_field(target, f)]
            rows = target._default_manager.filter(pk__in=missing)
            visible = _visible_ids(target, self.user)
            if visible is not None:
                rows = rows.filter(pk__in=visible)
            kind = str(target._meta.verbose_name).capitalize()
            for row in rows.values("pk", *present):
                known[row["pk"]] = next(
                    (_short(row[f]) for f in present if row[f]), f"{kind} {row['pk']}"
                )
            for pk in missing:
                known.setdefault(pk, f"record {pk}")
        return known


def _history_stream(
    model: type[models.Model], *, user: Any, filters: Q, chunk_size: int
) -> Iterator[Raw]:
    history = history_model(model)
    names = _tracked_fields(history)
    columns = [f.attname for f in history._meta.concrete_fields]
    has_orgs = "history_organisations" in columns
    rows = history.objects.filter(filters)
    visible = _visible_ids(model, user)
    if visible is not None:
        # A correlated EXISTS, not IN: the database then walks the history newest first by its
        # date index and stops at a page, instead of sorting every visible row for each page.
        rows = rows.filter(Exists(visible.filter(pk=OuterRef("id"))))
    before = (
        history.objects.filter(id=OuterRef("id"))
        .filter(
            Q(history_date__lt=OuterRef("history_date"))
            | Q(history_date=OuterRef("history_date"), history_id__lt=OuterRef("history_id"))
        )
        .order_by("-history_date", "-history_id")
        .values("history_id")[:1]
    )
    rows = rows.order_by("-history_date", "-history_id")
    kind = str(model._meta.verbose_name).capitalize()
    labels = _Labels(model, user)
    keys = {name: t for name in names if (t := labels.target(name)) is not None}
    page_of = rows
    while True:
        page = list(page_of.values(*columns)[:chunk_size])
        if not page:
            return
        # The version before a row is the next row of the same record further down the page;
        # only each record's oldest row on the page looks further back (one query a page).
        earlier: dict[int, dict[str, Any]] = {}
        oldest: dict[Any, dict[str, Any]] = {}
        for row in page:
            if row["id"] in oldest:
                earlier[oldest[row["id"]]["history_id"]] = row
            oldest[row["id"]] = row
        # Each record has one oldest row on the page, so the version found before it is the one
        # of the same record.
        wanted = history.objects.filter(
            history_id__in=[r["history_id"] for r in oldest.values()]
        ).annotate(before_id=Subquery(before))
        found = list(
            history.objects.filter(history_id__in=wanted.values("before_id")).values(*columns)
        )
        earlier.update({oldest[v["id"]]["history_id"]: v for v in found})
        related = {}
        for name, target in keys.items():
            ids = {r[name] for r in page} | {v[name] for v in found}
            related[name] = labels.fetch(name, target, ids)
        for row in page:
            previous = earlier.get(row["history_id"])
            changes = []
            for name in names:
                new = row[name]
                old = previous[name] if previous is not None else None
                if previous is None and new in (None, "", [], {}):
                    continue
                if old != new:
                    named = related.get(name)
                    was, now = (_shown(model, name, named, v) for v in (old, new))
                    changes.append((field_label(model, name), was, now))
            yield (
                row["history_date"],
                row["history_user_id"],
                (row["history_organisations"] or None) if has_orgs else None,
                kind,
                row["id"],
                next((_short(row[f]) for f in LABEL_FIELDS if row.get(f)), ""),
                ACTIONS.get(row["history_type"], row["history_type"]),
                changes,
                row["history_change_reason"] or "",
            )
        last = page[-1]
        page_of = rows.filter(
            _older(last["history_date"], last["history_id"], "history_date", "history_id")
        )
        if len(page) < chunk_size:
            return


def _event_stream(*, user: Any, filters: Q, chunk_size: int) -> Iterator[Raw]:
    events = (
        DomainEvent.objects.filter(filters)
        .filter(_visible_events(user))
        .select_related("content_type")
        .order_by("-at", "-id")
    )
    page_of = events
    while True:
        page = list(page_of[:chunk_size])
        if not page:
            return
        yield from (_event_raw(event) for event in page)
        last = page[-1]
        page_of = events.filter(_older(last.at, last.pk, "at", "id"))
        if len(page) < chunk_size:
            return


def audit_stream(
    *,
    user: Any,
    since: datetime | None = None,
    until: datetime | None = None,
    user_id: int | None = None,
    model_label: str | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> Iterator[Entry]:
    """Every entry audit_entries would show with no limit, newest first, the same filters and
    visibility, read a page at a time."""
    history_filter, event_filter = _filters(since, until, user_id)
    sources = [
        _history_stream(model, user=user, filters=history_filter, chunk_size=chunk_size)
        for model in audited_models()
        if model_label in (None, "", model._meta.label)
    ]
    if model_label in (None, "", "events"):
        sources.append(_event_stream(user=user, filters=event_filter, chunk_size=chunk_size))
    merged = heapq.merge(*sources, key=lambda r: r[0], reverse=True)
    usernames: dict[int, str] = {}
    current: dict[int, str] = {}
    while batch := list(islice(merged, chunk_size)):
        new_ids = {r[1] for r in batch if r[1]} - set(usernames)
        if new_ids:
            usernames.update(
                get_user_model().objects.filter(pk__in=new_ids).values_list("pk", "username")
            )
            current.update(_organisations_of(new_ids))
            usernames.update({uid: "system" for uid in new_ids - set(usernames)})
        for raw in batch:
            yield _entry(raw, usernames, current)
