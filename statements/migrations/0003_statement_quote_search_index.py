"""GIN index for full-text search on Statement.quote (PostgreSQL only).

The index is built from the very expression the API's search emits,
SearchVector("quote", config="english"), compiled by Django itself, so the planner can use it.
It is not declared in Statement.Meta because SQLite cannot build it; it lives in this migration.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEX_NAME = "statement_quote_fts"


def _index():
    return GinIndex(SearchVector("quote", config="english"), name=INDEX_NAME)


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    statement = apps.get_model("statements", "Statement")
    schema_editor.execute(_index().create_sql(statement, schema_editor))


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f'DROP INDEX IF EXISTS "{INDEX_NAME}"')


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0002_analysts_group"),
    ]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
