"""Roles of the newsroom as Django groups: Editors, Reporters, Translators.

What each role may do is decided by these permissions (and, in the admin,
by articles/admin.py from them). Re-running only adds what is missing.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ALL = ("add", "change", "delete", "view")

ROLES = {
    "Editors": {
        "articles": {
            "article": (*ALL, "publish", "translate"),
            "photo": ALL,
            "articlesource": ALL,
            "rubric": ALL,
            "source": ALL,
            "tag": ALL,
            "taggedarticle": ALL,
            "auditentry": ("view",),
            "articleviewday": ("view",),
        },
        # The author picker searches users.
        "auth": {"user": ("view",)},
    },
    "Reporters": {
        "articles": {
            "article": ("add", "change", "view"),
            "photo": ALL,
            "articlesource": ALL,
            "rubric": ("view",),
            "source": ("add", "view"),
            "tag": ("view",),
            "taggedarticle": ("add", "change", "delete", "view"),
        },
    },
    "Translators": {
        "articles": {
            "article": ("change", "view", "translate"),
            "photo": ("change", "view"),
            "articlesource": ("view",),
            "rubric": ("view",),
            "source": ("view",),
            "tag": ("view",),
        },
    },
}


# Models that have since moved to apps of their own: the browser tests
# rebuild the roles with today's models (tests/browser/conftest.py).
MOVED = {"auditentry": "audit", "articleviewday": "viewcounts"}


def _codename(action, model):
    return f"{action}_{model}"


def create_roles(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now.
    # create_permissions() skips app configs without models_module, which is
    # how historical ones look: flag them for the call, then put it back.
    for app_config in apps.get_app_configs():
        original = getattr(app_config, "models_module", None)
        app_config.models_module = original or True
        try:
            create_permissions(app_config, apps=apps, verbosity=0)
        finally:
            app_config.models_module = original

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, apps_models in ROLES.items():
        group, _created = Group.objects.get_or_create(name=role)
        for app_label, models in apps_models.items():
            for model, actions in models.items():
                codenames = [_codename(action, model) for action in actions]
                permissions = Permission.objects.filter(
                    content_type__app_label__in={app_label, MOVED.get(model, app_label)},
                    content_type__model=model,
                    codename__in=codenames,
                )
                missing = set(codenames) - {p.codename for p in permissions}
                if missing:
                    raise RuntimeError(f"{role}: permissions not found: {sorted(missing)}")
                group.permissions.add(*permissions)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_views_per_day_and_audit_log"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
