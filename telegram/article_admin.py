"""The Telegram part of the article admin: a list column and a change-form panel.

``TelegramArticleMixin`` is put together with the content's article admin
where the features meet (newsroom/admin.py), so the articles app never
imports this one. The panel's "try again" button posts the change form to
``telegram.admin``'s retry view (``formaction``): a form inside the admin's
form is not allowed in HTML.
"""

from django.contrib import admin
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from audit import trail

from . import history, publication, states
from .models import Post


@admin.display(description=_("Telegram"))
def telegram_column(article):
    if not publication.enabled():
        return format_html('<span class="telegram-state telegram-state--off">{}</span>', _("off"))
    return format_html_join(
        " ",
        '<span class="telegram-state telegram-state--{}" title="{}" style="{}">{}</span>',
        (
            (
                state,
                text,
                BADGE.format(COLOURS.get(state, "#666")),
                f"{code.upper()}: {_short(state)}",
            )
            for code, _name, state, text, _post in states.rows(article, channels=False)
            if publication.channel(code)
        ),
    )


def _short(state):
    """The state in a word, for the list (the sentence is in the badge's title)."""
    return dict(Post.State.choices).get(state, "—")


# A badge per language in the list: green posted, red failed, grey otherwise.
BADGE = "display:block;margin:0 0 2px;font-size:11px;color:{}"
COLOURS = {"posted": "#2e7d32", "failed": "#ba2121", "waiting": "#8a6d00"}


@admin.display(description=_("Channels"))
def telegram_panel(article):
    if article is None or article.pk is None:
        return ""
    if not publication.enabled():
        return format_html('<p class="telegram-off">{}</p>', states.OFF)
    rows = []
    for _code, name, state, text, post in states.rows(article):
        retry_url = ""
        if post is not None and post.state == Post.State.FAILED:
            retry_url = reverse("admin:telegram_post_retry", args=[post.pk])
        rows.append(
            {
                "name": name,
                "state": state,
                "text": text,
                "link": post.link if post is not None and post.state == "posted" else "",
                "retry_url": retry_url,
            }
        )
    return render_to_string(
        "telegram/panel.html",
        {
            "rows": rows,
            "events": [
                (entry, trail.details_text(entry)) for entry in history.for_article(article, 6)
            ],
        },
    )


def with_posts(queryset):
    """The articles' posts in one query, for the column; nothing while Telegram is off."""
    if not publication.enabled():
        return queryset
    return queryset.prefetch_related(
        Prefetch("telegram_posts", queryset=Post.objects.order_by("language"))
    )


class TelegramArticleMixin:
    """What the article admin shows of the Telegram posts."""

    def get_queryset(self, request):
        return with_posts(super().get_queryset(request))

    def get_list_display(self, request):
        return [*super().get_list_display(request), telegram_column]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), telegram_panel]

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is not None and not self.kazakh_mode(request, obj):
            fieldsets.append((_("Telegram"), {"fields": [telegram_panel]}))
        return fieldsets
