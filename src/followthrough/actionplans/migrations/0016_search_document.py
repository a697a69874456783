"""The full-text index search reads on PostgreSQL: a table of recommendations, practice examples,
findings and plan text with a stored tsvector under a GIN index, kept in step by triggers and
filled here. SQLite keeps its FTS5 table (0013); docs/decisions/0007-search.md."""

from django.db import migrations

from followthrough.actionplans.search_index_pg import create, drop


class Migration(migrations.Migration):
    dependencies = [
        ("actionplans", "0015_history_version_index"),
        ("inspections", "0009_history_version_index"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
