"""The translators' workspace in the article admin, and their queue.

The Kazakh mode of an article's change form shows each Russian field beside
its Kazakh field (templates/admin/articles/article/workspace.html, with
static/js/admin/workspace.js pairing body blocks and static/css/admin/workspace.css
laying them out). A translator always gets it; an editor opens it with
``?mode=kk`` ("Translate" on the change form). Its form holds the Kazakh
fields only, so a save in that mode, forged or not, changes nothing else.

"Save" keeps the typed Kazakh text as the article's draft (translations/drafts.py):
readers go on seeing the published Kazakh text, or none. "Publish the Kazakh
version" (``PUBLISH``) saves the article itself, through the normal save, once
every Russian block has its Kazakh block.

The queue is the article list filtered by ``?translation=todo|missing|outdated``:
it shows the state, the Russian words to translate or that changed, the
publication time and the views, most read first.
"""

import re

import reversion
from django import forms
from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from articles import richtext
from articles.models import Article, Photo
from audit import trail as audit
from translations import drafts, workspace

MODE_PARAMETER = "mode"
KAZAKH_MODE = "kk"
QUEUE_STATES = {"todo", "missing", "outdated"}
# Queue columns; the sort links below name them by position.
QUEUE_COLUMNS = [
    "headline",
    "translation_display",
    "words_to_translate",
    "published_at",
    "view_count",
]
CONFIRMED = gettext_noop("Confirmed the Kazakh version as still accurate")
PUBLISHED = gettext_noop("Published the Kazakh version")
# The workspace's second submit button.
PUBLISH = "_publish_kk"


def translates_only(user):
    """A translator: Kazakh fields only, always in the workspace."""
    return user.has_perm("articles.translate_article") and not user.has_perm(
        "articles.publish_article"
    )


class WorkspacePhotoInline(admin.StackedInline):
    """Each photo's Russian caption, alt text and credit beside the Kazakh ones."""

    model = Photo
    extra = 0
    max_num = 0
    can_delete = False
    fields = [
        "preview",
        ("russian_caption", "caption_kk"),
        ("russian_alt", "alt_kk"),
        ("russian_credit", "credit_kk"),
    ]
    readonly_fields = ["preview", "russian_caption", "russian_alt", "russian_credit"]
    classes = ["photos-inline", "translation-workspace-photos"]
    verbose_name = _("photo")
    verbose_name_plural = _("photos")

    def has_add_permission(self, request, obj=None):
        return False

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        draft = drafts.draft_of(obj)
        form = type(
            formset.form.__name__,
            (DraftPhotoTexts, formset.form),
            {"draft_photos": draft.photos if draft else {}},
        )
        return type(formset.__name__, (formset,), {"form": form})

    def get_queryset(self, request):
        # The article and what its translation was based on, once for all photos.
        return super().get_queryset(request).select_related("article__kazakh_basis")

    # The Russian texts, with their changes since the translation when it is outdated.
    @admin.display(description=Photo._meta.get_field("caption_ru").verbose_name)
    def russian_caption(self, photo):
        return workspace.photo_text(photo, "caption")

    @admin.display(description=Photo._meta.get_field("alt_ru").verbose_name)
    def russian_alt(self, photo):
        return workspace.photo_text(photo, "alt")

    @admin.display(description=Photo._meta.get_field("credit_ru").verbose_name)
    def russian_credit(self, photo):
        return workspace.photo_text(photo, "credit")

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("preview"))
    def preview(self, photo):
        if not photo.pk or not photo.image:
            return "—"
        return format_html(
            '<img class="admin-photo-preview" src="{}" alt="" width="160">', photo.thumbnail_url
        )


def _canonical(html):
    # The editor wraps each list item's text in a paragraph: <li><p>…</p></li>.
    html = richtext.sanitize(html or "")
    return re.sub(r"<li>\s*<p>(.*?)</p>\s*</li>", r"<li>\1</li>", html, flags=re.S)


def _same_text(posted, stored, rich=False):
    """Whether a posted value is the stored one as the browser sends it back:
    textareas send CRLF line ends, the editor writes its own markup."""
    if rich:
        return _canonical(posted) == _canonical(stored)
    return (posted or "").replace("\r\n", "\n").strip() == (stored or "").strip()


