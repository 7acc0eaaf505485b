from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0004_statement_said_sort_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="extraction_count",
            field=models.PositiveIntegerField(
                default=0, help_text="How many runs have saved statements from this article (first run and re-runs)."
            ),
        ),
    ]
