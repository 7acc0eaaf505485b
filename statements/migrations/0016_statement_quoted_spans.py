"""Statements keep the speaker's words without quotation marks; a mixed statement's quoted
fragments become ranges (quoted_spans). Stored quotes move to that shape: a direct quote loses its
surrounding marks and trailing comma, a mixed one the marks of its fragments. The natural key
(quote_key) folds marks away, so it does not change.
"""

from django.db import migrations, models

from statements import topic_tallies
from statements.quote_text import record_words, with_marks

BATCH = 500


def tally_triggers_off(apps, schema_editor):
    """SQLite rebuilds the statement table to add a column, and refuses to rename the copy into
    place while the tally triggers on the topic links name the table: they come off meanwhile."""
    if schema_editor.connection.vendor == "sqlite":
        topic_tallies.uninstall(schema_editor)


def tally_triggers_on(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        topic_tallies.install(schema_editor)


def words_without_marks(apps, schema_editor):
    Statement = apps.get_model("statements", "Statement")
    changed = []
    rows = Statement.objects.filter(kind__in=["direct", "mixed"]).only("quote", "kind", "quoted_spans")
    for statement in rows.iterator(chunk_size=BATCH):
        words, spans = record_words(statement.quote, statement.kind)
        if words and (words, spans) != (statement.quote, statement.quoted_spans):
            statement.quote, statement.quoted_spans = words, spans
            changed.append(statement)
        if len(changed) >= BATCH:
            Statement.objects.bulk_update(changed, ["quote", "quoted_spans"])
            changed = []
    Statement.objects.bulk_update(changed, ["quote", "quoted_spans"])


def words_with_marks(apps, schema_editor):
    """Back to one text: the marks put back around a mixed statement's fragments."""
    Statement = apps.get_model("statements", "Statement")
    changed = []
    for statement in Statement.objects.exclude(quoted_spans=[]).iterator(chunk_size=BATCH):
        statement.quote = with_marks(statement.quote, statement.quoted_spans)
        changed.append(statement)
    Statement.objects.bulk_update(changed, ["quote"], batch_size=BATCH)


class Migration(migrations.Migration):

    dependencies = [
        ('statements', '0015_merge_0013_article_task_handoff_0014_topic_tallies'),
    ]

    operations = [
        migrations.RunPython(tally_triggers_off, tally_triggers_on, elidable=True),
        migrations.AddField(
            model_name='historicalstatement',
            name='quoted_spans',
            field=models.JSONField(blank=True, default=list, help_text="For reported speech with quoted words: [start, end] ranges of the quote that the speaker's own words fill, printed inside quotation marks. Pages put the marks back."),
        ),
        migrations.AddField(
            model_name='statement',
            name='quoted_spans',
            field=models.JSONField(blank=True, default=list, help_text="For reported speech with quoted words: [start, end] ranges of the quote that the speaker's own words fill, printed inside quotation marks. Pages put the marks back."),
        ),
        migrations.AlterField(
            model_name='historicalstatement',
            name='quote',
            field=models.TextField(help_text="The speaker's words from the first citation, without the quotation marks around them."),
        ),
        migrations.AlterField(
            model_name='statement',
            name='quote',
            field=models.TextField(help_text="The speaker's words from the first citation, without the quotation marks around them."),
        ),
        migrations.RunPython(tally_triggers_on, tally_triggers_off, elidable=True),
        migrations.RunPython(words_without_marks, words_with_marks, elidable=True),
    ]
