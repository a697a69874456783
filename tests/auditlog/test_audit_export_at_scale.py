"""The audit export at scale: every entry arrives, as well-formed CSV, read a page at a time so
that memory and the number of queries do not grow with the number of entries."""

from __future__ import annotations

import csv
import io
import tracemalloc
from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from followthrough.organisations.models import Organisation

GENERATED = 60_000


def _generate_history(organisation: Organisation, count: int, user) -> None:  # type: ignore[no-untyped-def]
    """`count` changes to one organisation's name, one a second, written straight into its
    history table (the way a long-lived service builds them up, without 60,000 saves)."""
    history = Organisation.history.model
    first = history.objects.filter(id=organisation.pk).values().first()
    assert first is not None
    del first["history_id"]
    start = timezone.now() - timedelta(days=2)
    history.objects.bulk_create(
        [
            history(
                **{
                    **first,
                    "name": f'Generated name {n}, "quoted"\nover two lines',
                    "history_date": start + timedelta(seconds=n),
                    "history_type": "~",
                    "history_user_id": user.pk,
                }
            )
            for n in range(count)
        ],
        batch_size=5000,
    )


def _export(client, **params) -> tuple[list[list[str]], int]:  # type: ignore[no-untyped-def]
    """The export read back as CSV rows, and how many queries it took."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("auditlog:export"), params)
        body = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(body))), len(queries)


def test_every_entry_arrives_and_queries_do_not_grow_with_them(
    client, inspectorate_admin, known_bodies
) -> None:
    organisation = Organisation.objects.order_by("pk").first()
    client.force_login(inspectorate_admin)
    record = {"record": "organisations.Organisation"}
    before, few_queries = _export(client, **record)
    _generate_history(organisation, GENERATED, inspectorate_admin)
    rows, many_queries = _export(client, **record)
    assert rows[0][0] == "When (UTC)" and all(len(r) == 9 for r in rows)
    assert len(rows) == len(before) + GENERATED
    generated = [r for r in rows if r[5].startswith("Generated name")]
    assert len(generated) == GENERATED
    assert {r[1] for r in generated} == {inspectorate_admin.username}
    newest, oldest = generated[0], generated[-1]
    assert newest[5] == f'Generated name {GENERATED - 1}, "quoted"\nover two lines'
    assert oldest[5].startswith("Generated name 0,")
    assert newest[0] >= oldest[0]
    # Each change is compared with the version before it, across page boundaries too.
    assert f"Name: Generated name {GENERATED - 2}" in newest[7]
    # 60,000 entries are 30 pages of 2,000: a handful of queries a page, nothing per entry.
    assert many_queries - few_queries <= 31 * 4


def test_the_export_is_streamed_without_holding_every_entry(
    client, inspectorate_admin, known_bodies
) -> None:
    organisation = Organisation.objects.order_by("pk").first()
    _generate_history(organisation, GENERATED, inspectorate_admin)
    client.force_login(inspectorate_admin)
    response = client.get(reverse("auditlog:export"), {"record": "organisations.Organisation"})
    assert response.streaming
    tracemalloc.start()
    size = 0
    try:
        for block in response.streaming_content:
            size += len(block)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert size > GENERATED * 50
    # Holding every entry (or the whole file) would take more than the file's own size: reading
    # it holds a page of entries at a time.
    assert peak < size
