"""The SQLite full-text index search reads (PostgreSQL's is search_index_pg.py;
docs/decisions/0007-search.md). Triggers keep it in step with every write path, and because
SQLite drops a table's triggers when a migration rebuilds that table, they are made again, and
the index refilled, after every migrate."""

from __future__ import annotations

from typing import Any

# Each source: its table, the kind of record found, the record's id, the plan the text belongs
# to (NULL for a report's own text) and the text itself, all read from the row `r`.
SOURCES = {
    "recommendation": (
        "inspections_recommendation",
        "'recommendation'",
        "r.id",
        "NULL",
        "r.text || ' ' || r.addressee_text || ' ' || coalesce((SELECT group_concat("
        "CASE i.type WHEN 'object' THEN json_extract(i.value, '$.text') ELSE i.value END, ' ') "
        "FROM json_each(r.items) i), '')",
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
    return f"INSERT INTO search_index (body, kind, obj_id, plan_id, src, src_id) {source}"


TABLE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_index USING fts5(body, kind UNINDEXED, "
    "obj_id UNINDEXED, plan_id UNINDEXED, src UNINDEXED, src_id UNINDEXED, "
    "tokenize = 'porter unicode61')"
)


def _fill() -> list[str]:
    return ["DELETE FROM search_index"] + [_insert(src, "r") for src in SOURCES]


def _triggers() -> dict[str, str]:
    """Each trigger by name, with the statement that makes it."""
    made = {}
    for src, (table, *_rest) in SOURCES.items():
        delete = f"DELETE FROM search_index WHERE src = '{src}' AND src_id = old.id;"  # noqa: S608
        made[f"search_{src}_ai"] = f"AFTER INSERT ON {table} BEGIN {_insert(src, 'new')} END"
        made[f"search_{src}_au"] = (
            f"AFTER UPDATE ON {table} BEGIN {delete} {_insert(src, 'new')} END"
        )
        made[f"search_{src}_ad"] = f"AFTER DELETE ON {table} BEGIN {delete} END"
    # A response moved to another recommendation or plan takes its actions' text with it.
    made["search_response_moved"] = (
        "AFTER UPDATE OF recommendation_id, action_plan_id ON actionplans_response BEGIN "
        "UPDATE search_index SET obj_id = new.recommendation_id, plan_id = new.action_plan_id "
        "WHERE src = 'action' AND src_id IN "
        "(SELECT id FROM actionplans_action WHERE response_id = new.id); END"
    )
    return {name: f"CREATE TRIGGER {name} {body}" for name, body in made.items()}


def index_ensure(connection: Any) -> bool:
    """Make any trigger a migration dropped, and refill the index if one was missing, so no
    write is left out of search. Returns whether anything was made again."""
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
        present = {row[0] for row in cursor.fetchall()}
        if "search_index" not in present:
            return False  # not migrated this far yet
        missing = [sql for name, sql in _triggers().items() if name not in present]
        for statement in missing:
            cursor.execute(statement)
        if missing:
            for statement in _fill():
                cursor.execute(statement)
    return bool(missing)


def create(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "sqlite":
        for statement in [TABLE, *_fill(), *_triggers().values()]:
            schema_editor.execute(statement, params=None)


def drop(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "sqlite":
        for name in _triggers():
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}", params=None)
        schema_editor.execute("DROP TABLE IF EXISTS search_index", params=None)
