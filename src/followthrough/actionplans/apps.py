from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _search_index_ensure(using: str = "default", **kwargs: Any) -> None:
    from django.db import connections

    from .search_index import index_ensure

    index_ensure(connections[using])


class ActionplansConfig(AppConfig):
    name = "followthrough.actionplans"
    label = "actionplans"

    def ready(self) -> None:
        # After every migrate, since SQLite drops a table's triggers when it rebuilds the table.
        post_migrate.connect(_search_index_ensure, sender=self)
