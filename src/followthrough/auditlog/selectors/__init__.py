"""The audit trail, read back: field history of every model plus domain events, as one list.

Each model's history is fetched in two queries whatever its size (the rows in the window, then
every earlier version of the same objects to diff against), so the log's cost does not grow with
the number of entries shown.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Q
from simple_history.utils import get_history_model_for_model

from followthrough.core.models import DomainEvent
from followthrough.organisations.models import Membership

from .visibility import _visible_events, _visible_ids
from .wording import event_changes, event_reason, event_sentence, field_label, field_value

ACTIONS = {"+": "created", "~": "changed", "-": "deleted"}
LABEL_FIELDS = ("title", "name", "file_name", "owner_text", "label", "code", "date")
# Fields that change on every save and say nothing a reader needs. (A document's own text is kept
# out of its history altogether; a recommendation's or an update's text is what a reader needs.)
QUIET_FIELDS = {"updated_at", "created_at"}


@dataclass
class Entry:
    at: datetime
    user: str
    organisations: str
    model: str
    object_id: int
    object_label: str
    action: str
    changes: list[tuple[str, str, str]] = field(default_factory=list)
    reason: str = ""

    @property
    def summary(self) -> str:
        return "; ".join(f"{name}: {old or '–'} → {new or '–'}" for name, old, new in self.changes)


def audited_models() -> list[type[models.Model]]:
    """Every model that keeps field history, in a stable order."""
    return list(_audited_models())


@cache
def _audited_models() -> tuple[type[models.Model], ...]:
    # Read once: asking a model for its history builds a manager class each time (a third of
    # the log's time before this was kept).
    found = [
        m
        for m in apps.get_models()
        if getattr(m._meta, "simple_history_manager_attribute", None) == "history"
        and hasattr(m, "history")
    ]
    return tuple(sorted(found, key=lambda m: m._meta.label))


@cache
def history_model(model: type[models.Model]) -> Any:
    """The table of a model's field history (read once per model)."""
    return get_history_model_for_model(model)


def _tracked_fields(history_model: type[models.Model]) -> list[str]:
    return [
        f.attname
        for f in history_model._meta.fields
        if not f.name.startswith("history_") and f.attname not in QUIET_FIELDS and f.name != "id"
    ]


def _short(value: Any) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= 120 else text[:119] + "…"


def _history_entries(
    model: type[models.Model],
    *,
    user: Any,
    since: datetime | None,
    until: datetime | None,
    user_id: int | None,
    object_id: int | None,
    limit: int,
    history_from: datetime | None = None,
) -> list[tuple[Any, list[tuple[str, str, str]]]]:
    history = history_model(model)
    shown = Q()
    if history_from is not None and object_id:
        # The reader's history starts at history_from: the record as it stood then is the first
        # version shown, with nothing before it to compare against.
        baseline = (
            history.objects.filter(id=object_id, history_date__lt=history_from)
            .order_by("-history_date", "-history_id")
            .values_list("history_id", flat=True)
            .first()
        )
        shown = Q(history_date__gte=history_from) | Q(history_id=baseline)
    rows = history.objects.select_related("history_user").order_by("-history_date", "-history_id")
    if since:
        rows = rows.filter(history_date__gte=since)
    if until:
        rows = rows.filter(history_date__lte=until)
    if user_id:
        rows = rows.filter(history_user_id=user_id)
    if object_id:
        rows = rows.filter(id=object_id)
    rows = rows.filter(shown)
    visible = _visible_ids(model, user)
    if visible is not None:
        rows = rows.filter(id__in=visible)
    window = list(rows[:limit])
    if not window:
        return []
    names = _tracked_fields(history)
    versions: dict[int, list[Any]] = {}
    for version in history.objects.filter(shown, id__in={r.id for r in window}).order_by(
        "id", "history_date", "history_id"
    ):
        versions.setdefault(version.id, []).append(version)
    related = _related_labels(model, names, versions, user)
    out = []
    for row in window:
        chain = versions[row.id]
        index = next(i for i, v in enumerate(chain) if v.history_id == row.history_id)
        before = chain[index - 1] if index else None
        changes = []
        for name in names:
            new = getattr(row, name)
            old = getattr(before, name) if before is not None else None
            if before is None and new in (None, "", [], {}):
                continue
            if old != new:
                labels = related.get(name)
                was, now = (_shown(model, name, labels, v) for v in (old, new))
                changes.append((field_label(model, name), was, now))
        out.append((row, changes))
    return out


def _kind_of(event: DomainEvent) -> str:
    """The kind of record an event is about, as the Record column names it."""
    model = event.content_type.model_class()
    return str(model._meta.verbose_name).capitalize() if model else "Record"


def _shown(model: type[models.Model], name: str, labels: dict[Any, str] | None, value: Any) -> str:
    """A history value in words; a foreign key by the name of what it points at."""
    if labels is None:
        return _short(field_value(model, name, value))
    return "" if value is None else labels.get(value, f"record {value}")


