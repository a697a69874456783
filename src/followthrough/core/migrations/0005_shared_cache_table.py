"""The shared cache's table (settings.CACHES["shared"], decision 0011): made here so that every
database that is migrated has it, with nothing else to remember on deploy."""

from django.core.management import call_command
from django.db import migrations

TABLE = "followthrough_shared_cache"


def create(apps, schema_editor):  # type: ignore[no-untyped-def]
    # This one table, whatever the settings say later; left alone if it exists already.
    call_command("createcachetable", TABLE, database=schema_editor.connection.alias, verbosity=0)


def drop(apps, schema_editor):  # type: ignore[no-untyped-def]
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(TABLE)}")


class Migration(migrations.Migration):
    dependencies = [("core", "0004_history_version_index")]

    operations = [migrations.RunPython(create, drop)]
