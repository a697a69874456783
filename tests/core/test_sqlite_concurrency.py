"""The embedded SQLite database takes concurrent writers: eight saves of the same action at once
give one save and seven stale-version refusals, never "database is locked" (issue 12, item 5).
Real threads against a real file database, in a process of its own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

HERE = Path(__file__).resolve().parent


ON_SQLITE = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the embedded default is SQLite"
)


def run_script(name: str, tmp_path: Path) -> str:
    """Run one of the scripts beside this file in a process of its own, against a fresh file
    database in tmp_path; its one line of output."""
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'concurrent.sqlite3'}",
        "FOLLOWTHROUGH_VAR_DIR": str(tmp_path),
        "PYTHONPATH": str(HERE.parent.parent),
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, str(HERE / name)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


@ON_SQLITE
def test_eight_concurrent_saves_give_one_save_and_seven_refusals(tmp_path):
    out = run_script("sqlite_writers.py", tmp_path)
    assert out.startswith("saved=1 stale=7 failed=0"), out


@ON_SQLITE
def test_eight_simultaneous_posts_of_one_form_make_one_update(tmp_path):
    """Issue 12, item 7, under real concurrency: the one-time token is claimed in the post's own
    transaction, so posts that arrive together wait for the first and then find it."""
    out = run_script("double_posts.py", tmp_path)
    assert out.strip() == "updates=1 codes=" + ",".join(["302"] * 8), out
