"""Index for "newest first" statement lists: COALESCE(said_on, '0001-01-01') DESC, id DESC.

Lists sort undated statements last on every database through that expression (a cursor needs a
non-NULL key); the index is built from the same Django expression the selector emits, so the
planner walks it instead of sorting the table. Declared here, not in Statement.Meta, because
it exists only for that read path.
"""

import datetime as dt

from django.db import migrations, models
from django.db.models.functions import Coalesce

INDEX_NAME = "statement_said_sort_idx"


def _index():
    said_sort = Coalesce("said_on", models.Value(dt.date(1, 1, 1), output_field=models.DateField()))
    return models.Index(said_sort.desc(), models.F("id").desc(), name=INDEX_NAME)


def create_index(apps, schema_editor):
    statement = apps.get_model("statements", "Statement")
    schema_editor.execute(_index().create_sql(statement, schema_editor))


def drop_index(apps, schema_editor):
    statement = apps.get_model("statements", "Statement")
    schema_editor.execute(_index().remove_sql(statement, schema_editor))


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0003_statement_quote_search_index"),
    ]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
