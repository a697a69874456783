"""The layout docs/architecture.md promises, checked on the source: apps depend on each other in
one recorded order, the extractors import nothing of Django, every module name in a domain app
means one thing, and no module grows past 400 lines."""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "followthrough"
ARCHITECTURE = SRC.parent.parent / "docs" / "architecture.md"

# Bottom to top: an app may import only the apps before it. `cases`, `audits` and `api` are the
# places recorded for the apps still to come.
ORDER = [
    "core",
    "organisations",
    "inspections",
    "actionplans",
    "selfassessment",
    "cases",
    "audits",
    "ingest",
    "reporting",
    "auditlog",
    "api",
    "flows",
    "web",
]

# Every module or package name a domain app may hold, each meaning one thing everywhere.
MEANINGS = {
    "apps": "the AppConfig",
    "admin": "the Django admin registrations",
    "models": "the tables, their fields and their invariants (clean)",
    "querysets": "QuerySet methods: visibility and derived state, taking today as a parameter",
    "services": "writes: <noun>_<verb>, keyword-only, validate then save; callers hold the "
    "transaction",
    "selectors": "reads: functions returning querysets or typed dataclasses pages render",
    "access": "get_<noun>_for_user and the other fetches views use: outsiders get 404",
    "rules": "the rules predicates and permissions access.py checks",
    "forms": "GOV.UK forms",
    "views": "thin views (a package once past 400 lines)",
    "urls": "URL patterns",
    "exports": "files for download built from selectors (DOCX, XLSX, CSV, PDF)",
    "templates": "templates/<app>/",
    "templatetags": "template tags",
    "management": "management/commands/: the CLI, one verb each",
    "migrations": "migrations",
    # Pure-Python domain rules, importable by the extractors without Django.
    "aliases": "organisations: the canonical bodies and the names documents use for them",
    "themes": "inspections: the keyword classifier giving recommendations their themes",
    "garbled": "inspections: whether text read from a document looks scrambled (pure Python)",
    "smart": "actionplans: the SMART advice on a tracked action",
    "search_index": "actionplans: the SQLite full-text index of report and plan text, its "
    "triggers made again after every migrate",
    "search_index_pg": "actionplans: the PostgreSQL full-text index of report and plan text, a "
    "stored tsvector under a GIN index kept in step by triggers",
    "imports": "cases: the case layout; audits: a criteria set's spreadsheet, both checked row "
    "by row before anything is written",
    "suppression": "cases: small numbers hidden so that none can be worked back (pure Python)",
    "milestones": "cases: the milestone rules, due dates and phases of a case (pure Python)",
    "board": "cases: the board pack's and national aggregates and measures, suppressed",
    "board_exports": "cases: the board pack laid out as tables, its chart, Word and PDF",
    "statistics": "audits: percentages, Wilson intervals and Cohen's kappa (pure Python)",
    "ratings": "audits: the four-point rating from case percentages by the rules (pure Python)",
    "sampling": "audits: the sample and its double-marked share, seeded (pure Python)",
    "national": "audits: a criteria set read from findings tables (pure Python)",
    "casefacts": "audits: the answers a case record already holds, offered to the auditor",
    # The importer's parts.
    "extract": "ingest: pure-Python extractors, text in, dataclasses out",
    "loaders": "ingest: write an extraction into the tables in one transaction",
    "review": "ingest: an import read and corrected before anything is stored",
    "revisions": "ingest: a revised copy of an imported plan written as its next version",
    "sample": "ingest: the generated sample the demo loads when there is no corpus",
    # Inside ingest/extract: the response table reader and how a rendering separates cells.
    "action_plan": "ingest/extract: the response table reader (a package: reader walks the "
    "rows, rows holds what a row adds, records builds the recommendation and its response)",
    "separators": "ingest/extract: a table's cells in a text rendering (tabs, pipes, spacing)",
    # Reporting's rendering of figures.
    "charts": "reporting: matplotlib charts rendered to SVG or PNG",
    "figures": "reporting: a chart with the table of its data, for pages and exports",
    # Flows: work that crosses domains.
    "reminders": "flows: the daily digest to each owning organisation",
    "escalation": "flows: the escalation ladder",
    "task_escalation": "flows: the ladder overdue tasks on children's cases climb",
    "demo": "flows: the demo's users, service and self-assessments",
    "demo_cases": "flows: the demo's synthetic resettlement cases",
    "demo_audits": "flows: the demo's case audits",
    "national_seed": "flows: the synthetic national dataset seed_national builds, from a seed",
    "tasks": "background tasks the app's worker runs, declared with core.tasks.task",
    "static": "static/<app>/: files the app serves itself (CSS, scripts)",
    "authentication": "api: who is calling (a personal token or the session), what a token's "
    "scope allows, throttling per token",
    "serializers": "api: what each endpoint returns, versioned records carrying their version",
    "problems": "api: errors as RFC 9457 problem details",
    "schema_hooks": "api: what the OpenAPI schema adds so it documents every answer the API gives",
    "schema_names": "api: the schema's names for shared or clashing choice sets",
    "filters": "api: the filters list endpoints take (django-filter)",
    "webhooks": "api: webhook endpoints an organisation's administrators register, and the "
    "signed deliveries of domain events the worker makes to them (a package: the app file set "
    "and signing)",
    "writes": "api: the write endpoints (a package: one module per family of records, running "
    "the pages' forms and the domains' services, with If-Match and Idempotency-Key)",
}

