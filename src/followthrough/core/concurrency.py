"""Optimistic concurrency for every versioned record: a form carries the version it was opened
on, and a save made against an older one is refused with the colleague's version kept."""

from __future__ import annotations

from typing import Any, TypeVar

from django.db import models

Record = TypeVar("Record", bound=models.Model)


class StaleEdit(Exception):
    """Someone saved the record after this form was opened; their version is kept."""

    def __init__(self, current: Any) -> None:
        super().__init__("changed by someone else")
        self.current = current


def locked_for_edit(record: Record, version: int | None) -> Record:
    """The record as saved, locked for this transaction; StaleEdit if the form that changes it
    was opened on an older version."""
    # `_default_manager` is `objects` on every versioned model, the only manager each declares.
    current = type(record)._default_manager.select_for_update().get(pk=record.pk)
    if current.version != version:  # type: ignore[attr-defined]  # versioned models all have it
        raise StaleEdit(current)
    return current
