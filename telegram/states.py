"""What the editor reads about an article's posts: one line per language, in their language."""

from django.conf import settings
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import publication
from .models import Channel, Post


def describe(article, post, channel=None):  # noqa: PLR0911 - one answer per state
    """(css state, sentence) for ``article``'s post in ``post.language`` (post may be None)."""
    if post is None:
        return "none", ""
    state = post.state
    if state == Post.State.WAITING:
        now = timezone.now()
        if post.due_at > now:
            return "waiting", gettext("waiting for the scheduled time, %(time)s") % {
                "time": _time(post.due_at)
            }
        if channel is not None and channel.blocked_until and channel.blocked_until > now:
            return "waiting", gettext("waiting for Telegram's limit, until %(time)s") % {
                "time": _time(channel.blocked_until)
            }
        if post.attempts:
            return "waiting", gettext("waiting to try again (%(reason)s)") % {
                "reason": gettext(post.error) if post.error else "—"
            }
        return "waiting", gettext("waiting to be posted")
    if state == Post.State.SENDING:
        return "sending", gettext("being sent")
    if state == Post.State.POSTED:
        text = gettext("posted %(time)s") % {"time": _time(post.posted_at)}
        if post.pending == Post.Pending.EDIT:
            text += " · " + gettext("an edit is on its way")
        elif post.pending == Post.Pending.DELETE:
            text += " · " + gettext("being withdrawn")
        elif post.error:
            text += " · " + gettext("Telegram refused the last change: %(reason)s") % {
                "reason": gettext(post.error)
            }
        return "posted", text
    if state == Post.State.FAILED:
        return "failed", gettext("not posted: %(reason)s") % {"reason": gettext(post.error)}
    if state == Post.State.WITHDRAWN:
        return "withdrawn", gettext("withdrawn")
    return "skipped", gettext("not for Telegram")


def before_any_post(article, language):
    """Why there is no post yet (or never will be), for an article without a row."""
    if not publication.channel(language):
        return "off", gettext("no channel connected")
    if article.not_for_telegram:
        return "skipped", gettext("not for Telegram")
    published = article.status == article.Status.PUBLISHED and article.published_at is not None
    if language == "kk" and published and not publication.exists_in(article, "kk"):
        return "waiting", gettext("waiting for the Kazakh version")
    if not publication.is_coming(article, language):
        return "none", gettext("posted when published")
    return "none", gettext("not posted: published before the channel was connected")


def _time(moment):
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT") if moment else ""


def rows(article, channels=True):
    """[(language code, language name, css state, sentence, post)] for every language.

    ``channels=False`` (the list's column) reads nothing beyond the article's
    prefetched posts: no query per row.
    """
    posts = {post.language: post for post in article.telegram_posts.all()}
    channels = {channel.language: channel for channel in Channel.objects.all()} if channels else {}
    found = []
    for code, name in settings.LANGUAGES:
        post = posts.get(code)
        if post is None:
            state, text = before_any_post(article, code)
        else:
            state, text = describe(article, post, channels.get(code))
        found.append((code, gettext(name), state, text, post))
    return found


OFF = _(
    "Telegram is off: set TELEGRAM_BOT_TOKEN and TELEGRAM_CHANNEL_RU / TELEGRAM_CHANNEL_KK "
    "(see the Telegram section of the README)."
)
