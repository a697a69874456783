"""The full-text index search reads on SQLite: an FTS5 table of recommendations, practice
examples, findings and plan text, kept in step by triggers. PostgreSQL needs no table: it reads
the records' text into tsvectors as it searches (docs/decisions/0007-search.md)."""

from django.db import migrations

from followthrough.actionplans.search_index import create, drop


class Migration(migrations.Migration):
    dependencies = [
        ("actionplans", "0012_evidence_file"),
        ("inspections", "0007_recommendation_text_corrected"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
