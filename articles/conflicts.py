"""Edit conflicts: a save made from an older version than the stored one is refused.

Every save of an article moves its ``version`` on, whatever path saves it. An
editor's form carries the version it was loaded from (``loaded_version``), and
the save goes through three steps, all here:

1. ``check`` (ArticleAdminForm.clean): the row is locked until the admin's
   transaction ends and its version compared with the form's. A stale form is
   refused, with who saved which version and when, and the editor's input
   stays in the form. Otherwise the article takes the next version number.
2. ``save`` (ArticleAdmin.save_model): a conditional update moves the stored
   version on, so that a lost update is impossible even where the row lock is
   not (SQLite serialises writers instead); the counters are never written
   back from the form.
3. ``next_version`` (Article.save): the shell, a command or an import moves the
   version on too, so an editor who had the article open gets the message
   instead of silently overwriting. (The admin's bulk actions move it
   themselves, under a row lock.)

Restoring an old version (django-reversion) writes the old row back, its
version number and counters included, before the form is even built.
``restoring`` reads the live row first, under a lock; inside it the form and
the save compare with, and keep, the live version and counters. Like
``reversion.create_revision()``, it is a context manager around the view.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django import forms
from django.core.exceptions import PermissionDenied
from django.utils import formats, timezone
from django.utils.translation import gettext
from reversion.models import Version

# Never restored from an old version, never written from a form: counters
# keep their live values (they move with F() elsewhere).
LIVE_FIELDS = ("views",)

# (model, pk, live row) of the article being restored in this context.
_restoring = ContextVar("newsroom_restoring", default=None)


@contextmanager
def restoring(model, pk):
    """Around a restore: the live row's version and counters, read and locked first."""
    live = model.objects.select_for_update().filter(pk=pk).values("version", *LIVE_FIELDS).first()
    token = _restoring.set((model, str(pk), live))
    try:
        yield live
    finally:
        _restoring.reset(token)


def _live(article):
    """The live row replaced by the version being restored, or None."""
    state = _restoring.get()
    if state is None:
        return None
    model, pk, live = state
    return live if isinstance(article, model) and str(article.pk) == pk else None


def loaded_version(article):
    """The version a form for ``article`` is loaded from: the live one, when restoring."""
    live = _live(article)
    return live["version"] if live else article.version


def check(article, loaded):
    """Refuse a save made from version ``loaded`` if it is no longer the newest.

    Returns the stored version (``save`` needs it). The row is locked until
    the transaction ends, so two saves of the same version cannot both pass
    (PostgreSQL).
    """
    stored = (
        type(article)
        .objects.select_for_update()
        .filter(pk=article.pk)
        .values_list("version", flat=True)
        .first()
    )
    live = _live(article)
    current = live["version"] if live else stored
    if loaded is None or current is None or loaded != current:
        raise forms.ValidationError(_conflict_message(article, current), code="edit_conflict")
    article.version = current + 1
    return stored


def _conflict_message(article, current):
    model = type(article)
    latest = (
        Version.objects.get_for_object_reference(model, article.pk)
        .select_related("revision__user")
        .first()
    )
    when = model.objects.filter(pk=article.pk).values_list("updated_at", flat=True).first()
    who = latest.revision.user if latest and latest.revision.user else None
    name = (who.get_full_name() or who.get_username()) if who else gettext("unknown")
    moment = formats.time_format(timezone.localtime(when), "H:i") if when else "?"
    return gettext(
        "Someone saved version %(version)s at %(time)s while you were editing "
        "(by %(name)s). Your changes are not saved: copy them, reload the page, "
        "and apply them again."
    ) % {"version": current, "time": moment, "name": name}


def save(article, stored):
    """Save an article whose form passed ``check`` (``stored``: the version it found)."""
    live = _live(article)
    # check() ran under a row lock; this conditional update makes a lost
    # update impossible even so.
    if stored is not None and article.version == (live["version"] if live else stored) + 1:
        updated = (
            type(article)
            .objects.filter(pk=article.pk, version=stored)
            .update(version=article.version)
        )
        if not updated:
            raise PermissionDenied(gettext("The article changed while saving."))
    if live:
        for field in LIVE_FIELDS:
            setattr(article, field, live[field])
        article.save()
        return
    article.save(
        update_fields=[
            field.attname
            for field in article._meta.concrete_fields
            if not field.primary_key
            and field.name not in LIVE_FIELDS
            and field.name != "created_at"
        ]
    )


def next_version(article):
    """The version ``Article.save()`` writes: one more, unless the caller moved it already."""
    loaded = None if article._state.adding else article.tracker.previous("version")
    if loaded is not None and article.version == loaded:
        return loaded + 1
    return article.version
