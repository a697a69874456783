"""The resettlement pathways and the national milestone rules every service starts from."""

from django.db import migrations


def seed(apps, schema_editor):
    from followthrough.cases.milestones import DEFAULT_PATHWAYS as PATHWAYS
    from followthrough.cases.milestones import DEFAULT_RULES

    Pathway = apps.get_model("cases", "Pathway")
    MilestoneRule = apps.get_model("cases", "MilestoneRule")
    for order, (code, name) in enumerate(PATHWAYS):
        Pathway.objects.get_or_create(code=code, defaults={"name": name, "order": order})
    for rule in DEFAULT_RULES:
        MilestoneRule.objects.get_or_create(
            service=None,
            code=rule.code,
            defaults={
                "label": rule.label,
                "anchor": rule.anchor,
                "offset": rule.offset,
                "unit": rule.unit,
                "source": rule.source,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
