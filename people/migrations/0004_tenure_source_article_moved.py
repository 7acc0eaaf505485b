# The article a tenure was read from is now kept by statements.TenureEvidence (copied there
# by statements 0009), so people no longer points at statements.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('people', '0003_load_countries'),
        ('statements', '0009_tenure_evidence'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='historicaltenure',
            name='source_article',
        ),
        migrations.RemoveField(
            model_name='tenure',
            name='source_article',
        ),
    ]
