"""Imported responses take their responding organisation from the row's owner column (issue 15):
a recommendation to youth offending team boards answered by the YJB was stored as the boards'."""

from django.db import migrations


def answer_from_owner_column(apps, schema_editor):
    from followthrough.ingest.extract.decisions import responder_of
    from followthrough.organisations.aliases import bodies_named_in

    Response = apps.get_model("actionplans", "Response")
    Organisation = apps.get_model("organisations", "Organisation")
    by_name = {o.name: o for o in Organisation.objects.all()}
    changed = []
    imported = Response.objects.filter(source__isnull=False).select_related("recommendation")
    for response in imported.prefetch_related("actions").iterator(chunk_size=500):
        owners = [a.owner_text for a in response.actions.all() if a.owner_text]
        answering = responder_of(response.recommendation.addressee_text, owners)
        bodies = [by_name[b.name] for b in bodies_named_in(answering) if b.name in by_name]
        if bodies and bodies[0].pk != response.responding_organisation_id:
            response.responding_organisation = bodies[0]
            changed.append(response)
    Response.objects.bulk_update(changed, ["responding_organisation"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("ingest", "0001_import_review"),
        ("actionplans", "0012_evidence_file"),
        ("organisations", "0006_case_manager_role"),
    ]
    operations = [migrations.RunPython(answer_from_owner_column, migrations.RunPython.noop)]
