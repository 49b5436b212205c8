"""Template tags of the reader site: absolute URLs, names in the page's language,
source credits, share links, Open Graph images and the NewsArticle JSON-LD.
"""

import json
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info, override

from articles import languages

from .. import credits, richtext

register = template.Library()

# What json.dumps leaves that could close a <script> element early.
_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def absolute(path):
    """A site path as the canonical absolute URL."""
    if not path:
        return settings.SITE_URL + "/"
    if str(path).startswith(("http://", "https://")):
        return path
    return settings.SITE_URL + str(path)


@register.simple_tag
def localized(obj, field):
    """A translated name in the page's language; a proper name falls back to Russian.

    Also for a model that keeps only its other languages apart (a tag's own
    ``name`` is Russian, ``name_kk`` Kazakh): it falls back to ``field`` itself.
    """
    if obj is None:
        return ""
    return (
        getattr(obj, f"{field}_{languages.current()}", None)
        or getattr(obj, f"{field}_{settings.LANGUAGE_CODE}", None)
        or getattr(obj, field, None)
        or ""
    )


@register.filter
def grouped(number):
    """A count as readers write it, "15 970": digit groups held by a no-break space
    (the THOUSAND_SEPARATOR of newsroom/formats), so the number never wraps."""
    return number_format(number, force_grouping=True)


@register.filter
def unbroken_numbers(text):
    """Plain text whose numbers never break across lines: "№ 12345", "15 970"."""
    return richtext.unbroken_numbers_text(str(text))


@register.simple_tag
def credits_line(article_sources):
    """Who reports the article and whom they cite, as sentences (articles/credits.py)."""
    return credits.credits_line(article_sources)


@register.filter
def photo_image_url(photo):
    """An absolute URL of the photo for Open Graph, feeds and JSON-LD.

    The largest JPEG rendition (Photo.og_image), else the original; no file is opened.
    """
    if photo is None:
        return ""
    return absolute(photo.og_image["url"])


@register.simple_tag
def share_links(url, title):
    """Plain share links: no third-party script is loaded."""
    return [
        ("Telegram", "https://t.me/share/url?" + urlencode({"url": url, "text": title})),
        ("WhatsApp", "https://wa.me/?" + urlencode({"text": f"{title} {url}"})),
        ("Facebook", "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})),
        ("VK", "https://vk.com/share.php?" + urlencode({"url": url, "title": title})),
    ]


@register.simple_tag(takes_context=True)
def article_jsonld(context, article, photos, credits):
    """schema.org NewsArticle for search engines, as a JSON-LD data block."""
    language = languages.current()
    names = settings.NEWSROOM_SITE_NAME
    url = absolute(article.get_absolute_url(language))
    images = [photo_image_url(photo) for photo in photos]
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": (getattr(article, f"title_{language}") or "")[:110],
        "description": getattr(article, f"lead_{language}") or "",
        "inLanguage": language,
        "datePublished": article.published_at.isoformat() if article.published_at else None,
        "dateModified": article.updated_at.isoformat() if article.updated_at else None,
        "articleSection": localized(article.rubric, "name"),
        "keywords": [localized(tag, "name") for tag in context.get("tags", [])],
        "publisher": {
            "@type": "NewsMediaOrganization",
            "name": names.get(language, names[settings.LANGUAGE_CODE]),
            "url": absolute("/kk/" if language == "kk" else "/"),
        },
        "isAccessibleForFree": True,
    }
    if images:
        data["image"] = [image for image in images if image]
    if article.byline:
        data["author"] = [{"@type": "Person", "name": article.byline}]
    else:
        data["author"] = [{"@type": "Organization", "name": data["publisher"]["name"]}]
    cited = [
        {"@type": "CreativeWork", "name": localized(c.source, "name"), "url": c.url or c.source.url}
        for c in credits
        if c.url or c.source.url
    ]
    if cited:
        data["citation"] = cited
    body = json.dumps(
        {key: value for key, value in data.items() if value is not None},
        ensure_ascii=False,
    ).translate(_JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{body}</script>')  # noqa: S308


@register.filter
def plain(value):
    """Rich text as a plain one-line string (meta descriptions)."""
    return " ".join(strip_tags(value or "").split())


@register.simple_tag(takes_context=True)
def language_links(context):
    """The language switch: this page in each language, or that language's home page.

    ``alternates`` ({code: path}) comes from the view; a page that has no
    version in a language (an article never translated) leads to its home.
    """
    alternates = context.get("alternates") or {}
    current = languages.current()
    links = []
    for code, _name in settings.LANGUAGES:
        url = alternates.get(code)
        if not url:
            with override(code):
                url = reverse("articles:home")
        links.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": url,
                "current": code == current,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def hreflang_links(context):
    """hreflang alternates (absolute) for the languages this page exists in, and x-default."""
    alternates = context.get("alternates") or {}
    links = [
        (code, absolute(alternates[code])) for code, _n in settings.LANGUAGES if code in alternates
    ]
    if links:
        default = alternates.get(settings.LANGUAGE_CODE) or links[0][1]
        links.append(("x-default", absolute(default)))
    return links


@register.simple_tag
def og_locale():
    return {"ru": "ru_RU", "kk": "kk_KZ"}.get(languages.current(), "ru_RU")
