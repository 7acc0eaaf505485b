"""Full-text search on SQLite: an FTS5 index over Statement.quote kept in step by triggers.

Does nothing on PostgreSQL, which has its stored tsvector and GIN index (0008). See
statements/search_index.py.
"""

from django.db import migrations

from statements import search_index


def forward(apps, schema_editor):
    search_index.create(schema_editor)


def backward(apps, schema_editor):
    search_index.drop(schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0012_merge_20261127_0901"),
    ]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
