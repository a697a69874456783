"""The production database settings keep connections between requests (decision 0008)."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import production_env

POSTGRES = "postgres://app@db.example:5432/followthrough"  # never connected to
SHOW = (
    "import json, django; django.setup(); from django.conf import settings; "
    "d = settings.DATABASES['default']; "
    "print(json.dumps([d['ENGINE'], d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'], "
    "d.get('OPTIONS', {}).get('pool')]))"
)


def _database(env: dict[str, str]) -> list:  # type: ignore[type-arg]
    env = {**env, "DJANGO_SETTINGS_MODULE": "followthrough.settings"}
    result = subprocess.run(
        [sys.executable, "-c", SHOW], capture_output=True, text=True, env=env, check=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_on_postgresql_keeps_connections_and_checks_them(tmp_path) -> None:
    env = {**production_env(tmp_path), "DATABASE_URL": POSTGRES}
    env.pop("DATABASE_CONN_MAX_AGE", None)
    assert _database(env) == ["django.db.backends.postgresql", 60, True, None]


def test_the_connection_lifetime_comes_from_the_environment(tmp_path) -> None:
    env = {**production_env(tmp_path, DATABASE_CONN_MAX_AGE="0"), "DATABASE_URL": POSTGRES}
    assert _database(env)[1:3] == [0, True]
