"""The full-text index search reads on SQLite: an FTS5 table of recommendations, practice
examples, findings and plan text, kept in step by triggers. PostgreSQL needs no table: it reads
the records' text into tsvectors as it searches (docs/decisions/0007-search.md)."""

from django.db import migrations

# Each source: its table, the kind of record found, the record's id, the plan the text belongs
# to (NULL for a report's own text) and the text itself, all read from the row `r`.
SOURCES = {
    "recommendation": (
        "inspections_recommendation",
        "'recommendation'",
        "r.id",
        "NULL",
        "r.text || ' ' || r.addressee_text || ' ' || coalesce((SELECT group_concat("
        "json_extract(i.value, '$.text'), ' ') FROM json_each(r.items) i), '')",
    ),
    "practice": (
        "inspections_practiceexample",
        "'practice'",
        "r.id",
        "NULL",
        "r.title || ' ' || r.service || ' ' || r.text",
    ),
    "finding": (
        "inspections_finding",
        "'finding'",
        "r.id",
        "NULL",
        "r.section || ' ' || r.lead_in || ' ' || r.statement",
    ),
    "response": (
        "actionplans_response",
        "'recommendation'",
        "r.recommendation_id",
        "r.action_plan_id",
        "r.narrative || ' ' || r.agreed_part",
    ),
    "action": (
        "actionplans_action",
        "'recommendation'",
        "(SELECT recommendation_id FROM actionplans_response WHERE id = r.response_id)",
        "(SELECT action_plan_id FROM actionplans_response WHERE id = r.response_id)",
        "r.description || ' ' || r.owner_text",
    ),
}


def _insert(src: str, row: str) -> str:
    table, kind, obj, plan, body = SOURCES[src]
    select = (
        f"SELECT {body.replace('r.', row + '.')}, {kind}, {obj.replace('r.', row + '.')}, "
        f"{plan.replace('r.', row + '.')}, '{src}', {row}.id"
    )
    # Constant SQL only: the tables and columns above, nothing anyone typed.
    source = select + ";" if row == "new" else f"{select} FROM {table} {row};"
    return f"INSERT INTO search_index (body, kind, obj_id, plan_id, src, src_id) {source}"  # noqa: S608


def _statements() -> list[str]:
    sql = [
        "CREATE VIRTUAL TABLE search_index USING fts5(body, kind UNINDEXED, obj_id UNINDEXED, "
        "plan_id UNINDEXED, src UNINDEXED, src_id UNINDEXED, tokenize = 'porter unicode61')"
    ]
    for src, (table, *_rest) in SOURCES.items():
        sql.append(_insert(src, "r"))
        delete = f"DELETE FROM search_index WHERE src = '{src}' AND src_id = old.id;"  # noqa: S608
        sql += [
            f"CREATE TRIGGER search_{src}_ai AFTER INSERT ON {table} BEGIN {_insert(src, 'new')} END",
            f"CREATE TRIGGER search_{src}_au AFTER UPDATE ON {table} BEGIN {delete} "
            f"{_insert(src, 'new')} END",
            f"CREATE TRIGGER search_{src}_ad AFTER DELETE ON {table} BEGIN {delete} END",
        ]
    # A response moved to another recommendation or plan takes its actions' text with it.
    sql.append(
        "CREATE TRIGGER search_response_moved AFTER UPDATE OF recommendation_id, action_plan_id "
        "ON actionplans_response BEGIN UPDATE search_index SET obj_id = new.recommendation_id, "
        "plan_id = new.action_plan_id WHERE src = 'action' AND src_id IN "
        "(SELECT id FROM actionplans_action WHERE response_id = new.id); END"
    )
    return sql


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in _statements():
            schema_editor.execute(statement, params=None)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for src in SOURCES:
            for suffix in ("ai", "au", "ad"):
                schema_editor.execute(f"DROP TRIGGER IF EXISTS search_{src}_{suffix}", params=None)
        schema_editor.execute("DROP TRIGGER IF EXISTS search_response_moved", params=None)
        schema_editor.execute("DROP TABLE IF EXISTS search_index", params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("actionplans", "0012_evidence_file"),
        ("inspections", "0007_recommendation_text_corrected"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
