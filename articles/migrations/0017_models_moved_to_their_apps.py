"""The views per day, the flushed batches, the audit log and the translation basis
now belong to their own apps (viewcounts, audit, translations): their tables stay,
only Django's state forgets them here.
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0016_source_cited_name'),
        ('audit', '0001_initial'),
        ('translations', '0001_initial'),
        ('viewcounts', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='articleviewday',
                    name='article',
                ),
                migrations.RemoveField(
                    model_name='auditentry',
                    name='actor',
                ),
                migrations.RemoveField(
                    model_name='translationbasis',
                    name='article',
                ),
                migrations.DeleteModel(
                    name='ViewFlush',
                ),
                migrations.DeleteModel(
                    name='ArticleViewDay',
                ),
                migrations.DeleteModel(
                    name='AuditEntry',
                ),
                migrations.DeleteModel(
                    name='TranslationBasis',
                ),
            ],
            database_operations=[],
        ),
    ]
