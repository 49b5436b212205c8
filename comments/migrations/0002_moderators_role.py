"""The "Moderators" role: the comment queue and blocking readers, nothing else.

Like articles' roles migration (0003_newsroom_roles): re-running only adds
what is missing.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLE = "Moderators"
PERMISSIONS = {
    "comment": ("view", "change", "delete"),
    "reader": ("view", "change"),
}


def create_role(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now
    # (historical app configs have no models_module: flag them for the call).
    for app_config in apps.get_app_configs():
        original = getattr(app_config, "models_module", None)
        app_config.models_module = original or True
        try:
            create_permissions(app_config, apps=apps, verbosity=0)
        finally:
            app_config.models_module = original

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=ROLE)
    for model, actions in PERMISSIONS.items():
        codenames = [f"{action}_{model}" for action in actions]
        permissions = Permission.objects.filter(
            content_type__app_label="comments",
            content_type__model=model,
            codename__in=codenames,
        )
        missing = set(codenames) - {p.codename for p in permissions}
        if missing:
            raise RuntimeError(f"{ROLE}: permissions not found: {sorted(missing)}")
        group.permissions.add(*permissions)


def remove_role(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=ROLE).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_readers_and_comments"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_role, remove_role)]
