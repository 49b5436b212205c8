"""The audit log: who did what to which object, recorded in one call, read in the admin's language.

``record`` stores the machine's view (``articles.article``, ISO times, group
names); ``object_type_name`` and ``details_text`` say the same as an editor
reads it: "статья", "Дата публикации: 11 января 2026 г. 13:19", "Роли
добавлены: Редакторы", "Статус персонала: Да".
"""

from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from reversion.models import Version

from .history import date_text
from .models import Article, AuditEntry

# Labels of the details other apps record, "key": (label, how to show a value);
# they add theirs in their AppConfig.ready() (telegram/history.py).
DETAIL_LABELS = {}


def record(actor, action, obj=None, **details):
    """Write an audit entry. ``actor`` may be None (a command, the scheduler)."""
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        actor_name=actor.get_username() if getattr(actor, "pk", None) else "",
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:300] if obj is not None else "",
        details=details,
    )


def object_type_name(object_type):
    """``articles.article`` as the admin names it: "статья" / "мақала"."""
    try:
        return str(apps.get_model(object_type)._meta.verbose_name)
    except (LookupError, ValueError):
        return object_type


def _roles(names):
    # The roles' groups keep English names (migration 0003); the catalogs know them.
    return ", ".join(gettext(name) for name in names) or "—"


def _yes_no(value):
    return gettext("Yes") if value else gettext("No")


def _version_number(version_id):
    version = Version.objects.filter(pk=version_id).first()
    return (version.field_dict.get("version") if version else None) or version_id


def _labels():
    user = get_user_model()._meta
    return {
        "published_at": (Article._meta.get_field("published_at").verbose_name, date_text),
        "version_id": (_("version"), _version_number),
        "added": (_("roles added"), _roles),
        "removed": (_("roles removed"), _roles),
        "is_staff": (user.get_field("is_staff").verbose_name, _yes_no),
        "is_superuser": (user.get_field("is_superuser").verbose_name, _yes_no),
        "username": (user.get_field("username").verbose_name, str),
        "ip_address": (_("IP address"), str),
        **DETAIL_LABELS,
    }


def details_text(entry):
    """An entry's details, each "Label: value" in the admin's language."""
    labels = _labels()
    said = []
    for key, value in entry.details.items():
        label, show = labels.get(key, (key, str))
        if key in ("added", "removed") and not value:
            continue
        said.append(f"{str(label)[:1].upper()}{str(label)[1:]}: {show(value)}")
    return "; ".join(said)


class ObjectTypeFilter(admin.SimpleListFilter):
    """Filter the log by what an entry is about, named as the admin names it."""

    title = _("object type")
    parameter_name = "object_type"

    def lookups(self, request, model_admin):
        types = (
            AuditEntry.objects.exclude(object_type="")
            .order_by()
            .values_list("object_type", flat=True)
            .distinct()
        )
        return sorted(((value, object_type_name(value)) for value in types), key=lambda t: t[1])

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(object_type=self.value())
        return queryset
