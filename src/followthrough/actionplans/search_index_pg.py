"""The PostgreSQL full-text index search reads: a table `search_document` of the same rows as
SQLite's `search_index` (one per recommendation, practice example, finding, response and action:
its kind, the record found, the plan the text belongs to, the text) with a stored `tsvector`
under a GIN index, kept in step by PL/pgSQL triggers on the five tables, so every write path
(services, ingest, the admin, `QuerySet.update`, a flush's TRUNCATE) is covered with no code to
remember. PostgreSQL keeps a table's triggers when a migration alters it; a migration that drops
or renames a column read here must remake them (docs/decisions/0007-search.md)."""

from __future__ import annotations

from typing import Any

ITEMS = (
    "coalesce((SELECT string_agg(CASE jsonb_typeof(i) WHEN 'object' THEN i ->> 'text' "
    "ELSE i #>> '{}' END, ' ') FROM jsonb_array_elements(CASE jsonb_typeof(r.items) "
    "WHEN 'array' THEN r.items ELSE '[]'::jsonb END) i), '')"
)

# Each source: its table, the kind of record found, the record's id, the plan the text belongs
# to (NULL for a report's own text) and the text itself, all read from the row `r`; as on SQLite
# (search_index.py).
SOURCES = {
    "recommendation": (
        "inspections_recommendation",
        "'recommendation'",
        "r.id",
        "NULL",
        f"concat_ws(' ', r.text, r.addressee_text, {ITEMS})",
    ),
    "practice": (
        "inspections_practiceexample",
        "'practice'",
        "r.id",
        "NULL",
        "concat_ws(' ', r.title, r.service, r.text)",
    ),
    "finding": (
        "inspections_finding",
        "'finding'",
        "r.id",
        "NULL",
        "concat_ws(' ', r.section, r.lead_in, r.statement)",
    ),
    "response": (
        "actionplans_response",
        "'recommendation'",
        "r.recommendation_id",
        "r.action_plan_id",
        "concat_ws(' ', r.narrative, r.agreed_part)",
    ),
    "action": (
        "actionplans_action",
        "'recommendation'",
        "(SELECT recommendation_id FROM actionplans_response WHERE id = r.response_id)",
        "(SELECT action_plan_id FROM actionplans_response WHERE id = r.response_id)",
        "concat_ws(' ', r.description, r.owner_text)",
    ),
}

TABLE = [
    "CREATE TABLE IF NOT EXISTS search_document (id bigserial PRIMARY KEY, "
    "src text NOT NULL, src_id bigint NOT NULL, kind text NOT NULL, obj_id bigint, "
    "plan_id bigint, body text NOT NULL, "
    "vector tsvector GENERATED ALWAYS AS (to_tsvector('english', body)) STORED)",
    "CREATE UNIQUE INDEX IF NOT EXISTS search_document_src ON search_document (src, src_id)",
    "CREATE INDEX IF NOT EXISTS search_document_obj ON search_document (kind, obj_id)",
    "CREATE INDEX IF NOT EXISTS search_document_vector ON search_document USING gin (vector)",
]


def _select(src: str, row: str) -> str:
    table, kind, obj, plan, body = SOURCES[src]
    # Constant SQL only: the tables and columns above, nothing anyone typed.
    select = (
        f"SELECT '{src}', {row}.id, {kind}, {obj.replace('r.', row + '.')}, "
        f"{plan.replace('r.', row + '.')}, {body.replace('r.', row + '.')}"
    )
    return select if row == "new" else f"{select} FROM {table} {row}"


def _insert(src: str, row: str) -> str:
    return "INSERT INTO search_document (src, src_id, kind, obj_id, plan_id, body) " + _select(
        src, row
    )


def _fill() -> list[str]:
    return ["DELETE FROM search_document"] + [_insert(src, "r") for src in SOURCES]


def _functions() -> dict[str, str]:
    """Each trigger function by name, with the statement that makes it."""
    made = {}
    for src in SOURCES:
        delete = f"DELETE FROM search_document WHERE src = '{src}'"  # noqa: S608
        made[f"search_{src}_row"] = (
            "BEGIN "
            f"IF TG_OP IN ('UPDATE', 'DELETE') THEN {delete} AND src_id = old.id; END IF; "
            f"IF TG_OP IN ('INSERT', 'UPDATE') THEN {_insert(src, 'new')}; END IF; "
            "RETURN NULL; END"
        )
        made[f"search_{src}_truncate"] = f"BEGIN {delete}; RETURN NULL; END"
    # A response moved to another recommendation or plan takes its actions' text with it.
    made["search_response_moved"] = (
        "BEGIN UPDATE search_document SET obj_id = new.recommendation_id, "
        "plan_id = new.action_plan_id WHERE src = 'action' AND src_id IN "
        "(SELECT id FROM actionplans_action WHERE response_id = new.id); RETURN NULL; END"
    )
    return {
        name: f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"{body} $$"
        for name, body in made.items()
    }


def _triggers() -> dict[str, tuple[str, str]]:
    """Each trigger by name: its table, and the statement that makes it."""
    made = {}
    for src, (table, *_rest) in SOURCES.items():
        made[f"search_{src}_row"] = (
            table,
            f"AFTER INSERT OR UPDATE OR DELETE ON {table} FOR EACH ROW "
            f"EXECUTE FUNCTION search_{src}_row()",
        )
        made[f"search_{src}_truncate"] = (
            table,
            f"AFTER TRUNCATE ON {table} FOR EACH STATEMENT "
            f"EXECUTE FUNCTION search_{src}_truncate()",
        )
    made["search_response_moved"] = (
        "actionplans_response",
        "AFTER UPDATE OF recommendation_id, action_plan_id ON actionplans_response "
        "FOR EACH ROW WHEN (old.recommendation_id IS DISTINCT FROM new.recommendation_id OR "
        "old.action_plan_id IS DISTINCT FROM new.action_plan_id) "
        "EXECUTE FUNCTION search_response_moved()",
    )
    return {name: (table, f"CREATE TRIGGER {name} {body}") for name, (table, body) in made.items()}


def create(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    drops = [f"DROP TRIGGER IF EXISTS {n} ON {t}" for n, (t, _) in _triggers().items()]
    statements = [*TABLE, *_functions().values(), *drops]
    statements += [sql for _, sql in _triggers().values()] + _fill() + ["ANALYZE search_document"]
    for statement in statements:
        schema_editor.execute(statement, params=None)


def drop(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, (table, _) in _triggers().items():
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}", params=None)
    for name in _functions():
        schema_editor.execute(f"DROP FUNCTION IF EXISTS {name}()", params=None)
    schema_editor.execute("DROP TABLE IF EXISTS search_document", params=None)
