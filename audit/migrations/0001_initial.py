"""audit: the tables this app took over from the articles app, rows and all.

The tables were made by the articles migrations and keep their names: this
migration only moves the models in Django's state, and their content types.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from groundwork import moves


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ('articles', '0016_source_cited_name'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='AuditEntry',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='time')),
                        ('actor_name', models.CharField(blank=True, max_length=150, verbose_name='who (name)')),
                        ('action', models.CharField(max_length=20, verbose_name='action')),
                        ('object_type', models.CharField(blank=True, max_length=100, verbose_name='object type')),
                        ('object_id', models.CharField(blank=True, max_length=64, verbose_name='object id')),
                        ('object_repr', models.CharField(blank=True, max_length=300, verbose_name='object')),
                        ('details', models.JSONField(blank=True, default=dict, verbose_name='details')),
                        ('actor', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='who')),
                    ],
                    options={
                        'verbose_name': 'audit log entry',
                        'verbose_name_plural': 'audit log',
                        'db_table': 'articles_auditentry',
                        'ordering': ['-created_at', '-id'],
                    },
                ),
            ],
            database_operations=[],
        ),
        moves.content_types('articles', 'audit', ['auditentry']),
    ]
