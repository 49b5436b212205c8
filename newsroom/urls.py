"""URLs: Russian pages without a prefix, Kazakh pages under /kk/ (admin included)."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path

from articles import sitemaps
from articles import views as article_views
from newsroom import health
from viewcounts import counters

urlpatterns = [
    # For the load balancer: database and cache state, never cached.
    path("healthz", health.healthz, name="healthz"),
    # Not language-prefixed: the view beacon is the same for both languages.
    re_path(counters.BEACON_PATH, counters.beacon, name="beacon"),
    # For search engines: one set for both languages, never language-prefixed.
    path("robots.txt", article_views.robots_txt, name="robots_txt"),
    path("favicon.ico", article_views.favicon, name="favicon"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": sitemaps.SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": sitemaps.SITEMAPS},
        name="sitemap_section",
    ),
    path("news-sitemap.xml", sitemaps.news_sitemap, name="news_sitemap"),
]

urlpatterns += i18n_patterns(
    # The admin's second factor (before the admin's catch-all).
    path("admin/2fa/", include("accounts.urls")),
    path("admin/", admin.site.urls),
    # Readers' sign-in and comments (before the rubric catch-all).
    path("", include("comments.urls")),
    path("", include("search.urls")),
    path("", include("articles.urls")),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# The 500 page in the URL's language, rendered without the database; when the
# database itself is away, a bilingual 503 (newsroom.health) instead.
handler500 = "newsroom.health.server_error"