# core and web are the kernel and the chrome, not domains; their modules are listed in
# docs/architecture.md but are not held to the domain file set.
KERNEL = {"core", "web"}
MODULE_LIMIT = 400


def _module_name(path: Path) -> str:
    return ".".join(("followthrough", *path.relative_to(SRC).with_suffix("").parts))


def _imports(path: Path) -> list[tuple[str, int]]:
    """Every followthrough module the file imports, at the top or inside a function."""
    tree = ast.parse(path.read_text())
    here = _module_name(path).split(".")  # a package's __init__ counts as a module inside it
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: -node.level]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            found.append((name, node.lineno))
            found += [(f"{name}.{alias.name}", node.lineno) for alias in node.names]
    return [(name, line) for name, line in found if name.startswith("followthrough.")]


def _source_files() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if "migrations" not in p.parts)


def _app_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and (SRC / parts[1]).is_dir() else None


def _app_edges() -> dict[tuple[str, str], list[str]]:
    edges: dict[tuple[str, str], list[str]] = defaultdict(list)
    for path in SRC.rglob("*.py"):  # migrations included: they run in every deployment
        source = _app_of(_module_name(path))
        if source is None:
            continue
        for name, line in _imports(path):
            target = _app_of(name)
            if target and target != source:
                edges[(source, target)].append(f"{path.relative_to(SRC)}:{line}")
    return edges


