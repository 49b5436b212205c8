"""Moving a model from one app to another: its content type goes with it.

Permissions (hence every role's grants), django-reversion's history and the
admin's log point at the content type's id: the migration that takes a model
over moves the existing row instead of letting migrate make a new one.
"""

from django.db import migrations


def content_types(from_app, to_app, models):
    """A RunPython operation moving ``models``' content types from ``from_app`` to ``to_app``."""

    def forwards(apps, schema_editor):
        content_type = apps.get_model("contenttypes", "ContentType")
        for model in models:
            if not content_type.objects.filter(app_label=to_app, model=model).exists():
                content_type.objects.filter(app_label=from_app, model=model).update(
                    app_label=to_app
                )

    def backwards(apps, schema_editor):
        content_type = apps.get_model("contenttypes", "ContentType")
        content_type.objects.filter(app_label=to_app, model__in=models).update(app_label=from_app)

    return migrations.RunPython(forwards, backwards)
