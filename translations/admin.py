"""The translators' workspace in the article admin, and their queue.

The Kazakh mode of an article's change form shows each Russian field beside
its Kazakh field (templates/admin/articles/article/workspace.html, with
static/js/admin/workspace.js pairing body blocks and static/css/admin/workspace.css
laying them out). A translator always gets it; an editor opens it with
``?mode=kk`` ("Translate" on the change form). Its form holds the Kazakh
fields only, so a save in that mode, forged or not, changes nothing else.

The queue is the article list filtered by ``?translation=todo|missing|outdated``:
it shows the state, the Russian words to translate or that changed, the
publication time and the views, most read first.
"""

import re

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from articles import richtext
from articles.models import Article, Photo
from audit import trail as audit
from translations import workspace

MODE_PARAMETER = "mode"
KAZAKH_MODE = "kk"
QUEUE_STATES = {"todo", "missing", "outdated"}
# Queue columns; the sort links below name them by position.
QUEUE_COLUMNS = ["headline", "translation_display", "words_to_translate", "published_at", "views"]
CONFIRMED = gettext_noop("Confirmed the Kazakh version as still accurate")


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


class KazakhTextsKept:
    """A Kazakh field sent back unchanged keeps its stored value byte for byte, so
    opening the Kazakh mode and saving changes only what was typed."""

    def clean(self):
        cleaned = super().clean()
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

    def get_inlines(self, request, obj):
        if self.kazakh_mode(request, obj):
            return [WorkspacePhotoInline]
        return super().get_inlines(request, obj)

    def workspace_context(self, request, obj):
        changes = workspace.russian_changes(obj)
        return {
            "workspace": changes,
            "workspace_mode_parameter": MODE_PARAMETER,
            "workspace_mode": KAZAKH_MODE,
            "workspace_forced": translates_only(request.user),
            # modeltranslation's labels: "headline [ru]" beside "headline [kk]".
            "workspace_labels": {
                name: Article._meta.get_field(f"{name}_ru").verbose_name
                for name in ("title", "lead", "body")
            },
        }

    def workspace_url(self):
        return f"?{MODE_PARAMETER}={KAZAKH_MODE}"

    def translation_confirmed(self, request, obj):
        """The Kazakh version was confirmed as current ("still accurate")."""
        workspace.remember_basis(obj)
        audit.record(request.user, "confirm_translation", obj)
        request._newsroom_translation_confirmed = True

    def construct_change_message(self, request, form, formsets, add=False):
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
            return ["rubric", "kazakh_basis"]
        return super().get_list_select_related(request)

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
        return "—" if count is None else count

    def queue_orders(self, request):
        """Ready-made orders for the queue: most read, oldest and newest first."""
        # Django numbers the columns from 0, the action checkbox (if any) first.
        offset = 1 if self.get_actions(request) else 0
        views = QUEUE_COLUMNS.index("views") + offset
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
