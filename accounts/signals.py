"""What happens to staff accounts whatever path changes them.

- A deactivated user is signed out everywhere: their sessions are deleted
  whatever path saved the user (admin, shell, command).
- A locked-out login (django-axes) is written to the audit log.

Connected in AccountsConfig.ready().
"""

from importlib import import_module

from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth import SESSION_KEY, get_user_model
from django.db.models.signals import post_save
from django.utils import timezone

from audit import trail as audit


def end_sessions(user):
    """Delete every session of ``user``; returns how many were ended.

    Works with the database-backed session engines (db, cached_db). With a
    cache-only or cookie engine sessions cannot be listed, but Django's
    ModelBackend already refuses an inactive user on their next request.
    """
    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    get_model_class = getattr(store_class, "get_model_class", None)
    if get_model_class is None:
        return 0
    ended = 0
    for session in get_model_class().objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get(SESSION_KEY) == str(user.pk):
            # Through the store, so a cached_db engine drops its cached copy too.
            store_class(session.session_key).delete()
            ended += 1
    return ended


def sign_out_deactivated(sender, instance, **kwargs):
    if not instance.is_active:
        end_sessions(instance)


def audit_lockout(sender, request=None, username=None, ip_address=None, **kwargs):
    audit.record(None, "login_locked", None, username=username or "", ip_address=ip_address or "")


def connect():
    """Called from AccountsConfig.ready()."""
    post_save.connect(
        sign_out_deactivated,
        sender=get_user_model(),
        dispatch_uid="newsroom_end_sessions_of_inactive_users",
    )
    user_locked_out.connect(audit_lockout, dispatch_uid="newsroom_audit_lockouts")
