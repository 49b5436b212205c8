"""Reader-facing URLs (the same under / for Russian and /kk/ for Kazakh).

Fixed words (tag, preview, rss; search in search/urls.py, included before these)
come before ``<rubric>/``: a rubric must not take one of them as its slug.
"""

from django.urls import path

from . import feeds, preview, views

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("rss/", feeds.LatestArticlesFeed(), name="feed"),
    path("rss/atom/", feeds.LatestArticlesAtomFeed(), name="atom_feed"),
    path("tag/<slug:slug>/", views.tag, name="tag"),
    path("preview/<str:token>/", preview.article_preview, name="preview"),
    path("<slug:rubric>/", views.rubric, name="rubric"),
    path("<slug:rubric>/rss/", feeds.RubricFeed(), name="rubric_feed"),
    path("<slug:rubric>/rss/atom/", feeds.RubricAtomFeed(), name="rubric_atom_feed"),
    path("<slug:rubric>/<int:pk>-<slug:slug>/", views.article_detail, name="detail"),
    path("<slug:rubric>/<int:pk>/", views.article_detail, name="detail_noslug"),
]
