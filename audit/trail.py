"""The audit log: who did what to which object, recorded in one call, read in the admin's language.

``record`` stores the machine's view (``articles.article``, ISO times, group
names); ``object_type_name`` and ``details_text`` say the same as an editor
reads it: "статья", "Дата публикации: 11 января 2026 г. 13:19", "Роли
добавлены: Редакторы", "Статус персонала: Да". What each detail is called
comes from the app that records it (audit/actions.py).
"""

from django.apps import apps

from . import actions
from .models import AuditEntry


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


def details_text(entry):
    """An entry's details, each "Label: value" in the admin's language."""
    said = []
    for key, value in entry.details.items():
        label, show = actions.detail(key)
        if key in ("added", "removed") and not value:
            continue
        said.append(f"{str(label)[:1].upper()}{str(label)[1:]}: {show(value)}")
    return "; ".join(said)
