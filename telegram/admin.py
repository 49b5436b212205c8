"""The posts' own admin list (every post, its state and reason) and the "try again" view."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from . import delivery, history, publication, states
from .models import Post


def can_retry(user):
    return user.has_perm("articles.publish_article")


def retry(post, user):
    """Failed → waiting, once: True when this call put it back in the queue."""
    changed = Post.objects.filter(pk=post.pk, state=Post.State.FAILED).update(
        state=Post.State.WAITING,
        attempts=0,
        error="",
        sending_since=None,
        due_at=timezone.now(),
        updated_at=timezone.now(),
    )
    if not changed:
        return False
    history.record(post, "retry", actor=user)
    channel = delivery.connect(post.language)
    if channel is not None:
        delivery.schedule(channel)
    return True


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = ["article", "language", "state", "due_at", "posted_at", "state_text"]
    list_filter = ["state", "language"]
    list_select_related = ["article"]
    search_fields = ["article__title_ru", "article__title_kk"]
    readonly_fields = [field.name for field in Post._meta.fields]
    actions = ["retry_selected"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    # Whoever may change articles reads their posts: the list is on the admin's
    # index and sidebar for them, though the role has no permission of this app.
    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("articles.change_article") or super().has_view_permission(
            request, obj
        )

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_retry_permission(self, request):
        return can_retry(request.user)

    @admin.display(description=_("what the editor sees"))
    def state_text(self, post):
        return states.describe(post.article, post)[1]

    @admin.action(description=_("Try again"), permissions=["retry"])
    def retry_selected(self, request, queryset):
        count = sum(retry(post, request.user) for post in queryset)
        self.message_user(
            request, gettext("Posts back in the queue: %(count)d.") % {"count": count}
        )

    def changelist_view(self, request, extra_context=None):
        if not publication.enabled():
            self.message_user(request, states.OFF, messages.WARNING)
        return super().changelist_view(request, extra_context)

    def get_urls(self):
        return [
            path(
                "<int:pk>/retry/",
                self.admin_site.admin_view(require_POST(self.retry_view)),
                name="telegram_post_retry",
            ),
            *super().get_urls(),
        ]

    def retry_view(self, request, pk):
        post = get_object_or_404(Post.objects.select_related("article"), pk=pk)
        if not can_retry(request.user):
            raise PermissionDenied
        if retry(post, request.user):
            self.message_user(request, gettext("The post is back in the queue."), messages.SUCCESS)
        else:
            self.message_user(
                request, gettext("This post is not failed: nothing to try again."), messages.INFO
            )
        return redirect(reverse("admin:articles_article_change", args=[post.article_id]))