def _related_labels(
    model: type[models.Model], names: list[str], versions: dict[int, list[Any]], user: Any
) -> dict[str, dict[Any, str]]:
    """For each foreign key in the history, the records it points at by name ("Source: 000_…
    .docx", not "source: 4"): one query per key, records the reader may not see left unnamed."""
    out: dict[str, dict[Any, str]] = {}
    for name in names:
        field = next((f for f in model._meta.concrete_fields if f.attname == name), None)
        if field is None or not field.is_relation or field.related_model is None:
            continue
        target = field.related_model
        if isinstance(target, str):
            continue
        ids = {getattr(v, name) for chain in versions.values() for v in chain} - {None}
        present = [f for f in ("username", *LABEL_FIELDS) if _has_field(target, f)]
        rows = target._default_manager.filter(pk__in=ids)
        visible = _visible_ids(target, user)
        if visible is not None:
            rows = rows.filter(pk__in=visible)
        kind = str(target._meta.verbose_name).capitalize()
        out[name] = (
            {
                row["pk"]: next((_short(row[f]) for f in present if row[f]), f"{kind} {row['pk']}")
                for row in rows.values("pk", *present)
            }
            if ids
            else {}
        )
    return out


def _has_field(model: type[models.Model], name: str) -> bool:
    return any(f.name == name for f in model._meta.concrete_fields)


def _label(row: Any) -> str:
    """A short description from the row's own fields: no query per row."""
    for name in LABEL_FIELDS:
        value = getattr(row, name, None)
        if value:
            return _short(value)
    return ""


def _organisations_of(user_ids: Iterable[int]) -> dict[int, str]:
    names: dict[int, list[str]] = {}
    for user_id, short in Membership.objects.filter(
        user_id__in=set(user_ids), is_active=True
    ).values_list("user_id", "organisation__short_name"):
        names.setdefault(user_id, []).append(short)
    return {k: ", ".join(sorted(v)) for k, v in names.items()}


# (when, user id, organisations then or None, record, id, label, action, changes, why)
Raw = tuple[datetime, int | None, str | None, str, int, str, str, list[tuple[str, str, str]], str]


def _filters(since: datetime | None, until: datetime | None, user_id: int | None) -> tuple[Q, Q]:
    """The same filters for history rows and for events, whose fields are named otherwise."""
    history_filter, event_filter = Q(), Q()
    if since:
        history_filter &= Q(history_date__gte=since)
        event_filter &= Q(at__gte=since)
    if until:
        history_filter &= Q(history_date__lte=until)
        event_filter &= Q(at__lte=until)
    if user_id:
        history_filter &= Q(history_user_id=user_id)
        event_filter &= Q(actor_id=user_id)
    return history_filter, event_filter


def _event_raw(event: DomainEvent) -> Raw:
    """An event as an entry of the log."""
    return (
        event.at,
        event.actor_id,
        None,
        _kind_of(event),
        event.object_id,
        "",
        event_sentence(event.code),
        [(k, old, _short(new)) for k, old, new in event_changes(event.data)],
        event_reason(event.data),
    )


def _entry(raw: Raw, usernames: dict[int, str], current: dict[int, str]) -> Entry:
    """An entry as shown: its user by name, and their organisations then or, for an event,
    which carries no snapshot, now."""
    at, uid, then, label, oid, obj, action, changes, why = raw
    return Entry(
        at=at,
        user=usernames.get(uid, "system") if uid else "system",
        organisations=then if then is not None else (current.get(uid, "") if uid else ""),
        model=label,
        object_id=oid,
        object_label=obj,
        action=action,
        changes=changes,
        reason=why,
    )


def _as_entries(raw: list[Raw]) -> list[Entry]:
    user_ids = {r[1] for r in raw if r[1]}
    usernames = dict(get_user_model().objects.filter(pk__in=user_ids).values_list("pk", "username"))
    current = _organisations_of(user_ids)
    return [_entry(r, usernames, current) for r in raw]


def audit_entries(
    *,
    user: Any,
    since: datetime | None = None,
    until: datetime | None = None,
    user_id: int | None = None,
    model_label: str | None = None,
    target: models.Model | None = None,
    history_from: datetime | None = None,
    limit: int = 200,
) -> list[Entry]:
    """The newest changes and events first, filtered as asked, of the records `user` may read:
    each record's history and events obey the record's own visibility."""
    raw: list[Raw] = []
    chosen = (
        [type(target)]
        if target is not None
        else [m for m in audited_models() if model_label in (None, "", m._meta.label)]
    )
    for model in chosen:
        for row, changes in _history_entries(
            model,
            user=user,
            since=since,
            until=until,
            user_id=user_id,
            object_id=target.pk if target else None,
            limit=limit,
            history_from=history_from,
        ):
            raw.append(
                (
                    row.history_date,
                    row.history_user_id,
                    getattr(row, "history_organisations", None) or None,
                    str(model._meta.verbose_name).capitalize(),
                    row.id,
                    _label(row),
                    ACTIONS.get(row.history_type, row.history_type),
                    changes,
                    row.history_change_reason or "",
                )
            )
    if model_label in (None, "", "events") or target is not None:
        events = DomainEvent.objects.order_by("-at")
        if since:
            events = events.filter(at__gte=since)
        if until:
            events = events.filter(at__lte=until)
        if user_id:
            events = events.filter(actor_id=user_id)
        if history_from is not None:
            events = events.filter(at__gte=history_from)
        if target is not None:
            events = events.filter(
                content_type__app_label=target._meta.app_label,
                content_type__model=target._meta.model_name,
                object_id=target.pk,
            )
        events = events.filter(_visible_events(user))
        raw.extend(_event_raw(e) for e in events.select_related("content_type")[:limit])
    raw.sort(key=lambda r: r[0], reverse=True)
    return _as_entries(raw[:limit])


def user_id_named(username: str) -> int | None:
    """The id of the account with this username, to filter the log by, or None."""
    return get_user_model().objects.filter(username=username).values_list("pk", flat=True).first()
