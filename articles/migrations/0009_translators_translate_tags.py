"""Translators give tags their Kazakh names: they may change tags (the admin
lets them change only the Kazakh name; articles/admin.py, TagAdmin).
"""

from django.db import migrations


def allow(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    change_tag = Permission.objects.get(content_type__app_label="articles", codename="change_tag")
    for group in Group.objects.filter(name="Translators"):
        group.permissions.add(change_tag)


def disallow(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    change_tag = Permission.objects.filter(
        content_type__app_label="articles", codename="change_tag"
    )
    for group in Group.objects.filter(name="Translators"):
        group.permissions.remove(*change_tag)


class Migration(migrations.Migration):
    dependencies = [("articles", "0008_tag_kazakh_name")]

    operations = [migrations.RunPython(allow, disallow)]
