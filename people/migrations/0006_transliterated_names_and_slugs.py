"""Names are now transliterated (anyascii) before folding: recompute the lookup keys, and give
people whose slug lost letters ("sren-kjrsgaard-holm") the full one, keeping the old as a redirect."""

import re

from anyascii import anyascii
from django.db import migrations
from django.utils.text import slugify

_NON_WORD = re.compile(r"[^\w\s]", re.UNICODE)
_SPACES = re.compile(r"\s+")


def _key(name):
    return _SPACES.sub(" ", _NON_WORD.sub(" ", anyascii(name or "").casefold())).strip()


def _rekey(model, field):
    for row in model.objects.all().iterator():
        key = _key(getattr(row, field))
        if key != row.normalized:
            row.normalized = key
            row.save(update_fields=["normalized"])


def forwards(apps, schema_editor):
    Person = apps.get_model("people", "Person")
    PersonAlias = apps.get_model("people", "PersonAlias")
    PersonSlugRedirect = apps.get_model("people", "PersonSlugRedirect")
    _rekey(PersonAlias, "name")
    _rekey(apps.get_model("people", "Organization"), "name")
    _rekey(apps.get_model("people", "Position"), "title")
    for person in Person.objects.all().iterator():
        old_base, new_base = slugify(person.name), slugify(anyascii(person.name))
        # Only slugs made from the name by the old rule (maybe with a -N suffix) are remade.
        match = re.fullmatch(rf"{re.escape(old_base)}(-\d+)?", person.slug) if old_base else None
        if old_base == new_base or not new_base or match is None:
            continue
        slug, n = new_base, 2
        while (
            Person.objects.filter(slug=slug).exists() or PersonSlugRedirect.objects.filter(slug=slug).exists()
        ):
            slug, n = f"{new_base}-{n}", n + 1
        PersonSlugRedirect.objects.get_or_create(slug=person.slug, defaults={"person": person})
        person.slug = slug
        person.save(update_fields=["slug"])


class Migration(migrations.Migration):
    dependencies = [("people", "0005_person_slug_redirect")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
