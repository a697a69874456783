from django.db import migrations

DEFAULT_BANDS = [
    {"rating": "outstanding", "min": 80},
    {"rating": "good", "min": 65},
    {"rating": "requires_improvement", "min": 50},
    {"rating": "inadequate", "min": 0},
]


def seed(apps, schema_editor):
    RatingRules = apps.get_model("audits", "RatingRules")
    if not RatingRules.objects.exists():
        RatingRules.objects.create(
            version=1,
            bands=DEFAULT_BANDS,
            standard_rule="lowest",
            note="The defaults commonly published for case-based key questions.",
        )


class Migration(migrations.Migration):
    dependencies = [("audits", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
