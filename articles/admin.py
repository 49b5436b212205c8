"""The editors' and translators' admin.

Roles are Django groups made by a data migration (Editors, Reporters,
Translators); what differs by role is decided here from permissions only:

- ``publish_article``: may publish, schedule, unpublish and restore versions;
- ``translate_article`` without ``publish_article``: a translator, who edits
  the Kazakh fields (article and photo captions) and nothing else;
- neither: a reporter, who writes and edits their own unpublished articles.

Every save is a django-reversion version; a save made from an older version
than the stored one is refused (ArticleAdminForm). Publishing, unpublishing,
scheduling, deleting and restoring are written to the audit log.
"""

import difflib

import reversion
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, gettext_noop, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline
from reversion.admin import VersionAdmin
from reversion.models import Version

from articles import conflicts, credits, history, images, preview, richtext
from audit import trail as audit
from groundwork import saves, spelling
from groundwork.admin_messages import SENTENCES, AgreeingMessagesMixin

from .forms import ArticleAdminForm, ArticleSourceInlineFormSet, PhotoInlineFormSet
from .models import (
    Article,
    ArticleSource,
    Photo,
    Rubric,
    Source,
    Tag,
)

# Roles, from permissions ------------------------------------------------------


def can_publish(user):
    return user.has_perm("articles.publish_article")


def is_translator(user):
    """Kazakh fields only: translating without the right to publish."""
    return user.has_perm("articles.translate_article") and not can_publish(user)


def is_reporter(user):
    """Own unpublished articles only."""
    return not can_publish(user) and not user.has_perm("articles.translate_article")


def kk_fields(*names):
    return [f"{name}_kk" for name in names]


def ru_fields(*names):
    return [f"{name}_ru" for name in names]


def _photos_without_files(version):
    """The photos of ``version``'s revision whose picture is no longer stored."""
    photos = version.revision.version_set.filter(
        content_type__app_label="articles", content_type__model="photo"
    )
    return [
        item
        for item in photos
        if item.field_dict.get("image") and not images.is_stored(str(item.field_dict["image"]))
    ]


def _drop_photos_without_files(user, article):
    """Remove photos a restore brought back without their files; returns how many."""
    lost = [
        photo
        for photo in article.photos.all()
        if photo.image and not images.is_stored(photo.image.name)
    ]
    if not lost:
        return 0
    with reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(gettext_noop("Restored without the photos deleted since"))
        for photo in lost:
            photo.delete()
        reversion.add_to_revision(article)
    return len(lost)


def _lost_photos_message(count):
    return ngettext(
        "%(count)d photo of this version was deleted later, with its file: it cannot be "
        "restored, and the version is restored without it.",
        "%(count)d photos of this version were deleted later, with their files: they cannot "
        "be restored, and the version is restored without them.",
        count,
    ) % {"count": count}


# Small admins -----------------------------------------------------------------


class TabbedAdmin(AgreeingMessagesMixin, TabbedTranslationAdmin):
    """Fields per language in tabs, opened on the admin's language, and our messages."""

    class Media:
        js = ["js/admin/language-switch.js"]


@admin.register(Rubric)
class RubricAdmin(TabbedAdmin):
    sentences = SENTENCES["articles.rubric"]
    list_display = ["name_ru", "name_kk", "slug", "position", "comments"]
    list_editable = ["position"]
    search_fields = ["name_ru", "name_kk", "slug"]


