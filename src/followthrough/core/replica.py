"""Reporting's dashboards read from a read replica when one is configured (DATABASE_REPLICA_URL):
only reads asked for with `replica_reads`, never inside a transaction, never a write."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.db import connections

DEFAULT, REPLICA = "default", "replica"

_asked: ContextVar[bool] = ContextVar("replica_reads", default=False)


@contextmanager
def replica_reads() -> Iterator[None]:
    """Reads of models inside this block may come from the replica (a page's data may then be a
    moment behind what was just saved: only dashboards ask for it)."""
    token = _asked.set(True)
    try:
        yield
    finally:
        _asked.reset(token)


def reads_from_replica(view: Callable[..., Any]) -> Callable[..., Any]:
    """A read-only view whose queries, rendering included, may come from the replica."""

    @functools.wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        with replica_reads():
            return view(*args, **kwargs)

    return wrapped


def read_alias() -> str:
    """Where a read goes now: the replica if there is one and it was asked for, unless the default
    database is inside a transaction (which must read what it wrote). A test mirror is the test's
    own database, as is a replica pointed at the primary itself (CI does): they are read through
    default's connection, which sees the transaction a test runs in."""
    if not _asked.get() or REPLICA not in settings.DATABASES:
        return DEFAULT
    if connections[DEFAULT].in_atomic_block:
        return DEFAULT
    if _replica_is_the_primary():
        return DEFAULT
    return REPLICA


def _replica_is_the_primary() -> bool:
    return _same_database(connections[REPLICA].settings_dict, connections[DEFAULT].settings_dict)


def _same_database(one: dict[str, Any], other: dict[str, Any]) -> bool:
    return all(one.get(key) == other.get(key) for key in ("ENGINE", "NAME", "HOST", "PORT"))


class ReplicaRouter:
    """Installed only when DATABASE_REPLICA_URL is set; every write, and every migration, goes to
    the default database, the system of record."""

    def db_for_read(self, model: type, **hints: Any) -> str:
        return read_alias()

    def db_for_write(self, model: type, **hints: Any) -> str:
        return DEFAULT

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool:
        return True

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db == DEFAULT
