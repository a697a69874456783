"""The optional read replica: dashboards' reads go to it, writes and transactions never do."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.db import connections, transaction

from followthrough.core import replica
from followthrough.core.replica import ReplicaRouter, read_alias, replica_reads

REPLICA_SETTINGS = {"ENGINE": "django.db.backends.postgresql", "NAME": "followthrough_replica"}


@pytest.fixture
def separate_replica(settings, monkeypatch):
    """A replica configured as another database (connections are not opened)."""
    settings.DATABASES = {**settings.DATABASES, "replica": REPLICA_SETTINGS}
    monkeypatch.setattr(replica, "_replica_is_the_primary", lambda: False)


def test_without_a_replica_every_read_is_from_default(settings):
    settings.DATABASES = {"default": settings.DATABASES["default"]}
    with replica_reads():
        assert read_alias() == "default"


def test_reads_go_to_the_replica_only_when_a_dashboard_asks(separate_replica):
    assert read_alias() == "default"
    with replica_reads():
        assert read_alias() == "replica"
        assert ReplicaRouter().db_for_read(get_user_model()) == "replica"
    assert read_alias() == "default"


def test_writes_and_migrations_always_go_to_default(separate_replica):
    router = ReplicaRouter()
    with replica_reads():
        assert router.db_for_write(get_user_model()) == "default"
    assert router.allow_migrate("default", "auth") is True
    assert router.allow_migrate("replica", "auth") is False


@pytest.mark.django_db
def test_reads_inside_a_transaction_stay_on_default(separate_replica):
    with replica_reads(), transaction.atomic():
        assert read_alias() == "default"


@pytest.mark.django_db(transaction=True)
def test_reads_outside_a_transaction_go_to_the_replica(separate_replica):
    assert not connections["default"].in_atomic_block
    with replica_reads():
        assert read_alias() == "replica"


def test_a_replica_that_is_the_primary_itself_is_read_through_default(settings):
    """A test mirror, or CI pointing DATABASE_REPLICA_URL at the same server: one database."""
    settings.DATABASES = {**settings.DATABASES, "replica": dict(settings.DATABASES["default"])}
    assert replica._same_database(settings.DATABASES["replica"], settings.DATABASES["default"])


@pytest.mark.skipif(
    "replica" not in connections.settings, reason="DATABASE_REPLICA_URL is not set (CI sets it)"
)
@pytest.mark.django_db(databases=["default", "replica"])
def test_dashboards_read_from_the_configured_replica_and_see_the_same_data(client, inspector):
    """With CI's replica (the same server), the dashboard still answers with the data saved."""
    assert (
        connections["replica"].settings_dict["NAME"] == connections["default"].settings_dict["NAME"]
    )
    client.force_login(inspector)
    assert client.get("/inspectorate/").status_code == 200
    assert client.get("/").status_code == 200


def test_settings_make_the_replica_a_test_mirror_behind_the_router(monkeypatch):
    import importlib

    import followthrough.settings as settings_module

    monkeypatch.setenv("DATABASE_REPLICA_URL", "postgres://reader@replica.internal:5432/ft")
    try:
        importlib.reload(settings_module)
        configured = settings_module.DATABASES["replica"]
        assert configured["HOST"] == "replica.internal"
        assert configured["TEST"] == {"MIRROR": "default"}
        assert settings_module.DATABASE_ROUTERS == ["followthrough.core.replica.ReplicaRouter"]
    finally:
        monkeypatch.undo()
        importlib.reload(settings_module)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("address", "asked"),
    [("/", True), ("/inspectorate/", True), ("/organisations/", True), ("/reports/", False)],
)
def test_only_the_dashboards_ask_for_the_replica(
    client, inspector, settings, monkeypatch, address, asked
):
    settings.DATABASE_ROUTERS = ["followthrough.core.replica.ReplicaRouter"]
    seen: list[bool] = []
    monkeypatch.setattr(
        replica, "read_alias", lambda: seen.append(replica._asked.get()) or "default"
    )
    client.force_login(inspector)
    assert client.get(address).status_code == 200
    assert any(seen) is asked
