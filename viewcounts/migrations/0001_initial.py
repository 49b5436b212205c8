"""viewcounts: the tables this app took over from the articles app, rows and all.

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
                    name='ViewFlush',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('batch', models.CharField(max_length=32, unique=True, verbose_name='batch')),
                        ('applied_at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='applied at')),
                        ('views', models.PositiveIntegerField(default=0, verbose_name='views')),
                    ],
                    options={
                        'verbose_name': 'view count batch',
                        'verbose_name_plural': 'view count batches',
                        'db_table': 'articles_viewflush',
                    },
                ),
                migrations.CreateModel(
                    name='ArticleViewDay',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('day', models.DateField(verbose_name='day')),
                        ('views', models.PositiveIntegerField(default=0, verbose_name='views')),
                        ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='daily_views', to='articles.article', verbose_name='article')),
                    ],
                    options={
                        'verbose_name': 'views per day',
                        'verbose_name_plural': 'views per day',
                        'db_table': 'articles_articleviewday',
                        'indexes': [models.Index(fields=['day', 'article'], name='view_day_idx')],
                        'constraints': [models.UniqueConstraint(fields=('article', 'day'), name='article_view_day_unique')],
                    },
                ),
            ],
            database_operations=[],
        ),
        moves.content_types('articles', 'viewcounts', ['viewflush', 'articleviewday']),
    ]
