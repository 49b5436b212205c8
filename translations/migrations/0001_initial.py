"""translations: the tables this app took over from the articles app, rows and all.

The tables were made by the articles migrations and keep their names: this
migration only moves the models in Django's state, and their content types.
"""

import django.db.models.deletion
from django.db import migrations, models

from groundwork import moves


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('articles', '0016_source_cited_name'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='TranslationBasis',
                    fields=[
                        ('article', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='kazakh_basis', serialize=False, to='articles.article', verbose_name='article')),
                        ('title', models.CharField(blank=True, max_length=255, verbose_name='headline')),
                        ('lead', models.TextField(blank=True, verbose_name='lead')),
                        ('body', models.TextField(blank=True, verbose_name='body')),
                        ('photos', models.JSONField(blank=True, default=dict, verbose_name='photos')),
                        ('taken_at', models.DateTimeField(verbose_name='taken at')),
                    ],
                    options={
                        'verbose_name': 'Russian text of a translation',
                        'verbose_name_plural': 'Russian texts of translations',
                        'db_table': 'articles_translationbasis',
                    },
                ),
            ],
            database_operations=[],
        ),
        moves.content_types('articles', 'translations', ['translationbasis']),
    ]
