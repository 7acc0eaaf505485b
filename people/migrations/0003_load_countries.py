"""Load every ISO 3166-1 country with the names and demonyms news text uses."""

from django.db import migrations


def load_countries(apps, schema_editor):
    import pycountry

    from extraction.demonyms import COMMON_NAMES, DEMONYMS

    Country = apps.get_model("people", "Country")
    for entry in pycountry.countries:
        code = entry.alpha_2
        name = COMMON_NAMES.get(code) or getattr(entry, "common_name", None) or entry.name
        Country.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "official_name": getattr(entry, "official_name", entry.name),
                "demonyms": DEMONYMS.get(code, []),
            },
        )
    # Kosovo has a user-assigned code in common use but is not in ISO 3166-1.
    Country.objects.update_or_create(code="XK", defaults={"name": "Kosovo", "demonyms": DEMONYMS["XK"]})


class Migration(migrations.Migration):
    dependencies = [("people", "0002_initial")]

    operations = [migrations.RunPython(load_countries, migrations.RunPython.noop)]
