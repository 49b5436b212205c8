"""The translators' receivers: the Russian text a translation was made from, kept on every path.

Connected in TranslationsConfig.ready(). A save that changes an article's
Kazakh text records the Russian text it was made from (translations/workspace.py),
whatever path saved it; a photo's caption, alt text or credit is part of its
article's text in that language.
"""

from django.db.models.signals import post_save

from articles.models import Article, Photo

from . import workspace


def remember_translation_basis(sender, instance, raw=False, **kwargs):
    """Article.save() moves kk_changed_at exactly when the Kazakh text changed."""
    if raw or instance.kk_changed_at is None or not instance.tracker.has_changed("kk_changed_at"):
        return
    workspace.remember_basis(instance)


def photo_texts_changed(sender, instance, created=False, raw=False, **kwargs):
    if not raw:
        workspace.photo_texts_saved(instance, created)


def connect():
    """Called from TranslationsConfig.ready()."""
    uid = "translations"
    post_save.connect(remember_translation_basis, sender=Article, dispatch_uid=f"{uid}:basis")
    post_save.connect(photo_texts_changed, sender=Photo, dispatch_uid=f"{uid}:photo-texts")
