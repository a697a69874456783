"""Tag recommendations and practice examples again with the tighter themes (issue 15): the
earlier tagging gave any subject one word touched, up to nine on one recommendation."""

from django.db import migrations


def refresh(apps, schema_editor):
    from followthrough.inspections.themes import themes_for

    for name, read in (
        (
            "Recommendation",
            lambda r: themes_for(r.text, [i.get("text", "") for i in r.items or []]),
        ),
        ("PracticeExample", lambda e: themes_for(f"{e.title} {e.text}")),
    ):
        model = apps.get_model("inspections", name)
        changed = []
        for row in model.objects.iterator():
            themes = read(row)
            if themes != row.themes:
                row.themes = themes
                changed.append(row)
        model.objects.bulk_update(changed, ["themes"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("inspections", "0007_recommendation_text_corrected")]
    operations = [migrations.RunPython(refresh, migrations.RunPython.noop)]