class DraftPhotoTexts:
    """A photo's Kazakh texts as the draft has them; on publishing, a photo is
    saved when they differ from the published ones (not only from the draft)."""

    draft_photos = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.published = {name: self.initial.get(f"{name}_kk") for name in drafts.PHOTO_FIELDS}
        texts = self.draft_photos.get(str(self.instance.pk)) if self.instance.pk else None
        for name, value in (texts or {}).items():
            self.initial[f"{name}_kk"] = value

    def has_changed(self):
        if super().has_changed():
            return True
        cleaned = getattr(self, "cleaned_data", {})
        return any(
            f"{name}_kk" in cleaned and (cleaned[f"{name}_kk"] or "") != (value or "")
            for name, value in self.published.items()
        )

    def kazakh_texts(self):
        return {name: self.cleaned_data.get(f"{name}_kk") or "" for name in drafts.PHOTO_FIELDS}


class KazakhTextsKept:
    """A Kazakh field sent back unchanged keeps its stored value byte for byte, so
    opening the Kazakh mode and saving changes only what was typed.

    The stored value is the draft's when there is one (it is what the form
    shows). Publishing is refused while the texts leave a Russian block, the
    headline or the lead untranslated.
    """

    kazakh_draft = None
    publishing = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.kazakh_draft is not None:
            for name in ("title", "lead", "body"):
                self.initial[f"{name}_kk"] = getattr(self.kazakh_draft, name)
        # The draft this workspace was opened with (a refused save keeps the one
        # it was opened with: only a reload brings the newer text).
        self.draft_opened_with = (
            self.data.get(drafts.STAMP_FIELD, "")
            if self.is_bound
            else drafts.stamp(self.kazakh_draft)
        )

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            # Another translator's draft saved since this one was opened is never
            # overwritten unseen (the article's own version does not move with it).
            reason = drafts.conflict(self.instance, self.data.get(drafts.STAMP_FIELD))
            if reason:
                raise forms.ValidationError(reason, code="draft_conflict")
        if self.publishing:
            missing = drafts.untranslated(
                self.instance,
                cleaned.get("title_kk"),
                cleaned.get("lead_kk"),
                cleaned.get("body_kk"),
            )
            if missing:
                raise forms.ValidationError(
                    gettext(
                        "The Kazakh version cannot be published yet: not translated are "
                        "%(parts)s. Save it as a draft and publish it when every Russian "
                        "block has its Kazakh block."
                    )
                    % {"parts": "; ".join(missing)},
                    code="untranslated",
                )
        for name in ("title_kk", "lead_kk", "body_kk"):
            stored = self.initial.get(name)
            if name in cleaned and stored is not None and cleaned[name] != stored:
                if _same_text(cleaned[name], stored, rich=name == "body_kk"):
                    cleaned[name] = stored
        return cleaned