@admin.register(Source)
class SourceAdmin(TabbedAdmin):
    sentences = SENTENCES["articles.source"]
    list_display = ["name_ru", "name_kk", "kind", "url"]
    list_filter = ["kind"]
    search_fields = ["name_ru", "name_kk", "url"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class KazakhNameFilter(admin.SimpleListFilter):
    """What translators have left: tags Kazakh pages still show in Russian."""

    # Translators: a list filter's title, lower-case like the field names beside it
    # ("status", "rubric"): Django's Russian admin prints it as it is.
    title = _("Kazakh name")
    parameter_name = "kk"

    def lookups(self, request, model_admin):
        return [("missing", _("missing")), ("present", _("present"))]

    def queryset(self, request, queryset):
        if self.value() == "missing":
            return queryset.filter(name_kk="")
        if self.value() == "present":
            return queryset.exclude(name_kk="")
        return queryset


@admin.register(Tag)
class TagAdmin(AgreeingMessagesMixin, admin.ModelAdmin):
    sentences = SENTENCES["articles.tag"]
    list_display = ["name", "name_kk", "slug", "article_count"]
    # Translators go down the list typing Kazakh names, one save for the page.
    list_editable = ["name_kk"]
    list_filter = [KazakhNameFilter]
    search_fields = ["name", "name_kk", "slug"]
    fields = ["name", "name_kk", "slug"]
    # Narrow enough for the list to keep its article count column in view.
    formfield_overrides = {models.CharField: {"widget": forms.TextInput(attrs={"size": 24})}}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(articles=models.Count("tagged_articles"))

    @admin.display(description=_("articles"), ordering="articles")
    def article_count(self, tag):
        return tag.articles

    def get_readonly_fields(self, request, obj=None):
        # Who may not make tags (a translator) may only give them a Kazakh name.
        if not request.user.has_perm("articles.add_tag"):
            return ["name", "slug"]
        return ["slug"]


# Inlines ----------------------------------------------------------------------


class PhotoInline(TranslationStackedInline):
    model = Photo
    formset = PhotoInlineFormSet
    extra = 0
    fields = ["image", "preview", "caption", "credit", "alt", "position"]
    readonly_fields = ["preview"]
    classes = ["photos-inline"]

    @admin.display(description=_("preview"))
    def preview(self, photo):
        if not photo.pk or not photo.image:
            return "—"
        return format_html(
            '<img class="admin-photo-preview" src="{}" alt="" width="160">', photo.thumbnail_url
        )

    def get_readonly_fields(self, request, obj=None):
        fields = ["preview"]
        if is_translator(request.user):
            fields += ["image", "position", *ru_fields("caption", "credit", "alt")]
        return fields


class ArticleSourceInline(admin.TabularInline):
    model = ArticleSource
    formset = ArticleSourceInlineFormSet
    # On the article's page they are its sources, not "article sources".
    verbose_name = _("source")
    verbose_name_plural = _("sources")
    extra = 0
    fields = ["source", "role", "url", "position"]
    autocomplete_fields = ["source"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


# The changelist's translation filter --------------------------------------------


class TranslationStateFilter(admin.SimpleListFilter):
    # Translators: a list filter's title, lower-case like the field names beside it
    # ("status", "rubric"): Django's Russian admin prints it as it is.
    title = _("Kazakh translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        return [
            ("todo", _("To translate (missing or outdated)")),
            ("missing", _("Missing")),
            ("outdated", _("Outdated")),
            ("has", _("Has Kazakh")),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "has":
                return queryset.in_language("kk")
            case "missing":
                return queryset.missing_language("kk")
            case "outdated":
                return queryset.outdated_kazakh()
            case "todo":
                return queryset.to_translate()
        return queryset


# The article admin ------------------------------------------------------------


class ArticleAdmin(VersionAdmin, TabbedAdmin):
    """The article admin of the content alone.

    The admin site registers it together with the translators' workspace
    (newsroom/admin.py), which fills in the hooks below (translations/admin.py).
    """

    sentences = SENTENCES["articles.article"]
    form = ArticleAdminForm
    list_display = [
        "thumbnail",
        "headline",
        "rubric",
        "publication",
        "view_count",
        "translation_display",
    ]
    list_display_links = ["thumbnail", "headline"]
    list_filter = ["status", "rubric", TranslationStateFilter, "published_at"]
    list_select_related = ["rubric"]
    list_per_page = 50
    search_fields = ["title_ru", "title_kk", "lead_ru", "lead_kk"]
    autocomplete_fields = ["rubric", "author"]
    inlines = [PhotoInline, ArticleSourceInline]
    date_hierarchy = "published_at"
    actions = ["publish_selected", "unpublish_selected"]
    change_list_template = "admin/articles/article/change_list.html"
    object_history_template = "admin/articles/article/object_history.html"
    history_latest_first = True

    class Media:
        js = [
            "js/admin/tags.js",
            "js/admin/prose-editor-i18n.js",
            "js/admin/plain-text-lists.js",
        ]
        css = {"all": ["css/admin/articles.css", "css/admin/prose-editor.css"]}

    # Who sees and changes what ------------------------------------------------

    def has_publish_permission(self, request):
        return can_publish(request.user)

    def get_queryset(self, request):
        queryset = (
            super()
            .get_queryset(request)
            .prefetch_related(
                models.Prefetch("photos", queryset=Photo.objects.order_by("position", "id"))
            )
        )
        if is_reporter(request.user):
            queryset = queryset.filter(author=request.user)
        return queryset

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        if obj is not None and is_reporter(request.user):
            return obj.author_id == request.user.pk and obj.status != Article.Status.PUBLISHED
        return True

    def has_view_permission(self, request, obj=None):
        if not super().has_view_permission(request, obj):
            return False
        if obj is not None and is_reporter(request.user):
            return obj.author_id == request.user.pk
        return True

    def get_prepopulated_fields(self, request, obj=None):
        # Slugs are made on the server: the admin's URLify has no Kazakh letters
        # ("Маңғыстау" would become "maystau"). And for translators, whose
        # Russian fields are read-only, prepopulation would fail with a KeyError.
        return {}

    def get_readonly_fields(self, request, obj=None):
        user = request.user
        if is_translator(user):
            return [
                *ru_fields("title", "lead"),
                "russian_body",
                "rubric",
                "tag_list",
                "status",
                "published_at",
                "author",
                "byline",
                "age_rating",
                "is_breaking",
                "is_pinned",
                "comments",
                "not_for_telegram",
            ]
        if not can_publish(user):
            return ["published_at", "author", "is_breaking", "is_pinned", "comments"]
        return []

    def get_fieldsets(self, request, obj=None):
        if self.kazakh_mode(request, obj):
            return self.workspace_fieldsets(request, obj)
        user = request.user
        translator = is_translator(user)
        publication = [
            "rubric",
            "tag_list" if translator else "tags",
            "status",
            "published_at",
            "author",
            "byline",
            "age_rating",
            "is_breaking",
            "is_pinned",
            "comments",
            "not_for_telegram",
        ]
        fieldsets = [
            (
                None,
                {
                    "fields": [
                        *ru_fields("title", "lead"),
                        "russian_body" if translator else "body_ru",
                        *kk_fields("title", "lead", "body"),
                    ]
                },
            ),
            (_("Publication"), {"fields": publication}),
        ]
        if obj is not None:
            # Hidden: the version this form was loaded from (edit conflicts).
            publication.append("loaded_version")
        if obj is not None and user.has_perm("articles.translate_article"):
            fieldsets.append((_("Translation"), {"fields": ["translation_done"]}))
        return fieldsets

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if self.kazakh_mode(request, obj):
            form = self.workspace_form(form)
        return type(form.__name__, (form,), {"can_publish": can_publish(request.user)})

    # Saving -------------------------------------------------------------------

    def save_model(self, request, obj, form, change):
        user = request.user
        if not change and not obj.author_id:
            obj.author = user
        if not can_publish(user):
            # Belt and braces: the form already refuses these.
            if obj.status == Article.Status.PUBLISHED and not change:
                raise PermissionDenied
        previous = None
        if change:
            previous = Article.objects.filter(pk=obj.pk).values("status", "published_at").first()
            # Edit conflicts refused, counters never written back: articles/conflicts.py.
            conflicts.save(obj, form.stored_version)
        else:
            obj.save()
        if form.cleaned_data.get("translation_done") and obj.exists_in("kk"):
            # Stamped after the save, so it is newer than any Russian change in it.
            obj.kk_changed_at = timezone.now()
            Article.objects.filter(pk=obj.pk).update(kk_changed_at=obj.kk_changed_at)
            self.translation_confirmed(request, obj)
        self._audit_publication(request, obj, previous)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        self._warn_if_lead_credits(request, form.instance)
        if reversion.is_active():
            # The article was versioned when it was saved, before its photos,
            # sources and tags: version them again as they are now.
            article = form.instance
            reversion.add_to_revision(article)
            # Read afresh: the form's article has its photos prefetched as they
            # were before this save, and a version must hold them as saved.
            current = Article.objects.get(pk=article.pk)
            for related in (current.photos, current.article_sources, current.tagged_items):
                for item in related.all():
                    reversion.add_to_revision(item)

    def _warn_if_lead_credits(self, request, article):
        """Say so when a lead already credits the sources: the page leaves the line out."""
        rows = list(article.article_sources.select_related("source"))
        sentences = {
            "ru": _(
                "The Russian lead already credits %(sources)s: the page does not repeat "
                "them in the credits line under it."
            ),
            "kk": _(
                "The Kazakh lead already credits %(sources)s: the page does not repeat "
                "them in the credits line under it."
            ),
        }
        for code in article.languages:
            lead = getattr(article, f"lead_{code}", "") or ""
            if credits.credited_in(lead, rows, code):
                names = credits.credited_names(rows, code)
                messages.warning(request, sentences[code] % {"sources": ", ".join(names)})

    def _audit_publication(self, request, obj, previous):
        was_public = bool(previous) and previous["status"] == Article.Status.PUBLISHED
        now_public = obj.status == Article.Status.PUBLISHED
        if now_public and (
            not was_public or (previous and previous["published_at"] != obj.published_at)
        ):
            action = "schedule" if obj.is_scheduled else "publish"
            audit.record(request.user, action, obj, published_at=obj.published_at.isoformat())
        elif was_public and not now_public:
            audit.record(request.user, "unpublish", obj)

    def delete_model(self, request, obj):
        audit.record(request.user, "delete", obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for article in queryset:
            audit.record(request.user, "delete", article)
        super().delete_queryset(request, queryset)

    # Bulk actions -------------------------------------------------------------

    def _set_status(self, request, queryset, status, action):
        changed = 0
        for article in queryset.select_for_update(of=("self",)):
            with reversion.create_revision():
                reversion.set_user(request.user)
                # Kept in English, shown in the language of whoever reads the history.
                reversion.set_comment(
                    gettext_noop("Published from the article list")
                    if action == "publish"
                    else gettext_noop("Unpublished from the article list")
                )
                article.status = status
                if status == Article.Status.PUBLISHED and not article.published_at:
                    article.published_at = timezone.now()
                # The row is locked (select_for_update): a plain +1 is safe, and
                # an editor who had it open gets the conflict message.
                article.version += 1
                article.save(update_fields=["status", "published_at", "version", "updated_at"])
            if status == Article.Status.PUBLISHED:
                audit.record(
                    request.user, "schedule" if article.is_scheduled else "publish", article
                )
            else:
                audit.record(request.user, "unpublish", article)
            changed += 1
        return changed

    def _bulk_set_status(self, request, queryset, status, action, message):
        with transaction.atomic():
            changed = self._set_status(request, queryset, status, action)
        self.message_user(request, message(changed) % {"count": changed}, messages.SUCCESS)

    @admin.action(description=_("Publish selected articles"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        self._bulk_set_status(
            request,
            queryset.exclude(status=Article.Status.PUBLISHED),
            Article.Status.PUBLISHED,
            "publish",
            lambda n: ngettext("%(count)d article published.", "%(count)d articles published.", n),
        )

    @admin.action(description=_("Unpublish selected articles"), permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        self._bulk_set_status(
            request,
            queryset.filter(status=Article.Status.PUBLISHED),
            Article.Status.DRAFT,
            "unpublish",
            lambda n: ngettext(
                "%(count)d article unpublished.", "%(count)d articles unpublished.", n
            ),
        )

    # Changelist columns -------------------------------------------------------

    @admin.display(description=_("photo"))
    def thumbnail(self, obj):
        photos = list(obj.photos.all())
        if not photos or not photos[0].image:
            return mark_safe('<span class="admin-thumb admin-thumb--empty"></span>')
        return format_html(
            '<img class="admin-thumb" src="{}" alt="" width="56" height="42" loading="lazy">',
            photos[0].thumbnail_url,
        )

    @admin.display(description=_("headline"), ordering="title_ru")
    def headline(self, obj):
        return obj.title_ru or obj.title_kk or f"#{obj.pk}"

    # The status above its time, in one column: the list fits a laptop's screen
    # beside the sidebar and the filters with the Kazakh and Telegram columns.
    @admin.display(description=_("status and time"), ordering="published_at")
    def publication(self, obj):
        state = gettext("scheduled") if obj.is_scheduled else obj.get_status_display()
        if obj.published_at is None:
            return state
        moment = timezone.localtime(obj.published_at)
        return format_html(
            '{}<br><time class="list-time" datetime="{}">{}</time>',
            state,
            moment.isoformat(),
            formats.date_format(moment, "SHORT_DATETIME_FORMAT"),
        )

    @admin.display(description=Article._meta.get_field("views").verbose_name, ordering="views")
    def view_count(self, obj):
        # "15 970", as the reader site writes it (Django's admin prints 15970).
        return formats.number_format(obj.views, force_grouping=True)

    @admin.display(description=_("Kazakh"))
    def translation_display(self, obj):
        state = obj.translation_state
        labels = {"missing": _("missing"), "outdated": _("outdated"), "done": _("done")}
        return format_html(
            '<span class="translation-state translation-state--{}">{}</span>',
            state,
            labels[state],
        )

    @admin.display(description=_("body [ru]"))
    def russian_body(self, obj):
        # Shown as the reader sees it; sanitized again, so it is safe to render.
        return mark_safe(richtext.sanitize(obj.body_ru)) if obj else ""  # noqa: S308

    @admin.display(description=_("tags"))
    def tag_list(self, obj):
        return ", ".join(tag.name for tag in obj.tags.all()) if obj and obj.pk else ""

    # Extra views: tag suggestions, version comparison, preview link, restore --

    def get_urls(self):
        return [
            path(
                "tag-suggestions/",
                self.admin_site.admin_view(self.tag_suggestions_view),
                name="articles_article_tag_suggestions",
            ),
            path(
                "<path:object_id>/history/compare/",
                self.admin_site.admin_view(self.compare_view),
                name="articles_article_compare",
            ),
            *super().get_urls(),
        ]

    def tag_suggestions_view(self, request):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        query = request.GET.get("q", "").strip()
        tags = Tag.objects.all()
        if query:
            condition = models.Q()
            # A tag is typed by its Russian name; its Kazakh name finds it too.
            for variant in spelling.variants(query):
                condition |= models.Q(name__icontains=variant)
                condition |= models.Q(name_kk__icontains=variant)
            tags = tags.filter(condition)
        names = list(tags.order_by("name").values_list("name", flat=True)[:50])
        # Tags that start with what was typed come first.
        folded = query.casefold()
        names.sort(key=lambda name: (not name.casefold().startswith(folded), name.casefold()))
        return JsonResponse({"tags": names[:20]})

    def view_on_site(self, obj):
        # A draft or scheduled article has no public page yet: show its preview.
        if obj.is_published:
            return obj.get_absolute_url()
        return preview.preview_url(obj, obj.languages[0] if obj.languages else "ru")

    # Hooks for the translators' workspace (translations/admin.py) ----------------

    def kazakh_mode(self, request, obj=None):
        """Whether this request edits the Kazakh version side by side with the Russian."""
        return False

    def workspace_fieldsets(self, request, obj):
        return []

    def workspace_form(self, form):
        return form

    def workspace_context(self, request, obj):
        return {}

    def workspace_url(self):
        return None

    def translation_confirmed(self, request, obj):
        """The Kazakh version was confirmed as current ("still accurate")."""

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # One save writes the article, its inlines and its tags: the work their
        # receivers ask for more than once is done once, at its end.
        with saves.one_save():
            return super().changeform_view(request, object_id, form_url, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        obj = self.get_object(request, unquote(object_id))
        if obj is not None and self.has_view_or_change_permission(request, obj):
            extra_context["preview_links"] = [
                (code.upper(), preview.preview_url(obj, code)) for code in ("ru", "kk")
            ]
            extra_context["preview_days"] = preview.PREVIEW_MAX_AGE.days
            if self.kazakh_mode(request, obj):
                extra_context.update(self.workspace_context(request, obj))
            elif request.user.has_perm("articles.translate_article"):
                extra_context["workspace_url"] = self.workspace_url()
        return super().change_view(request, object_id, form_url, extra_context)

    # django-reversion stores the change message as the editor read it, in
    # their language; Django's own (JSON) form is stored instead, so that the
    # history reads in the language of whoever opens it (articles/history.py).
    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        if reversion.is_active():
            reversion.set_comment(entry.change_message)
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        if reversion.is_active():
            reversion.set_comment(entry.change_message)
        return entry

    def history_view(self, request, object_id, extra_context=None):
        versions = list(
            Version.objects.get_for_object_reference(self.model, unquote(object_id))
            .select_related("revision__user")
            .order_by("-revision__date_created", "-pk")
        )
        statuses = dict(Article.Status.choices)
        names = history.HistoryNames()
        rows = [
            {
                "version": version,
                "number": version.field_dict.get("version"),
                "status": statuses.get(version.field_dict.get("status"), ""),
                "comment": names.change_message(version.revision),
                "url": reverse(
                    f"{self.admin_site.name}:articles_article_revision",
                    args=(quote(version.object_id), version.pk),
                ),
            }
            for version in versions
        ]
        context = {"version_rows": rows, "can_restore": can_publish(request.user)}
        context.update(extra_context or {})
        return super().history_view(request, object_id, context)

    def compare_view(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_view_or_change_permission(request, obj):
            raise Http404
        versions = Version.objects.get_for_object_reference(self.model, obj.pk)
        try:
            old = versions.get(pk=request.GET.get("old"))
            new = versions.get(pk=request.GET.get("new"))
        except (Version.DoesNotExist, ValueError) as error:
            raise Http404 from error
        if old.revision.date_created > new.revision.date_created:
            old, new = new, old
        changes = []
        fields = {field.attname: field for field in Article._meta.concrete_fields}
        # Bookkeeping, and the original columns modeltranslation keeps beside
        # the _ru/_kk ones (it writes whichever language was active: their
        # value means nothing).
        skip = {
            "id",
            "version",
            "updated_at",
            "created_at",
            "ru_changed_at",
            "kk_changed_at",
            *conflicts.LIVE_FIELDS,
            *Article.TEXT_FIELDS,
            "slug",
            "slug_ru",
            "slug_kk",
        }
        before, after = old.field_dict, new.field_dict
        for name, field in fields.items():
            if name in skip or before.get(name) == after.get(name):
                continue
            label = field.verbose_name
            old_text = history.readable_text(history.field_text(field, before.get(name)))
            new_text = history.readable_text(history.field_text(field, after.get(name)))
            diff = difflib.ndiff(old_text.split(), new_text.split())
            words = [(token[0], token[2:]) for token in diff if token[0] in " -+"]
            changes.append({"label": label, "name": name, "words": words})
        names = history.HistoryNames()
        old_related = history.related_names(old, names)
        new_related = history.related_names(new, names)
        for relation, label in (
            ("photos", _("photos")),
            ("article_sources", _("sources")),
            ("tagged_items", _("tags")),
        ):
            old_items = old_related[relation]
            new_items = new_related[relation]
            if old_items != new_items:
                changes.append(
                    {"label": label, "name": relation, "old": old_items, "new": new_items}
                )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": obj,
            "object_id": object_id,
            "title": gettext("Compare versions of “%(article)s”") % {"article": obj},
            "old": old,
            "new": new,
            "old_number": before.get("version"),
            "new_number": after.get("version"),
            "changes": changes,
        }
        return TemplateResponse(request, "admin/articles/article/compare.html", context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """Restore an old version: editors only, live counters kept, audited.

        A photo deleted after that version was saved lost its files with it:
        the editor is told before restoring, and the restore leaves it out
        rather than put a broken picture on the site.
        """
        if not can_publish(request.user):
            raise PermissionDenied
        get_object_or_404(Article, pk=unquote(object_id))
        version = get_object_or_404(Version, pk=version_id, object_id=unquote(object_id))
        if request.method == "GET" and (lost := _photos_without_files(version)):
            messages.warning(request, _lost_photos_message(len(lost)))
        with transaction.atomic(), conflicts.restoring(Article, unquote(object_id)):
            response = super().revision_view(request, object_id, version_id, extra_context)
            if request.method == "POST" and response.status_code == 302:
                article = Article.objects.get(pk=unquote(object_id))
                if dropped := _drop_photos_without_files(request.user, article):
                    messages.warning(request, _lost_photos_message(dropped))
                audit.record(request.user, "restore", article, version_id=int(version_id))
        return response

    def recoverlist_view(self, request, extra_context=None):
        if not can_publish(request.user):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not can_publish(request.user):
            raise PermissionDenied
        response = super().recover_view(request, version_id, extra_context)
        if request.method == "POST" and response.status_code == 302:
            version = get_object_or_404(Version, pk=version_id)
            article = Article.objects.filter(pk=version.object_id).first()
            if article:
                audit.record(request.user, "restore", article, version_id=int(version_id))
        return response
