"""Names and aliases lose the punctuation an extractor left at their edges ("Orla Tierney,")."""

from django.db import migrations

from people.normalize import clean_display_name


def clean_names(apps, schema_editor):
    Person = apps.get_model("people", "Person")
    PersonAlias = apps.get_model("people", "PersonAlias")
    for model, field in ((Person, "name"), (PersonAlias, "name")):
        for row in model.objects.only("pk", field).iterator():
            cleaned = clean_display_name(getattr(row, field))
            if cleaned and cleaned != getattr(row, field):
                model.objects.filter(pk=row.pk).update(**{field: cleaned})


class Migration(migrations.Migration):
    dependencies = [("people", "0007_person_merge_permission_wikidata_alias_history")]

    operations = [migrations.RunPython(clean_names, migrations.RunPython.noop)]
