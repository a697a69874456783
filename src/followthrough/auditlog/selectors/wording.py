"""The audit trail in words: field names as labels, stored values as people write them, event
codes as sentences. Nothing here queries the database."""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models

HASH_RE = re.compile(r"^[0-9a-f]{32,}$")
TOKEN_RE = re.compile(r"^[a-z]+(_[a-z]+)*$")

# Events whose code does not read well word by word.
EVENT_SENTENCES = {
    "accounts.user.signed_in": "Signed in",
    "accounts.user.signed_out": "Signed out",
    "accounts.user.second_factor_added": "Added a second sign-in step",
    "accounts.user.second_factor_verified": "Confirmed a second sign-in step",
    "audits.set_built": "Criteria set built from a report",
    "audits.set_imported": "Criteria set imported",
    "audits.set_published": "Criteria set published",
    "audits.set_versioned": "New version of a criteria set started",
    "ingest.review.started": "Import checked before saving",
    "ingest.review.committed": "Checked import saved",
    "ingest.review.discarded": "Checked import discarded",
}


def words(token: str) -> str:
    """A stored code as words: "partly_agreed" → "Partly agreed"."""
    return token.replace("_", " ").strip().capitalize()


def event_sentence(code: str) -> str:
    """What happened, from an event's code: "ingest.action_plan.created" → "Action plan created
    from an imported document"."""
    if code in EVENT_SENTENCES:
        return EVENT_SENTENCES[code]
    parts = code.split(".")
    if len(parts) < 2:
        return words(code)
    verb = parts[-1].replace("_", " ")
    noun = parts[-2] if len(parts) > 2 else parts[0].removesuffix("s")
    sentence = f"{words(noun)} {verb}"
    if parts[0] == "ingest":
        sentence += " from an imported document"
    return sentence


def worded(value: Any) -> str:
    """A stored value as people write it: no Python lists, dicts or 64-character hashes."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dict):
        return "; ".join(f"{words(k)}: {worded(v) or '–'}" for k, v in value.items())
    if isinstance(value, list | tuple | set):
        return ", ".join(worded(v) for v in value) or "none"
    text = str(value)
    if HASH_RE.match(text):
        return text[:12] + "…"
    if TOKEN_RE.match(text):
        return words(text)
    return text


def event_changes(data: dict[str, Any]) -> list[tuple[str, str, str]]:
    """An event's data as (label, before, after) rows: "before" and "after" dicts pair up key by
    key, {"from": …, "to": …} values become one change."""
    data = dict(data)
    data.pop("via", None)  # how the change came in is the entry's reason (event_reason)
    before = data.pop("before", None)
    after = data.pop("after", None)
    rows: list[tuple[str, str, str]] = []
    if isinstance(before, dict):
        later = after if isinstance(after, dict) else data
        for key, old in before.items():
            rows.append((words(key), worded(old), worded(later.pop(key, None))))
    elif before is not None:
        rows.append(("Before", "", worded(before)))
    if "from" in data or "to" in data:
        rows.append(("Change", worded(data.pop("from", None)), worded(data.pop("to", None))))
    for key, value in sorted(data.items()):
        if isinstance(value, dict) and {"from", "to"} >= set(value):
            rows.append((words(key), worded(value.get("from")), worded(value.get("to"))))
        else:
            rows.append((words(key), "", worded(value)))
    return rows


def event_reason(data: dict[str, Any]) -> str:
    """What an event's entry gives as its reason: that it was made through the API, if so."""
    return "Through the API" if data.get("via") == "api" else ""


def field_label(model: type[models.Model], attname: str) -> str:
    """A history field's label: its verbose name, "source_id" → "Source"."""
    try:
        field = model._meta.get_field(attname.removesuffix("_id"))
    except FieldDoesNotExist:  # a field since removed still has a readable name
        return words(attname.removesuffix("_id"))
    return str(getattr(field, "verbose_name", "") or words(attname)).capitalize()


def field_value(model: type[models.Model], attname: str, value: Any) -> str:
    """A history value in words: a choice by its label, anything else as worded() says."""
    try:
        field = model._meta.get_field(attname)
    except FieldDoesNotExist:
        return worded(value)
    choices = dict(getattr(field, "flatchoices", None) or [])
    if isinstance(value, str | int) and value in choices:
        return str(choices[value])
    return worded(value)
