"""The guardrails cover what they claim: mypy's `files` patterns reach every module that must be
type-checked, so a new app's services, selectors or access module cannot be left out."""

import glob
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "followthrough"

# Module names (or package names) whose every module mypy must check, wherever they appear.
CHECKED_NAMES = {"services", "selectors", "access"}


def mypy_patterns() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    return list(config["tool"]["mypy"]["files"])


def expand(pattern: str) -> set[Path]:
    # mypy expands each entry with glob.glob(..., recursive=True) from where it runs: the root.
    return {(ROOT / p).resolve() for p in glob.glob(str(ROOT / pattern), recursive=True)}


def must_be_checked() -> set[Path]:
    modules = set()
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        if "migrations" in relative.parts:
            continue
        names = {path.stem, *relative.parts[:-1]}
        if names & CHECKED_NAMES or relative.parts[:2] == ("ingest", "extract"):
            modules.add(path.resolve())
    return modules


def test_mypy_checks_every_services_selectors_access_and_extract_module():
    required = must_be_checked()
    # The layout this guards: if these vanish the walk above has stopped finding anything.
    assert PACKAGE / "ingest" / "extract" / "__init__.py" in required
    assert PACKAGE / "ingest" / "services.py" in required
    checked = set().union(*(expand(p) for p in mypy_patterns()))
    missing = sorted(str(p.relative_to(ROOT)) for p in required - checked)
    assert not missing, f"not matched by [tool.mypy] files in pyproject.toml: {missing}"


def test_every_mypy_files_pattern_matches_a_module():
    # mypy stops at an entry naming no file ("Cannot read file") before checking anything.
    stale = [p for p in mypy_patterns() if not expand(p)]
    assert not stale, f"[tool.mypy] files entries matching nothing: {stale}"


def test_make_installs_quietly_so_its_own_messages_come_first():
    """pip at -qq prints errors only: the warnings a machine's pip configuration can produce
    (95 lines of them on one) do not bury what `make demo` says."""
    installs = [
        line for line in (ROOT / "Makefile").read_text().splitlines() if "pip install" in line
    ]
    assert installs and all("--quiet --quiet" in line for line in installs)
