"""The resettlement pathways and the national milestone rules every service starts from."""

from django.db import migrations


def seed(apps, schema_editor):
    from followthrough.cases.services.rules import reference_data_seed

    reference_data_seed(
        apps.get_model("cases", "Pathway"), apps.get_model("cases", "MilestoneRule")
    )


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
