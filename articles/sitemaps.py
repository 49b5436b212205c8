"""Sitemaps for search engines: pages with their language alternates, and Google News.

``/sitemap.xml`` is an index of sections (home pages, rubrics, articles); each
article is listed once per language it exists in, with hreflang alternates for
exactly those languages and an x-default (Russian, or the only language).
``/news-sitemap.xml`` lists the articles of the last two days in Google News
format. URLs are absolute from ``SITE_URL``, the canonical host (articles/siteurl.py).
"""

from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from . import languages, siteurl
from .languages import LANGUAGE_CODES
from .models import Article, Rubric, article_path

NEWS_DAYS = 2
NEWS_LIMIT = 1000  # Google News reads at most 1000 URLs per sitemap.


class _CanonicalSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def get_protocol(self, protocol=None):
        return urlsplit(siteurl.origin()).scheme or "https"

    def get_domain(self, site=None):
        return urlsplit(siteurl.origin()).netloc

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        # Django adds x-default only when the default language is among the
        # item's; a Kazakh-only article points x-default at its only version.
        for url in urls:
            codes = [alt["lang_code"] for alt in url["alternates"]]
            if url["alternates"] and "x-default" not in codes:
                url["alternates"].append(
                    {"location": url["alternates"][0]["location"], "lang_code": "x-default"}
                )
        return urls


class HomeSitemap(_CanonicalSitemap):
    changefreq = "hourly"
    priority = 1.0

    def items(self):
        return ["articles:home"]

    def location(self, item):
        return reverse(item)


class RubricSitemap(_CanonicalSitemap):
    changefreq = "hourly"
    priority = 0.6

    def items(self):
        return Rubric.objects.order_by("position", "id")

    def location(self, item):
        return reverse("articles:rubric", kwargs={"rubric": item.slug})


class ArticleSitemap(_CanonicalSitemap):
    changefreq = "daily"
    priority = 0.8
    # An article appears once per language: keep pages well under 50 000 URLs.
    limit = 10000

    def items(self):
        # Plain rows, not model instances: a sitemap of 100 000 articles must
        # not load their bodies (in_ru/in_kk say which languages it exists in).
        return (
            Article.objects.published()
            .in_some_language()
            .order_by("-published_at", "-id")
            .values(
                "pk",
                "rubric__slug",
                "updated_at",
                *[f"slug_{code}" for code in LANGUAGE_CODES],
                *[f"in_{code}" for code in LANGUAGE_CODES],
            )
        )

    def get_languages_for_item(self, item):
        return [code for code in LANGUAGE_CODES if item[f"in_{code}"]]

    def location(self, item):
        return _row_path(item, languages.current())

    def lastmod(self, item):
        return item["updated_at"]

    def get_latest_lastmod(self):
        return (
            Article.objects.published()
            .in_some_language()
            .aggregate(latest=Max("updated_at"))["latest"]
        )


def _row_path(row, language):
    return article_path(row["rubric__slug"], row["pk"], row.get(f"slug_{language}"), language)


SITEMAPS = {"pages": HomeSitemap, "rubrics": RubricSitemap, "articles": ArticleSitemap}


@require_safe
def news_sitemap(request):
    """Google News: the articles published in the last two days, in each language."""
    since = timezone.now() - timedelta(days=NEWS_DAYS)
    rows = (
        Article.objects.published()
        .filter(published_at__gte=since)
        .order_by("-published_at", "-id")
        .values(
            "pk",
            "rubric__slug",
            "published_at",
            *[f"slug_{code}" for code in LANGUAGE_CODES],
            *[f"title_{code}" for code in LANGUAGE_CODES],
            *[f"in_{code}" for code in LANGUAGE_CODES],
        )[:NEWS_LIMIT]
    )
    entries = []
    for row in rows:
        for code in LANGUAGE_CODES:
            if row[f"in_{code}"]:
                entries.append(
                    {
                        "location": siteurl.origin() + _row_path(row, code),
                        "language": code,
                        "name": settings.NEWSROOM_SITE_NAME.get(code, ""),
                        "title": row[f"title_{code}"],
                        "published_at": row["published_at"],
                    }
                )
    return render(
        request,
        "articles/news_sitemap.xml",
        {"entries": entries[:NEWS_LIMIT]},
        content_type="application/xml; charset=utf-8",
    )
