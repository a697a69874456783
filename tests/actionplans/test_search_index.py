"""The SQLite search index survives a migration that rebuilds one of its tables: the triggers
that keep it in step are made again after migrate, and what changed meanwhile is indexed."""

from __future__ import annotations

import pytest
from django.db import connection

from followthrough.actionplans.search_index import index_ensure
from followthrough.inspections.models import Recommendation

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="PostgreSQL searches without an index table"
)


def _triggers() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        return {row[0] for row in cursor.fetchall() if row[0].startswith("search_")}


def _indexed(word: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM search_index WHERE search_index MATCH %s", [word])
        return cursor.fetchone()[0]


def test_a_dropped_trigger_is_made_again_and_the_index_caught_up(sample_plan):
    assert len(_triggers()) == 16
    assert index_ensure(connection) is False
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER search_recommendation_au")
    rec = Recommendation.objects.first()
    rec.text = "Tune every zyxophone before the concert"
    rec.save()
    assert _indexed("zyxophone") == 0  # the write the missing trigger missed
    assert index_ensure(connection) is True
    assert len(_triggers()) == 16
    assert _indexed("zyxophone") == 1


def test_points_written_as_plain_strings_are_indexed(sample_plan):
    rec = Recommendation.objects.first()
    rec.items = ["publish the quaverly timetable"]
    rec.save()
    assert _indexed("quaverly") == 1
    assert rec.summary