def test_every_app_has_a_place_in_the_recorded_order() -> None:
    apps = {p.name for p in SRC.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert apps <= set(ORDER), f"add {sorted(apps - set(ORDER))} to ORDER and the docs"


def test_apps_import_only_the_apps_below_them() -> None:
    against = [
        f"{source} -> {target} ({', '.join(where[:3])})"
        for (source, target), where in sorted(_app_edges().items())
        if ORDER.index(target) > ORDER.index(source)
    ]
    assert not against, "imports against the recorded order:\n" + "\n".join(against)


def test_no_import_cycle_between_apps() -> None:
    graph: dict[str, set[str]] = defaultdict(set)
    for source, target in _app_edges():
        graph[source].add(target)
    visiting: set[str] = set()
    done: set[str] = set()

    def visit(app: str, path: list[str]) -> None:
        if app in visiting:
            pytest.fail("import cycle: " + " -> ".join([*path, app]))
        if app in done:
            return
        visiting.add(app)
        for target in sorted(graph[app]):
            visit(target, [*path, app])
        visiting.discard(app)
        done.add(app)

    for app in sorted(graph):
        visit(app, [])


def test_the_architecture_doc_states_the_same_order() -> None:
    text = ARCHITECTURE.read_text()
    stated = re.search(r"^core ←.*$", text, re.M)
    assert stated, "docs/architecture.md states the app order on one line starting 'core ←'"
    assert [part.strip() for part in stated.group(0).split("←")] == ORDER


def test_extractors_import_nothing_of_django() -> None:
    """Directly or through any followthrough module they import; the casework milestone rules
    are held to the same, so they are tested with the day fixed and no database."""
    extract = SRC / "ingest" / "extract"
    seen: set[Path] = set()
    todo = [
        *sorted(extract.rglob("*.py")),
        SRC / "cases" / "milestones.py",
        SRC / "cases" / "suppression.py",
    ]
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level:
                names = [node.module or ""]
            for name in names:
                assert not name.startswith("django"), f"{path.relative_to(SRC)} imports {name}"
        for name, _ in _imports(path):
            parts = name.split(".")[1:]
            for n in range(len(parts), 0, -1):
                candidate = SRC.joinpath(*parts[:n])
                for file in (candidate.with_suffix(".py"), candidate / "__init__.py"):
                    if file.exists():
                        todo.append(file)
                        # Importing a module runs its packages' __init__ too.
                        for parent in file.relative_to(SRC).parents:
                            init = SRC / parent / "__init__.py"
                            if init.exists():
                                todo.append(init)
                        break
                else:
                    continue
                break
    assert SRC / "core" / "targets.py" in seen, "the extractors read targets with core.targets"


def test_every_module_name_in_a_domain_app_means_one_thing() -> None:
    unknown = []
    for app in SRC.iterdir():
        if not app.is_dir() or app.name in KERNEL or app.name.startswith("__"):
            continue
        for entry in app.iterdir():
            name = entry.stem
            if name.startswith("__") or entry.suffix not in (".py", ""):
                continue
            if name not in MEANINGS:
                unknown.append(f"{app.name}/{entry.name}")
    assert not unknown, (
        "name these by the app file set, or give the name one meaning in MEANINGS and "
        f"docs/architecture.md: {unknown}"
    )


@pytest.mark.parametrize("name", sorted(MEANINGS))
def test_every_meaning_is_in_the_architecture_doc(name: str) -> None:
    assert f"`{name}" in ARCHITECTURE.read_text(), f"docs/architecture.md does not name {name}"


def test_no_module_passes_four_hundred_lines() -> None:
    """Source and tests alike; migrations are generated and exempt."""
    root = SRC.parent.parent
    files = [*_source_files(), *sorted((root / "tests").rglob("*.py"))]
    long = [
        f"{path.relative_to(root)} ({count} lines)"
        for path in files
        if (count := len(path.read_text().splitlines())) > MODULE_LIMIT
    ]
    assert not long, "split these into a package: " + ", ".join(long)


WRITES = {
    "save",
    "create",
    "get_or_create",
    "update_or_create",
    "delete",
    "bulk_create",
    "bulk_update",
    "select_for_update",
    "record_event",
}


def _read_side_modules() -> list[Path]:
    """Every selectors and views module of a domain app: they read, and writes go through
    services."""
    found = []
    for app in SRC.iterdir():
        if not app.is_dir() or app.name in KERNEL:
            continue
        for name in ("selectors", "views"):
            found += [p for p in (app / f"{name}.py",) if p.exists()]
            if (app / name).is_dir():
                found += sorted((app / name).glob("*.py"))
    return found


@pytest.mark.parametrize("path", _read_side_modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_selectors_and_views_never_write(path: Path) -> None:
    writes = [
        f"line {node.lineno}: {ast.unparse(node.func)}()"
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Call)
        and (
            (isinstance(node.func, ast.Attribute) and node.func.attr in WRITES)
            or (isinstance(node.func, ast.Name) and node.func.id in WRITES)
        )
    ]
    assert not writes, "call a service instead: " + ", ".join(writes)


@pytest.mark.parametrize(
    "path",
    [p for p in _read_side_modules() if "views" in p.parts or p.stem == "views"],
    ids=lambda p: str(p.relative_to(SRC)),
)
def test_views_query_through_selectors_and_access(path: Path) -> None:
    """A view never starts a query from a model's manager: it asks its app's selectors for what
    it shows and its access module for the record it acts on."""
    managers = [
        f"line {node.lineno}: {ast.unparse(node)}"
        for node in ast.walk(ast.parse(path.read_text()))
        if (isinstance(node, ast.Attribute) and node.attr == "objects")
        or (isinstance(node, ast.Name) and node.id in ("get_object_or_404", "get_list_or_404"))
    ]
    assert not managers, "move these reads into selectors or access: " + ", ".join(managers)


def test_every_module_imports() -> None:
    """A moved name fails here, in a second, rather than as errors across the suite."""
    import importlib

    for path in _source_files():
        name = _module_name(path).removesuffix(".__init__")
        importlib.import_module(name)


def test_permissions_are_checked_through_the_rule_itself() -> None:
    """`user.has_perm` grants an active superuser everything, past every state rule; the code
    asks `core.access.allowed`, which asks the rule (the one exception: a page-level rule with no
    record, where superusers are meant to pass)."""
    calls = [
        f"{path.relative_to(SRC)}:{node.lineno}"
        for path in _source_files()
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Attribute)
        and node.attr == "has_perm"
        and path != SRC / "core" / "access.py"
    ]
    assert not calls, "use core.access.allowed: " + ", ".join(calls)
