"""The audit log: one call records who did what to which object."""

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
