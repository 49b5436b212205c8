"""URLs: Russian pages without a prefix, Kazakh pages under /kk/ (admin included)."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from articles import counters

urlpatterns = [
    # Not language-prefixed: the view beacon is the same for both languages.
    path("_/views/<int:pk>/", counters.beacon, name="beacon"),
]

urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("", include("articles.urls")),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
