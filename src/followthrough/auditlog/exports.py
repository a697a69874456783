"""The audit trail as a CSV download, written row by row as the stream is read."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from itertools import islice
from typing import Any

from django.http import Http404

from followthrough.core.access import allowed
from followthrough.core.spreadsheets import spreadsheet_safe

from .selectors import Entry
from .selectors.stream import audit_stream

HEADER = [
    "When (UTC)",
    "User",
    "Organisations",
    "Record",
    "Record id",
    "Description",
    "Action",
    "Changes",
    "Reason",
]


class _Line:
    """A file-like object csv.writer writes one line into and hands straight back."""

    def write(self, value: str) -> str:
        return value


def audit_csv_lines(entries: Iterable[Entry]) -> Iterator[str]:
    """The header, then one CSV line per entry: nothing is held but the line being written."""
    writer = csv.writer(_Line())
    yield writer.writerow(HEADER)
    for e in entries:
        yield writer.writerow(
            [
                e.at.isoformat(timespec="seconds"),
                spreadsheet_safe(e.user),
                spreadsheet_safe(e.organisations),
                spreadsheet_safe(e.model),
                e.object_id,
                spreadsheet_safe(e.object_label),
                spreadsheet_safe(e.action),
                spreadsheet_safe(e.summary),
                spreadsheet_safe(e.reason),
            ]
        )


def audit_csv_blocks(entries: Iterable[Entry], *, lines: int = 1000) -> Iterator[bytes]:
    """The CSV in blocks of `lines` lines, UTF-8, for a streaming response: one write to the
    network per block rather than per line."""
    rows = audit_csv_lines(entries)
    while block := list(islice(rows, lines)):
        yield "".join(block).encode()


def audit_csv(entries: Iterable[Entry]) -> str:
    """The whole CSV as one string, for a record's own (short) history download."""
    return "".join(audit_csv_lines(entries))


def audit_csv_file(download: Any, today: date) -> bytes:
    """The whole CSV for a download prepared in the background, for the person who asked, with
    the filters they chose; one who can no longer read the audit log gets no file."""
    user = download.requested_by
    if not allowed(user, "organisations.read_audit_log"):
        raise Http404
    filters = dict(download.params["filters"])
    for key in ("since", "until"):
        if filters[key]:
            filters[key] = datetime.fromisoformat(filters[key])
    return b"".join(audit_csv_blocks(audit_stream(user=user, **filters)))
