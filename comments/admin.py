"""Moderation in the admin: one queue of pending comments, bulk decisions, blocking readers.

The "Moderators" role (migration 0002) has exactly the permissions used here.
Phone numbers are only ever shown masked (``+7 7** *** **12``).
"""

from django.contrib import admin, messages
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from groundwork.admin_messages import AgreeingMessagesMixin

from . import admin_messages, moderation
from .models import Comment, Reader


class StatusFilter(admin.SimpleListFilter):
    """Opens on the queue: pending comments, unless another status (or all) is chosen."""

    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [*Comment.Status.choices, ("all", _("All"))]

    def choices(self, changelist):
        value = self.value() or Comment.Status.PENDING
        for lookup, title in self.lookup_choices:
            yield {
                "selected": value == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        value = self.value() or Comment.Status.PENDING
        if value == "all":
            return queryset
        return queryset.filter(status=value)


@admin.register(Comment)
class CommentAdmin(AgreeingMessagesMixin, admin.ModelAdmin):
    sentences = admin_messages.COMMENT
    list_display = ["excerpt", "article_title", "author", "phone", "status", "created_at"]
    list_display_links = ["excerpt"]
    list_filter = [StatusFilter, "language", "created_at"]
    list_select_related = ["article", "reader", "article__rubric"]
    search_fields = ["text", "reader__display_name", "article__title_ru", "article__title_kk"]
    ordering = ["-created_at", "-id"]
    actions = ["approve", "hide", "delete_selected", "block_authors"]
    readonly_fields = [
        "article",
        "reader",
        "parent",
        "text",
        "language",
        "created_at",
        "moderated_at",
    ]
    fields = [*readonly_fields[:5], "status", "created_at", "moderated_at"]
    list_per_page = 50

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("comment"))
    def excerpt(self, obj):
        return obj.text if len(obj.text) <= 120 else obj.text[:119] + "…"

    @admin.display(description=_("article"))
    def article_title(self, obj):
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>',
            obj.article.get_absolute_url(obj.language),
            getattr(obj.article, f"title_{obj.language}") or obj.article.title_ru,
        )

    @admin.display(description=_("reader"))
    def author(self, obj):
        if obj.reader is None:
            return obj.author_name
        if obj.reader.is_blocked:
            return format_html("{} <strong>({})</strong>", obj.reader.display_name, _("blocked"))
        return obj.reader.display_name

    @admin.display(description=_("phone"))
    def phone(self, obj):
        if obj.reader is None:
            return ""
        return format_html('<span class="nowrap">{}</span>', obj.reader.masked_phone)

    @admin.action(description=_("Approve selected comments"), permissions=["change"])
    def approve(self, request, queryset):
        count = moderation.approve(request.user, queryset)
        said = ngettext("%(count)s comment approved.", "%(count)s comments approved.", count)
        self.message_user(request, said % {"count": count})

    @admin.action(description=_("Hide selected comments"), permissions=["change"])
    def hide(self, request, queryset):
        count = moderation.hide(request.user, queryset)
        said = ngettext("%(count)s comment hidden.", "%(count)s comments hidden.", count)
        self.message_user(request, said % {"count": count})

    @admin.action(
        description=_("Block the authors of selected comments (hides all their comments)"),
        permissions=["change"],
    )
    def block_authors(self, request, queryset):
        readers = Reader.objects.filter(pk__in=queryset.values("reader"))
        count = moderation.block(request.user, readers)
        said = ngettext("%(count)s reader blocked.", "%(count)s readers blocked.", count)
        self.message_user(request, said % {"count": count})

    def save_model(self, request, obj, form, change):
        # A status chosen in the form goes through the same audited path.
        if "status" in form.changed_data:
            decide = {
                Comment.Status.APPROVED: moderation.approve,
                Comment.Status.HIDDEN: moderation.hide,
            }.get(obj.status)
            if decide is not None:
                decide(request.user, [obj])
                return
        super().save_model(request, obj, form, change)

    def delete_model(self, request, obj):
        moderation.delete(request.user, [obj])

    def delete_queryset(self, request, queryset):
        moderation.delete(request.user, queryset)


@admin.register(Reader)
class ReaderAdmin(AgreeingMessagesMixin, admin.ModelAdmin):
    sentences = admin_messages.READER
    list_display = [
        "display_name",
        "masked_phone",
        "created_at",
        "terms_version",
        "blocked_at",
        "closed_at",
    ]
    list_filter = ["blocked_at", "closed_at"]
    # The full number finds its reader (a request from the authorities)
    # without listing anyone's number.
    search_fields = ["display_name", "=phone"]
    ordering = ["-created_at", "-id"]
    actions = ["block", "unblock"]
    fields = [
        "display_name",
        "masked_phone",
        "terms_version",
        "terms_accepted_at",
        "created_at",
        "blocked_at",
        "closed_at",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        # Identification data is deleted by purge_readers, after the retention period.
        return False

    @admin.display(description=_("phone"))
    def masked_phone(self, obj):
        return obj.masked_phone

    @admin.action(
        description=_("Block selected readers (hides all their comments)"),
        permissions=["change"],
    )
    def block(self, request, queryset):
        count = moderation.block(request.user, queryset)
        self.message_user(
            request,
            ngettext("%(count)s reader blocked.", "%(count)s readers blocked.", count)
            % {"count": count},
        )

    @admin.action(description=_("Unblock selected readers"), permissions=["change"])
    def unblock(self, request, queryset):
        count = moderation.unblock(request.user, queryset)
        self.message_user(
            request,
            ngettext("%(count)s reader unblocked.", "%(count)s readers unblocked.", count)
            % {"count": count},
            messages.SUCCESS,
        )
