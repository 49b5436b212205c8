"""What a post says: the headline in bold, the lead, the link, the age mark.

Telegram's HTML parse mode wants only ``<``, ``>`` and ``&`` escaped (and
``"`` inside an attribute); a stray one is a 400 "can't parse entities".
Its limits (1,024 characters for a caption, 4,096 for a text message) count
what the reader sees, after parsing, in UTF-16 units. The lead is cut to
fit while it is still plain text, at a word, so a cut never lands inside a
tag or an entity.
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

CAPTION_LIMIT = 1024
TEXT_LIMIT = 4096
AGE_MARKS = {"16+", "18+"}


def escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def visible_length(text):
    """Characters as Telegram counts them (UTF-16 units: an emoji is two)."""
    return len(text.encode("utf-16-le")) // 2


def cut_at_word(text, limit):
    """``text`` shortened to at most ``limit`` visible characters, at a word, with "…"."""
    if visible_length(text) <= limit:
        return text
    if limit <= 1:
        return ""
    kept = text
    while visible_length(kept) > limit - 1:
        kept = kept[: max(0, len(kept) - (visible_length(kept) - (limit - 1)))]
    space = kept.rfind(" ")
    if space > len(kept) // 2:
        kept = kept[:space]
    return kept.rstrip(" ,.;:—-") + "…"


def article_link(article, language):
    return settings.SITE_URL + article.get_absolute_url(language)


def compose(article, language, limit):
    """The post's HTML for ``article`` in ``language``, at most ``limit`` visible characters."""
    title = (getattr(article, f"title_{language}", "") or "").strip()
    lead = " ".join((getattr(article, f"lead_{language}", "") or "").split())
    url = article_link(article, language)
    with translation.override(language):
        read = gettext("Read on the site")
    mark = f" {article.age_rating}" if article.age_rating in AGE_MARKS else ""
    # The headline's line and the link's line are never cut; the lead gives way.
    title = cut_at_word(title, max(20, limit // 4))
    fixed = visible_length(title + mark + "\n\n" + "\n\n" + read)
    lead = cut_at_word(lead, limit - fixed) if lead else ""
    parts = [f"<b>{escape(title)}</b>{escape(mark)}"]
    if lead:
        parts.append(escape(lead))
    href = escape(url).replace('"', "&quot;")
    parts.append(f'<a href="{href}">{escape(read)}</a>')
    return "\n\n".join(parts)


def withdrawn_text(language):
    """What an old post (too old to delete) says once its story is withdrawn."""
    with translation.override(language):
        return gettext("This story has been withdrawn by the editors.")
