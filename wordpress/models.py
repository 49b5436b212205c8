"""What an import from WordPress keeps: which post became which article, and its old addresses.

- ``ImportedPost``: one row per WordPress post imported (the site it came from
  and its post id → the article, the post's language and a hash of what was
  imported). A second run finds the article again and leaves it alone when
  the hash is the same, so importing the same export twice adds nothing.
- ``ImportedPhoto``: the photos an import made, so that an updated export
  replaces them and never the photos an editor added since (a picture whose
  file is unchanged keeps its photo).
- ``OldAddress``: an old path of the WordPress site (a post's link, its
  ``?p=ID`` form, an uploaded file) → the article in a language, or the photo.
  Answered with a 301 by ``wordpress.redirects.OldAddressMiddleware``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Photo


class ImportedPost(models.Model):
    site = models.CharField(
        _("WordPress site"), max_length=200, help_text=_("The address the export names.")
    )
    post_id = models.PositiveBigIntegerField(_("post id in WordPress"))
    article = models.ForeignKey(
        Article,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="wordpress_posts",
    )
    language = models.CharField(_("language"), max_length=5)
    # sha256 of everything the import read for this post's article (both
    # languages, its photos' metadata and which files were found): equal on a
    # second run means nothing to do.
    content_hash = models.CharField(_("content hash"), max_length=64)
    imported_at = models.DateTimeField(_("imported at"), auto_now=True)

    class Meta:
        verbose_name = _("imported WordPress post")
        verbose_name_plural = _("imported WordPress posts")
        ordering = ["site", "post_id"]
        constraints = [
            models.UniqueConstraint(fields=["site", "post_id"], name="wordpress_post_unique")
        ]

    def __str__(self):
        return f"{self.site} #{self.post_id} ({self.language})"


class ImportedPhoto(models.Model):
    photo = models.OneToOneField(
        Photo,
        verbose_name=_("photo"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="wordpress_origin",
    )
    file = models.CharField(
        _("file in wp-content/uploads"), max_length=500, help_text=_("E.g. 2019/05/aktau.jpg")
    )
    # The file's size when imported: the same file and size on a later run
    # keeps the photo (and its renditions) instead of making it again.
    size = models.PositiveBigIntegerField(_("file size"), null=True, blank=True)

    class Meta:
        verbose_name = _("imported photo")
        verbose_name_plural = _("imported photos")

    def __str__(self):
        return self.file


class OldAddress(models.Model):
    """An address of the old site that answers 301 to an article or a photo."""

    # Decoded (no %xx), case-folded, no trailing slash; "?p=123" for the
    # short form. Matched whatever host the export or the request names.
    path = models.CharField(_("old path"), max_length=1000, unique=True)
    article = models.ForeignKey(
        Article,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="old_addresses",
    )
    language = models.CharField(_("language"), max_length=5, blank=True)
    photo = models.ForeignKey(
        Photo,
        verbose_name=_("photo"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="old_addresses",
    )

    class Meta:
        verbose_name = _("old address")
        verbose_name_plural = _("old addresses")
        ordering = ["path"]
        constraints = [
            # Exactly one target: an article (in a language) or a photo.
            models.CheckConstraint(
                condition=(
                    models.Q(article__isnull=False, photo__isnull=True)
                    | models.Q(article__isnull=True, photo__isnull=False)
                ),
                name="old_address_one_target",
            )
        ]

    def __str__(self):
        return self.path

    def target_url(self):
        if self.photo_id:
            return self.photo.image.url
        return self.article.get_absolute_url(self.language)
