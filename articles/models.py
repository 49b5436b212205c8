"""The newsroom's content: rubrics, articles, photos, sources and tags.

Translated fields (title, lead, body, captions, names) are registered in
``articles/translation.py``; modeltranslation adds ``_ru`` and ``_kk`` columns.
What a reader may see is defined once, in ``ArticleQuerySet.published()``.
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connections, models
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField
from model_utils import FieldTracker
from taggit.managers import TaggableManager
from taggit.models import TagBase, TaggedItemBase

from articles import conflicts, images, languages, reserved, richtext, slugs
from groundwork import spelling

from .languages import LANGUAGE_CODES

# Where an article is listed: what a save compares before and after (Article.listed).
LISTED_BY = ("status", "published_at", "rubric_id", "in_ru", "in_kk")
# "Related articles" come from this far before or after the article (articles/related.py).
RELATED_WINDOW = timedelta(days=7)
RELATED_CANDIDATES = 20

# What the body editor offers; the server-side allow-list is richtext.sanitize.
BODY_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Strike": True,
    "Underline": True,
    "Heading": {"levels": [2, 3]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]},
}


# First path segments the site uses for itself (articles/reserved.py):
# a rubric with one of these slugs would be unreachable.
RESERVED_RUBRIC_SLUGS = reserved.SLUGS


def validate_rubric_slug(value):
    if value in RESERVED_RUBRIC_SLUGS:
        raise ValidationError(
            _("“%(slug)s” is used by the site itself; choose another slug."),
            code="reserved",
            params={"slug": value},
        )


class Comments(models.TextChoices):
    """Readers' comments under an article: its rubric's default, or the article's own choice."""

    OPEN = "open", _("open")
    CLOSED = "closed", _("closed (shown, no new ones)")
    HIDDEN = "hidden", _("hidden")


# Figures that other apps add to every list of teasers and to the article
# page as annotations (name -> callable returning an expression): the comments
# app adds its count here, so that articles never imports it.
LISTING_ANNOTATIONS = {}


