"""Give recommendations imported before themes were read their themes."""

from django.db import migrations


def fill(apps, schema_editor):
    from followthrough.inspections.themes import themes_for

    Recommendation = apps.get_model("inspections", "Recommendation")
    changed = []
    for rec in Recommendation.objects.filter(themes=[]).iterator():
        items = " ".join(i.get("text", "") for i in rec.items or [])
        rec.themes = themes_for(f"{rec.text} {items}")
        if rec.themes:
            changed.append(rec)
    Recommendation.objects.bulk_update(changed, ["themes"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("inspections", "0002_history_organisations")]
    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
