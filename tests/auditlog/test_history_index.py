"""The audit trail compares each version of a record with the one before it. Without an index on
(record, date) that look-up reads every version of the record, and a national trail's download
took minutes (benchmarks/audit_export.py)."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db import connection
from simple_history.models import registered_models

from followthrough.actionplans.models import Action


def test_every_history_table_indexes_a_records_versions_by_date() -> None:
    histories = [m.history.model for m in apps.get_models() if m in registered_models.values()]
    missing = [
        history._meta.label
        for history in histories
        if ("id", "history_date") not in [tuple(index.fields) for index in history._meta.indexes]
    ]
    assert len(histories) > 30 and not missing


@pytest.mark.django_db
def test_the_version_before_is_found_through_the_index() -> None:
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's plan names the index; PostgreSQL may scan a table this small")
    history = Action.history.model
    earlier = (
        history.objects.filter(id=1, history_date__lt="2026-01-01")
        .order_by("-history_date")
        .values("history_id")[:1]
    )
    with connection.cursor() as cursor:
        sql, params = earlier.query.sql_with_params()
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = " ".join(str(row) for row in cursor.fetchall())
    assert "action_hv_" in plan