class Rubric(models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=60,
        unique=True,
        validators=[validate_rubric_slug],
        help_text=_("Latin letters, digits and hyphens; part of every article URL."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    comments = models.CharField(
        _("readers' comments"),
        max_length=10,
        choices=Comments.choices,
        default=Comments.OPEN,
        help_text=_("The default for this rubric's articles."),
    )

    class Meta:
        verbose_name = _("rubric")
        verbose_name_plural = _("rubrics")
        ordering = ["position", "id"]
        constraints = [
            # Every path (admin form, command, shell) keeps rubric URLs reachable.
            models.CheckConstraint(
                condition=~Q(slug__in=sorted(RESERVED_RUBRIC_SLUGS)),
                name="rubric_slug_not_reserved",
            )
        ]

    def __str__(self):
        # The active language first: the Kazakh admin names rubrics in Kazakh.
        return self.name or self.name_ru or self.name_kk or self.slug

    def get_absolute_url(self):
        return reverse("articles:rubric", kwargs={"rubric": self.slug})


class Source(models.Model):
    class Kind(models.TextChoices):
        AGENCY = "agency", _("news agency")
        OUTLET = "outlet", _("media outlet")
        OFFICIAL = "official", _("official body")
        SOCIAL = "social", _("social network")

    name = models.CharField(_("name"), max_length=200)
    # The credits line (articles/credits.py) needs the name in another case
    # after "citing"; a name is not declined by a rule.
    cited_name = models.CharField(
        _("name after “citing”"),
        max_length=200,
        blank=True,
        help_text=_(
            "How the name reads in the credits line after “citing”: in Russian after "
            "«со ссылкой на» («пресс-службу акимата»), in Kazakh before «сілтеме жасап» "
            "(«әкімдіктің баспасөз қызметіне»). Empty: the name as it is."
        ),
    )
    url = models.URLField(_("website"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OUTLET)

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["name"]

    def __str__(self):
        return self.name or self.name_ru or self.name_kk or self.url


class Tag(TagBase):
    """A tag: its own ``name`` is Russian, ``name_kk`` what Kazakh pages show.

    Not registered with modeltranslation: taggit finds and makes
    tags by ``name``, and a translated ``name`` would make it look up Kazakh
    names in the Kazakh admin and trip over UNIQUE(name). Typed tags stay
    Russian; the Kazakh name is added to the tag. The slug keeps Kazakh
    letters readable ("және" → "zhane").
    """

    name_kk = models.CharField(
        _("name in Kazakh"),
        max_length=100,
        blank=True,
        help_text=_("Shown on Kazakh pages. Empty: they show the Russian name."),
    )

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]

    def slugify(self, tag, i=None):
        slug = slugs.slugify(tag, max_length=90) or "tag"
        if i is not None:
            slug += f"-{i}"
        return slug

    def get_absolute_url(self):
        return reverse("articles:tag", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        self.name_kk = self.name_kk.strip()
        if not self.name_kk:
            return
        # One Kazakh name, one tag: typed in an article, it must find one tag.
        # Spellings first, then casefold(): groundwork/spelling.py.
        name = self.name_kk
        others = Tag.objects.exclude(pk=self.pk).filter(
            models.Q(name_kk__in=spelling.variants(name)) | models.Q(name_kk__iexact=name)
        )
        for other in others.only("name", "name_kk"):
            if other.name_kk.casefold() == name.casefold():
                raise ValidationError(
                    {
                        "name_kk": _("The tag “%(tag)s” already has this Kazakh name.")
                        % {"tag": other.name}
                    }
                )


class TaggedArticle(TaggedItemBase):
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="tagged_articles")
    content_object = models.ForeignKey(
        "Article", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        verbose_name = _("tagged article")
        verbose_name_plural = _("tagged articles")
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="tagged_article_unique")
        ]


def _language_flag(code):
    if code not in LANGUAGE_CODES:
        raise ValueError(f"Unknown language: {code!r}")
    return f"in_{code}"


# "published" written into the SQL, not sent as a parameter: only then does
# SQLite see that a row found through the partial indexes below
# (status = 'published') is published without reading it; with a parameter
# it reads every row in the range, bodies included (10x slower).
_PUBLISHED_LITERAL = RawSQL("'published'", ())


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """What a reader may see: published, and not scheduled for later."""
        return self.filter(status=_PUBLISHED_LITERAL, published_at__lte=timezone.now())

    def scheduled(self):
        return self.filter(status=_PUBLISHED_LITERAL, published_at__gt=timezone.now())

    def in_language(self, code):
        """Articles that exist in ``code``: that language's title and body are filled in.

        Read from the ``in_<code>`` flag that Article.save() keeps, not from
        the texts: a listing or a count then never reads a body.
        """
        # "= true" rather than Django's bare "in_ru": only a comparison lets
        # SQLite use the flag column of the rubric indexes.
        return self.filter(**{_language_flag(code): models.Value(True)})

    def missing_language(self, code):
        return self.filter(**{_language_flag(code): models.Value(False)})

    def in_review(self):
        """Written and waiting for an editor."""
        return self.filter(status=self.model.Status.REVIEW)

    def outdated_kazakh(self):
        """Has a Kazakh version, but the Russian text changed after it was last saved."""
        return self.in_language("kk").filter(ru_changed_at__gt=models.F("kk_changed_at"))

    def to_translate(self):
        """The translators' queue: no Kazakh version yet, or an outdated one.

        Plain conditions, no subqueries: it stays fast on a big table.
        """
        return self.filter(
            models.Q(**{_language_flag("kk"): models.Value(False)})
            | models.Q(ru_changed_at__gt=models.F("kk_changed_at"))
        )

    def in_rubric(self, rubric):
        return self.filter(rubric=rubric)

    def latest(self):
        return self.order_by("-published_at", "-id")

    def newest_per_rubric(self, rubric_ids, count, since):
        """The newest ``count`` articles of each rubric published since ``since``.

        For the home page's rubric blocks: one small subquery per rubric,
        each walking that rubric's index newest first and stopping after
        ``count`` (a window function over every rubric's articles sorted
        whole rows, bodies included). This queryset's filters (published,
        the language) apply inside the subqueries; the outer query only
        picks their ids from the time range, so that neither database reads
        the text of every article in it.
        """
        window = self.filter(published_at__gte=since)
        parts = [window.filter(rubric_id=pk).latest().values("pk")[:count] for pk in rubric_ids]
        if not parts:
            return self.none()
        if connections[self.db].features.supports_slicing_ordering_in_compound:
            # PostgreSQL: the union of the small subqueries, joined by id.
            return self.model.objects.filter(pk__in=parts[0].union(*parts[1:], all=True))
        # SQLite cannot combine sliced queries; it runs each IN list once.
        newest = Q()
        for part in parts:
            newest |= Q(pk__in=part)
        return self.model.objects.filter(newest, published_at__gte=since)

    def with_figures(self):
        """The figures other apps show under a headline (LISTING_ANNOTATIONS), in this query."""
        return self.annotate(**{name: make() for name, make in LISTING_ANNOTATIONS.items()})

    def for_listing(self):
        """What a list of teasers needs, in a fixed number of queries."""
        return (
            self.select_related("rubric")
            .prefetch_related(
                models.Prefetch("photos", queryset=Photo.objects.order_by("position", "id"))
            )
            .with_figures()
        )

    def for_teaser(self):
        """What a text teaser shows (related articles): no text beyond the headline."""
        return (
            self.select_related("rubric")
            .only(
                "title",
                "slug",
                "published_at",
                "views",
                "is_breaking",
                "comments",
                "rubric__slug",
                "rubric__name",
                "rubric__comments",
            )
            .with_figures()
        )

    def for_page(self):
        """What an article page needs (photos, tags, credited sources), in fixed queries."""
        return self.for_listing().prefetch_related(
            "tags",
            models.Prefetch(
                "article_sources",
                queryset=ArticleSource.objects.select_related("source").order_by("position", "id"),
            ),
        )


def article_path(rubric_slug, pk, slug, language):
    """An article's path in ``language``, with its slug when it has one.

    Article.get_absolute_url and the sitemaps (which read plain rows) both
    build it here.
    """
    with translation.override(language):
        if slug:
            return reverse(
                "articles:detail", kwargs={"rubric": rubric_slug, "pk": pk, "slug": slug}
            )
        return reverse("articles:detail_noslug", kwargs={"rubric": rubric_slug, "pk": pk})


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        REVIEW = "review", _("in review")
        PUBLISHED = "published", _("published")

    class AgeRating(models.TextChoices):
        # Categories of Kazakhstan's law on protecting children from harmful information.
        ALL = "0+", "0+"
        SIX = "6+", "6+"
        TWELVE = "12+", "12+"
        FOURTEEN = "14+", "14+"
        SIXTEEN = "16+", "16+"
        EIGHTEEN = "18+", "18+"

    title = models.CharField(_("headline"), max_length=255, blank=True)
    slug = models.CharField(
        _("slug"),
        max_length=100,
        blank=True,
        editable=False,
        help_text=_("Made from the headline; the id in the URL finds the article."),
    )
    lead = models.TextField(_("lead"), blank=True)
    body = ProseEditorField(
        _("body"), blank=True, extensions=BODY_EXTENSIONS, sanitize=richtext.sanitize
    )
    rubric = models.ForeignKey(
        Rubric, verbose_name=_("rubric"), on_delete=models.PROTECT, related_name="articles"
    )
    tags = TaggableManager(
        verbose_name=_("tags"),
        through=TaggedArticle,
        blank=True,
        help_text=_("Separate tags with commas."),
    )
    sources = models.ManyToManyField(
        Source,
        through="ArticleSource",
        verbose_name=_("sources"),
        blank=True,
        related_name="articles",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    byline = models.CharField(
        _("byline"), max_length=200, blank=True, help_text=_("As printed under the article.")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(
        _("published at"),
        null=True,
        blank=True,
        help_text=_("A future time schedules the article."),
    )
    age_rating = models.CharField(
        _("age rating"), max_length=3, choices=AgeRating.choices, default=AgeRating.ALL
    )
    is_breaking = models.BooleanField(_("breaking news"), default=False)
    is_pinned = models.BooleanField(_("pinned on the home page"), default=False)
    views = models.PositiveIntegerField(_("views"), default=0, editable=False)
    comments = models.CharField(
        _("readers' comments"),
        max_length=10,
        choices=Comments.choices,
        blank=True,
        help_text=_("Empty: as the rubric says."),
    )
    # Related articles' ids, best first (articles/related.py): computed when the
    # tags, the rubric or the publication change; pages fetch the rows fresh
    # through published(). None: not computed yet.
    related_ids = models.JSONField(_("related articles"), null=True, blank=True, editable=False)
    version = models.PositiveIntegerField(
        _("version"),
        default=1,
        editable=False,
        help_text=_("Grows by one on every save; a save from an older version is refused."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # When each language's text last changed: a Kazakh text older than the
    # Russian one is "outdated" for translators.
    ru_changed_at = models.DateTimeField(_("Russian text changed at"), null=True, editable=False)
    kk_changed_at = models.DateTimeField(_("Kazakh text changed at"), null=True, editable=False)
    # Whether the article exists in each language (headline and body filled
    # in), kept by save(): listings filter and count by these from an index
    # instead of reading every body (see ArticleQuerySet.in_language()).
    in_ru = models.BooleanField(_("exists in Russian"), default=False, editable=False)
    in_kk = models.BooleanField(_("exists in Kazakh"), default=False, editable=False)

    objects = ArticleQuerySet.as_manager()

    TEXT_FIELDS = ("title", "lead", "body")
    # ``tracker``: what was loaded (track_changes() below).

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-published_at", "-id"]
        indexes = [
            # Home page, feeds and sitemaps: the newest published articles.
            models.Index(
                fields=["-published_at", "-id"],
                condition=Q(status="published"),
                name="article_published_idx",
            ),
            # Rubric pages: the newest published articles of one rubric.
            models.Index(
                fields=["rubric", "-published_at", "-id"],
                condition=Q(status="published"),
                name="article_rubric_published_idx",
            ),
            # Rubric pages and their page count, per language: answered from
            # the index alone, no body read.
            models.Index(
                fields=["rubric", "in_ru", "-published_at", "-id"],
                condition=Q(status="published"),
                name="article_rubric_ru_idx",
            ),
            models.Index(
                fields=["rubric", "in_kk", "-published_at", "-id"],
                condition=Q(status="published"),
                name="article_rubric_kk_idx",
            ),
            # Admin changelist: every status, newest first. (An index led by
            # "status" would lure SQLite away from the two above on reader pages.)
            models.Index(fields=["-published_at", "-id"], name="article_admin_list_idx"),
        ]
        permissions = [
            ("publish_article", _("Can publish and schedule articles")),
            ("translate_article", _("Can translate articles")),
        ]

    def __str__(self):
        return self.title or self.title_ru or self.title_kk or f"#{self.pk}"

    def _texts(self, code):
        return tuple(getattr(self, f"{field}_{code}", None) or "" for field in self.TEXT_FIELDS)

    def text_changed(self, code):
        """Whether this save changes the text in ``code`` (always, for a new article)."""
        if self._state.adding:
            return True
        return any(self.tracker.has_changed(f"{field}_{code}") for field in self.TEXT_FIELDS)

    def listed(self, before=False):
        """Where the article is listed (status, time, rubric, languages); ``before``:
        as loaded, which a receiver of this save compares with (None if new)."""
        if not before:
            return tuple(getattr(self, name) for name in LISTED_BY)
        if self._state.adding or not self.tracker.saved_data:
            return None  # new: loaded from nowhere
        return tuple(self.tracker.previous(name.removesuffix("_id")) for name in LISTED_BY)

    def clean(self):
        super().clean()
        if not any(self.exists_in(code) for code in LANGUAGE_CODES):
            raise ValidationError(_("Write the headline and the body in at least one language."))
        if self.status == self.Status.PUBLISHED and not self.published_at:
            self.published_at = timezone.now()

    def save(self, *args, **kwargs):
        for code in LANGUAGE_CODES:
            body_field = f"body_{code}"
            setattr(self, body_field, richtext.sanitize(getattr(self, body_field)))
            setattr(self, f"slug_{code}", slugs.slugify(getattr(self, f"title_{code}")))
        if self.status == self.Status.PUBLISHED and not self.published_at:
            self.published_at = timezone.now()
        now = timezone.now()
        for code in LANGUAGE_CODES:
            if self.text_changed(code) and any(self._texts(code)):
                setattr(self, f"{code}_changed_at", now)
        self.set_language_flags()
        # Every save is a new version, also from the shell, a command or an
        # import: an editor whose form holds the old one then gets the
        # conflict message instead of silently overwriting. (The admin and
        # its bulk actions move the version themselves, under a row lock.)
        self.version = conflicts.next_version(self)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = (
                set(update_fields)
                | {"version"}
                | {f"{field}_{code}" for field in ("slug",) for code in LANGUAGE_CODES}
                | {f"{code}_changed_at" for code in LANGUAGE_CODES}
                | {_language_flag(code) for code in LANGUAGE_CODES}
            )
        super().save(*args, **kwargs)

    def set_language_flags(self):
        for code in LANGUAGE_CODES:
            setattr(self, _language_flag(code), self.exists_in(code))

    # Languages

    def exists_in(self, code):
        return bool(getattr(self, f"title_{code}", None)) and bool(
            getattr(self, f"body_{code}", None)
        )

    @property
    def languages(self):
        return [code for code in LANGUAGE_CODES if self.exists_in(code)]

    @property
    def comments_state(self):
        """ "open", "closed" or "hidden": the article's own choice, else its rubric's."""
        return self.comments or self.rubric.comments

    @property
    def translation_state(self):
        """ "missing", "outdated" or "done" for the Kazakh version."""
        if not self.exists_in("kk"):
            return "missing"
        if self.ru_changed_at and self.kk_changed_at and self.ru_changed_at > self.kk_changed_at:
            return "outdated"
        return "done"

    def get_absolute_url(self, language=None):
        language = language or languages.current()
        if language not in LANGUAGE_CODES:
            language = settings.LANGUAGE_CODE
        return article_path(
            self.rubric.slug, self.pk, getattr(self, f"slug_{language}", ""), language
        )

    # Publication

    @classmethod
    def is_public(cls, status, published_at):
        """Whether an article so published is public: ``published()`` said of one row."""
        return (
            status == cls.Status.PUBLISHED
            and published_at is not None
            and published_at <= timezone.now()
        )

    @property
    def is_published(self):
        return self.is_public(self.status, self.published_at)

    @property
    def is_scheduled(self):
        return self.status == self.Status.PUBLISHED and bool(
            self.published_at and self.published_at > timezone.now()
        )

    @property
    def lead_photo(self):
        photos = list(self.photos.all())
        return photos[0] if photos else None

    def load_parts(self):
        """Photos, credited sources and tags in three plain queries, kept on the article.

        What ``for_page()`` prefetches, for one article: without the prefetch
        machinery (a third of an uncached article page's ORM time). Afterwards
        ``photos.all()``, ``article_sources.all()`` and ``tags.all()`` ask nothing.
        """
        parts = {
            "photos": Photo.objects.filter(article_id=self.pk).order_by("position", "id"),
            "article_sources": ArticleSource.objects.filter(article_id=self.pk)
            .select_related("source")
            .order_by("position", "id"),
            "tags": Tag.objects.filter(
                pk__in=TaggedArticle.objects.filter(content_object_id=self.pk).values("tag_id")
            ),
        }
        kept = self.__dict__.setdefault("_prefetched_objects_cache", {})
        for name, queryset in parts.items():
            # What prefetch_related_objects() leaves: an evaluated queryset.
            queryset._fetch_all()
            queryset._prefetch_done = True
            kept[name] = queryset
        return self


def photo_upload_to(instance, filename):
    # The name comes from us, never from the uploader (who may send "фото.jpg.php").
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "jpg"
    if extension not in {"jpg", "jpeg", "png", "webp", "gif"}:
        extension = "jpg"
    stamp = timezone.now()
    return f"photos/{stamp:%Y/%m}/{uuid.uuid4().hex}.{extension}"


class Photo(models.Model):
    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="photos"
    )
    # Checked by content, normalised (upright, no EXIF/GPS) and given renditions
    # by articles/images.py, whatever path saves it.
    image = images.PhotoField(
        _("image"),
        upload_to=photo_upload_to,
        width_field="width",
        height_field="height",
    )
    width = models.PositiveIntegerField(_("width"), null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(_("height"), null=True, blank=True, editable=False)
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    credit = models.CharField(
        _("credit"),
        max_length=200,
        blank=True,
        help_text=_("For example: Photo: press service of the akimat"),
    )
    alt = models.CharField(
        _("alt text"),
        max_length=300,
        blank=True,
        help_text=_("What the photo shows, for readers who cannot see it."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    # Rendition files made once when the photo is saved (see articles/images.py).
    renditions = models.JSONField(_("renditions"), default=dict, blank=True, editable=False)

    # ``tracker``: its texts as loaded (track_changes() below).
    TEXT_FIELDS = ("caption", "alt", "credit")

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["position", "id"]
        indexes = [models.Index(fields=["article", "position"], name="photo_article_position_idx")]

    def __str__(self):
        # Named as editors know it: by its caption, else by its place, never by its file.
        caption = self.caption or self.caption_ru or self.caption_kk
        return caption or gettext("Photo %(number)d") % {"number": (self.position or 0) + 1}

    # What templates need, built from ``renditions`` alone: no file is opened.

    @property
    def srcset_webp(self):
        return images.srcset(self.renditions or {}, "webp")

    @property
    def srcset_jpeg(self):
        return images.srcset(self.renditions or {}, "jpeg")

    @property
    def fallback_url(self):
        """A middle-sized JPEG for browsers that ignore srcset; the original without one."""
        chosen = images.pick(self.renditions or {}, "jpeg", 960)
        return images.url(chosen[2]) if chosen else self.image.url

    @property
    def thumbnail_url(self):
        """The smallest JPEG (admin lists, teasers); the original before renditions exist."""
        chosen = images.pick(self.renditions or {}, "jpeg", 0)
        if chosen:
            return images.url(chosen[2])
        return self.image.url if self.image else ""

    @property
    def og_image(self):
        """{"url", "width", "height"} for Open Graph: the largest JPEG up to 1280 px."""
        chosen = images.pick(self.renditions or {}, "jpeg", 1280)
        if chosen:
            width, height, address = chosen[0], chosen[1], images.url(chosen[2])
        else:
            width, height, address = self.width, self.height, self.image.url
        if address.startswith("/"):
            address = settings.SITE_URL + address
        return {"url": address, "width": width, "height": height}


class ArticleSource(models.Model):
    class Role(models.TextChoices):
        REPORTS = "reports", _("reports")
        CITING = "citing", _("citing")
        PHOTO = "photo", _("photo")
        VIDEO = "video", _("video")

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="article_sources"
    )
    source = models.ForeignKey(
        Source, verbose_name=_("source"), on_delete=models.PROTECT, related_name="article_links"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.REPORTS)
    url = models.URLField(_("link to the original"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("article source")
        verbose_name_plural = _("article sources")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "source", "role"], name="article_source_role_unique"
            )
        ]

    def __str__(self):
        return f"{self.source} ({self.get_role_display()})"


def track_changes():
    """Give Article and Photo their ``tracker`` (django-model-utils' FieldTracker):
    what was loaded, so that a save and its receivers know what it changes.

    The one record of it. Article: its texts in each language (when each
    language changed), the version (edit conflicts), where it is listed (the
    page cache, related articles), the Kazakh stamp (the translation basis).
    Photo: its caption, alt text and credit in each language (its article's
    text in that language). They include modeltranslation's ``_ru``/``_kk``
    columns, which exist only once articles/translation.py has registered
    them: it calls this then, before any instance is made.
    """
    trackers = {
        Article: [
            *(f"{field}_{code}" for field in Article.TEXT_FIELDS for code in LANGUAGE_CODES),
            "version",
            "kk_changed_at",
            "status",
            "published_at",
            "rubric",
            "in_ru",
            "in_kk",
        ],
        Photo: [
            f"{name}_{code}" for name in ("caption", "alt", "credit") for code in LANGUAGE_CODES
        ],
    }
    for model, fields in trackers.items():
        tracker = FieldTracker(fields=fields)
        tracker.contribute_to_class(model, "tracker")
        tracker.finalize_class(model)
