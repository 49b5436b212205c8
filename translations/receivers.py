"""The translators' receivers: the Russian text a translation was made from, kept on every path.

Connected in TranslationsConfig.ready(). A save that changes an article's
Kazakh text records the Russian text it was made from (translations/workspace.py),
whatever path saved it; a photo's caption, alt text or credit is part of its
article's text in that language.
"""

from django.db.models.signals import post_init, post_save

from articles.models import Article, Photo

from . import workspace


def note_kazakh_stamp(sender, instance, **kwargs):
    # What kk_changed_at was when loaded: a save that moves it saved Kazakh text.
    instance._kk_stamp = instance.__dict__.get("kk_changed_at")


def remember_translation_basis(sender, instance, raw=False, **kwargs):
    # Article.save() moves kk_changed_at exactly when the Kazakh text changed.
    # (An instance refreshed since it was loaded may carry someone else's
    # stamp: that one has its basis already.)
    stamp = instance.kk_changed_at
    if raw or stamp is None or stamp == getattr(instance, "_kk_stamp", None):
        return
    if not workspace.has_basis(instance, stamp):
        workspace.remember_basis(instance)


def note_photo_texts(sender, instance, **kwargs):
    # A photo's texts as loaded (None for a new one): a save compares with them.
    instance._loaded_texts = workspace.photo_texts(instance) if instance.pk else None


def photo_texts_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    workspace.photo_texts_saved(instance, getattr(instance, "_loaded_texts", None))
    instance._loaded_texts = workspace.photo_texts(instance)


def connect():
    """Called from TranslationsConfig.ready()."""
    uid = "translations"
    post_init.connect(note_kazakh_stamp, sender=Article, dispatch_uid=f"{uid}:kk-stamp")
    post_save.connect(remember_translation_basis, sender=Article, dispatch_uid=f"{uid}:basis")
    post_init.connect(note_photo_texts, sender=Photo, dispatch_uid=f"{uid}:photo-texts")
    post_save.connect(photo_texts_changed, sender=Photo, dispatch_uid=f"{uid}:photo-texts")