class TranslationWorkspaceMixin:
    """What ArticleAdmin adds for translators: the Kazakh mode and the queue."""

    # The Kazakh mode ---------------------------------------------------------------

    def kazakh_mode(self, request, obj=None):
        if obj is None or not request.user.has_perm("articles.translate_article"):
            return False
        return translates_only(request.user) or request.GET.get(MODE_PARAMETER) == KAZAKH_MODE

    def workspace_fieldsets(self, request, obj):
        return [
            (None, {"fields": ["title_kk", "lead_kk", "body_kk"]}),
            (_("Translation"), {"fields": ["translation_done", "loaded_version"]}),
        ]

    def workspace_form(self, form):
        # No language tabs in the workspace: each field is in its place already.
        for field in form.base_fields.values():
            classes = field.widget.attrs.get("class", "").split()
            kept = [name for name in classes if name != "mt" and not name.startswith("mt-")]
            if kept != classes:
                field.widget.attrs["class"] = " ".join(kept)
        return type(form.__name__, (KazakhTextsKept, form), {})

    def get_queryset(self, request):
        # An article's draft comes with it: the workspace and the lists read it.
        # (Django's list then takes no list_select_related of its own: named here.)
        related = self.get_list_select_related(request)
        return super().get_queryset(request).select_related(*related)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if not self.kazakh_mode(request, obj):
            return form
        attrs = {"kazakh_draft": drafts.draft_of(obj), "publishing": self.publishes(request)}
        return type(form.__name__, (form,), attrs)

    def get_inlines(self, request, obj):
        if self.kazakh_mode(request, obj):
            return [WorkspacePhotoInline]
        return super().get_inlines(request, obj)

    def workspace_context(self, request, obj):
        changes = workspace.russian_changes(obj)
        draft = drafts.draft_of(obj)
        return {
            "workspace": changes,
            "kazakh_draft": draft,
            "kazakh_draft_left": drafts.progress(obj.body_ru, draft.body) if draft else None,
            "kazakh_published": obj.exists_in("kk"),
            "workspace_publish": PUBLISH,
            "workspace_mode_parameter": MODE_PARAMETER,
            "workspace_mode": KAZAKH_MODE,
            "workspace_forced": translates_only(request.user),
            # modeltranslation's labels: "headline [ru]" beside "headline [kk]".
            "workspace_labels": {
                name: Article._meta.get_field(f"{name}_ru").verbose_name
                for name in ("title", "lead", "body")
            },
        }

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if not form_url and request.GET.get(MODE_PARAMETER) == KAZAKH_MODE:
            # The form posts back to the Kazakh mode: Django's form goes to "?" plus
            # the list's filters only, and an editor's save would lose the workspace.
            form_url = self.workspace_url()
        return super().change_view(request, object_id, form_url, extra_context)

    def workspace_url(self):
        return f"?{MODE_PARAMETER}={KAZAKH_MODE}"

    def translation_confirmed(self, request, obj):
        """The Kazakh version was confirmed as current ("still accurate")."""
        workspace.remember_basis(obj)
        audit.record(request.user, "confirm_translation", obj)
        request._newsroom_translation_confirmed = True

    # Saving: a draft, or the Kazakh version published ---------------------------------

    def publishes(self, request):
        return request.method == "POST" and PUBLISH in request.POST

    def saves_draft(self, request, obj):
        """A save in the Kazakh mode that is not "Publish": it writes the draft only."""
        return (
            request.method == "POST"
            and obj is not None
            and obj.pk is not None
            and self.kazakh_mode(request, obj)
            and not self.publishes(request)
        )

    def save_model(self, request, obj, form, change):
        if not self.saves_draft(request, obj):
            super().save_model(request, obj, form, change)
            if self.publishes(request) and self.kazakh_mode(request, obj):
                request._newsroom_kazakh_published = True
            return
        # The article's row is left alone: its Kazakh text is what readers see.
        # The typed texts become the draft in save_related, with the photos'.
        request._newsroom_kazakh_texts = {
            name: form.cleaned_data.get(f"{name}_kk") for name in ("title", "lead", "body")
        }
        live = Article.objects.get(pk=obj.pk)
        if form.cleaned_data.get("translation_done") and live.exists_in("kk"):
            # "Still accurate" confirms the published Kazakh text, not the draft.
            live.kk_changed_at = timezone.now()
            Article.objects.filter(pk=live.pk).update(kk_changed_at=live.kk_changed_at)
            self.translation_confirmed(request, live)
            if reversion.is_active():
                reversion.add_to_revision(live)

    def save_related(self, request, form, formsets, change):
        texts = getattr(request, "_newsroom_kazakh_texts", None)
        if texts is None:
            super().save_related(request, form, formsets, change)
            if getattr(request, "_newsroom_kazakh_published", False):
                self.kazakh_version_published(request, form.instance)
            return
        photos = {}
        for formset in formsets:
            for photo_form in formset.forms:
                if isinstance(photo_form, DraftPhotoTexts) and photo_form.instance.pk:
                    photos[str(photo_form.instance.pk)] = photo_form.kazakh_texts()
        article = Article.objects.get(pk=form.instance.pk)
        request._newsroom_kazakh_draft = drafts.save(article, request.user, photos=photos, **texts)

    def kazakh_version_published(self, request, obj):
        """The workspace published the Kazakh version: the draft is done with."""
        drafts.discard(obj)
        audit.record(request.user, "publish_translation", obj)

    def log_change(self, request, obj, message):
        if getattr(request, "_newsroom_kazakh_texts", None) is not None and not getattr(
            request, "_newsroom_translation_confirmed", False
        ):
            # A draft is not a version of the article: no history entry.
            return None
        return super().log_change(request, obj, message)

    def construct_change_message(self, request, form, formsets, add=False):
        if getattr(request, "_newsroom_kazakh_published", False):
            # Shown in the language of whoever reads the history.
            return PUBLISHED
        if getattr(request, "_newsroom_kazakh_texts", None) is not None:
            # A draft saved: the formsets were not saved, nothing else changed.
            confirmed = getattr(request, "_newsroom_translation_confirmed", False)
            return CONFIRMED if confirmed else ""
        message = super().construct_change_message(request, form, formsets, add)
        confirmed = getattr(request, "_newsroom_translation_confirmed", False)
        if (
            confirmed
            and set(form.changed_data) <= {"translation_done"}
            and not any(formset.has_changed() for formset in formsets)
        ):
            # Shown in the language of whoever reads the history.
            return CONFIRMED
        return message

    def response_change(self, request, obj):
        if getattr(request, "_newsroom_kazakh_texts", None) is not None:
            return self.draft_saved_response(request, obj)
        if getattr(request, "_newsroom_kazakh_published", False):
            self.message_user(
                request,
                gettext("The Kazakh version of “%(article)s” is published.") % {"article": obj},
                messages.SUCCESS,
            )
            # Back to the list (the queue) the article was opened from.
            return self.response_post_save_change(request, obj)
        response = super().response_change(request, obj)
        if (
            "_continue" in request.POST
            and request.GET.get(MODE_PARAMETER) == KAZAKH_MODE
            and response.status_code == 302
            and MODE_PARAMETER + "=" not in response["Location"]
        ):
            glue = "&" if "?" in response["Location"] else "?"
            response["Location"] += f"{glue}{MODE_PARAMETER}={KAZAKH_MODE}"
        return response

    def draft_saved_response(self, request, obj):
        draft = getattr(request, "_newsroom_kazakh_draft", None)
        confirmed = getattr(request, "_newsroom_translation_confirmed", False)
        if draft is None and confirmed:
            text = ""
        elif draft is None:
            text = gettext("Nothing to save: the Kazakh text is the published one.")
        else:
            left, total = drafts.progress(obj.body_ru, draft.body)
            text = gettext(
                "The Kazakh draft is saved (%(progress)s). Readers see the Kazakh "
                "version only when it is published."
            ) % {"progress": drafts.in_progress_label(left, total, short=True)}
        if confirmed:
            text = f"{gettext('The Kazakh text is confirmed as still accurate.')} {text}".strip()
            if draft is None and "_continue" not in request.POST:
                self.message_user(request, text, messages.SUCCESS)
                return self.response_post_save_change(request, obj)
        self.message_user(request, text, messages.SUCCESS)
        return HttpResponseRedirect(request.get_full_path())

    # The queue -----------------------------------------------------------------------

    def in_queue(self, request):
        return request.GET.get("translation") in QUEUE_STATES

    def get_list_display(self, request):
        if self.in_queue(request):
            return QUEUE_COLUMNS
        return super().get_list_display(request)

    def get_changelist(self, request, **kwargs):
        changelist = super().get_changelist(request, **kwargs)
        if not self.in_queue(request) or translates_only(request.user):
            return changelist
        if not request.user.has_perm("articles.translate_article"):
            return changelist

        class QueueChangeList(changelist):
            # An editor working through the queue translates: the Kazakh mode.
            def url_for_result(self, result):
                return f"{super().url_for_result(result)}?{MODE_PARAMETER}={KAZAKH_MODE}"

        return QueueChangeList

    def get_list_display_links(self, request, list_display):
        if self.in_queue(request):
            return ["headline"]
        return super().get_list_display_links(request, list_display)

    def get_list_select_related(self, request):
        if self.in_queue(request):
            return ["rubric", "kazakh_basis", "kazakh_draft"]
        return [*super().get_list_select_related(request), "kazakh_draft"]

    @admin.display(description=_("Kazakh"))
    def translation_display(self, obj):
        state, label = drafts.state(obj)
        return format_html(
            '<span class="translation-state translation-state--{}">{}</span>', state, label
        )

    def changelist_view(self, request, extra_context=None):
        if self.in_queue(request):
            if "o" not in request.GET:
                # Most read first, spelled as a column order so that the list's
                # headers show it (Django marks only the model's own ordering).
                request.GET = request.GET.copy()
                request.GET["o"] = self.queue_orders(request)[0]["order"]
            extra_context = {**(extra_context or {}), "queue_orders": self.queue_orders(request)}
        return super().changelist_view(request, extra_context)

    @admin.display(description=_("words"))
    def words_to_translate(self, obj):
        count = workspace.words_to_translate(obj, history=False)
        return "—" if count is None else number_format(count, force_grouping=True)

    def queue_orders(self, request):
        """Ready-made orders for the queue: most read, oldest and newest first."""
        # Django numbers the columns from 0, the action checkbox (if any) first.
        offset = 1 if self.get_actions(request) else 0
        views = QUEUE_COLUMNS.index("view_count") + offset
        published = QUEUE_COLUMNS.index("published_at") + offset
        query = request.GET.copy()
        links = []
        for label, order in (
            (gettext("Most read first"), f"-{views}"),
            (gettext("Oldest first"), f"{published}"),
            (gettext("Newest first"), f"-{published}"),
        ):
            query["o"] = order
            query.pop("p", None)
            links.append(
                {
                    "order": order,
                    "label": label,
                    "url": "?" + query.urlencode(),
                    "active": request.GET.get("o") == order,
                }
            )
        return links
