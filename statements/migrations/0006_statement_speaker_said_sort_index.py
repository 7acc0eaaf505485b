"""Index for one speaker's statements, newest first: (speaker_id, COALESCE(said_on, ...) DESC, id DESC).

The same sort key as migration 0004, behind the speaker: person pages, feeds and API lists
filtered by speaker walk it and stop after one page, however much the person has said.
"""

import datetime as dt

from django.db import migrations, models
from django.db.models.functions import Coalesce

INDEX_NAME = "statement_speaker_sort_idx"


def _index():
    said_sort = Coalesce("said_on", models.Value(dt.date(1, 1, 1), output_field=models.DateField()))
    return models.Index(models.F("speaker_id"), said_sort.desc(), models.F("id").desc(), name=INDEX_NAME)


def create_index(apps, schema_editor):
    statement = apps.get_model("statements", "Statement")
    schema_editor.execute(_index().create_sql(statement, schema_editor))


def drop_index(apps, schema_editor):
    statement = apps.get_model("statements", "Statement")
    schema_editor.execute(_index().remove_sql(statement, schema_editor))


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0005_article_extraction_count"),
    ]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
