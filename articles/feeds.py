"""RSS and Atom feeds for readers and news aggregators: one per language, one per rubric.

``/rss/`` and ``/kk/rss/`` carry the newest articles of that language;
``/<rubric>/rss/`` (and under ``/kk/``) those of one rubric; ``rss/atom/``
beside each carries the same items as Atom (under the reserved word ``rss``,
so no rubric slug can shadow it). Links are absolute from
``settings.SITE_URL`` (the canonical host), not from the request's host.

Every field here is plain text (titles, leads, names, the byline). A feed
reader takes an RSS ``<description>`` as HTML, and many take the other RSS
elements as HTML too, while Django's feed writer escapes them only once, for
XML: so in RSS each field is escaped once more (``as_text``) and a lead that
says ``<img onerror=…>`` reaches the reader as those characters, not as a
tag. Atom says what each element is: its ``<summary type="html">`` is
escaped the same way, its titles, names and categories are text already.
"""

from html import escape

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from articles import languages

from .models import Article, Comments, Rubric
from .signals import shows
from .templatetags.reader import localized, photo_image_url

FEED_SIZE = 30


def _site_name():
    names = settings.NEWSROOM_SITE_NAME
    return names.get(languages.current(), names[settings.LANGUAGE_CODE])


class RssWithCommentCounts(Rss201rev2Feed):
    """RSS 2.0 plus the Slash module's ``<slash:comments>``: the article's real comment count."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:slash": "http://purl.org/rss/1.0/modules/slash/"}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("comment_total") is not None:
            handler.addQuickElement("slash:comments", str(item["comment_total"]))


class LatestArticlesFeed(Feed):
    feed_type = RssWithCommentCounts

    def get_object(self, request):
        return None

    def as_text(self, value):
        """Plain text as an RSS reader must get it: escaped for HTML, then (by Django) for XML.

        Only ``&``, ``<`` and ``>``: quotes cannot open markup in an element's
        text, and a reader that takes the title as text then shows «ТОО "Каспий"»
        as typed, not with ``&quot;``.
        """
        return escape(value, quote=False)

    def as_html_text(self, value):
        """Plain text for an element that holds HTML in every feed type (the item description)."""
        return escape(value, quote=False)

    def title(self, obj):
        return self.as_text(_site_name())

    def link(self, obj):
        return settings.SITE_URL + reverse("articles:home")

    def feed_url(self, obj):
        return settings.SITE_URL + reverse("articles:feed")

    def description(self, obj):
        return self.as_text(_site_name())

    def articles(self, obj):
        return Article.objects.published().in_language(languages.current()).for_listing().latest()

    def items(self, obj):
        items = list(self.articles(obj).prefetch_related("tags")[:FEED_SIZE])
        shows(articles=items, lists=["published" if obj is None else ("rubric", obj.pk)])
        return items

    def item_title(self, item):
        return self.as_text(getattr(item, f"title_{languages.current()}"))

    def item_description(self, item):
        return self.as_html_text(getattr(item, f"lead_{languages.current()}") or "")

    def item_link(self, item):
        return settings.SITE_URL + item.get_absolute_url(languages.current())

    def item_guid(self, item):
        return self.item_link(item)

    item_guid_is_permalink = True

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        # The rubric, then the tags, named in the feed's language.
        names = [localized(item.rubric, "name")] + [
            localized(tag, "name") for tag in item.tags.all()
        ]
        return [self.as_text(name) for name in names]

    def item_extra_kwargs(self, item):
        # comment_total is one of the figures other apps annotate (LISTING_ANNOTATIONS).
        shown = item.comments_state != Comments.HIDDEN
        return {"comment_total": getattr(item, "comment_total", None) if shown else None}

    def item_author_name(self, item):
        return self.as_text(item.byline) if item.byline else None

    # The lead photo as an enclosure: aggregators show it next to the headline.
    def item_enclosure_url(self, item):
        photo = item.lead_photo
        return photo_image_url(photo) if photo else None

    def item_enclosure_length(self, item):
        # RSS asks for a length; reading it would mean a storage call per item,
        # and 0 ("unknown") is what aggregators accept.
        return 0

    def item_enclosure_mime_type(self, item):
        url = self.item_enclosure_url(item) or ""
        lower = url.lower()
        if lower.endswith(".png"):
            return "image/png"
        if lower.endswith(".webp"):
            return "image/webp"
        return "image/jpeg"


class RubricFeed(LatestArticlesFeed):
    def get_object(self, request, rubric):
        return get_object_or_404(Rubric, slug=rubric)

    def title(self, obj):
        return self.as_text(f"{localized(obj, 'name')} — {_site_name()}")

    def link(self, obj):
        return settings.SITE_URL + reverse("articles:rubric", kwargs={"rubric": obj.slug})

    def feed_url(self, obj):
        return settings.SITE_URL + reverse("articles:rubric_feed", kwargs={"rubric": obj.slug})

    def articles(self, obj):
        return super().articles(obj).in_rubric(obj)


class AtomMixin:
    """The same feed as Atom: titles, names and categories are text there, the summary HTML."""

    feed_type = Atom1Feed

    def as_text(self, value):
        return value

    def subtitle(self, obj):
        return self.description(obj)


class LatestArticlesAtomFeed(AtomMixin, LatestArticlesFeed):
    def feed_url(self, obj):
        return settings.SITE_URL + reverse("articles:atom_feed")


class RubricAtomFeed(AtomMixin, RubricFeed):
    def feed_url(self, obj):
        return settings.SITE_URL + reverse("articles:rubric_atom_feed", kwargs={"rubric": obj.slug})
