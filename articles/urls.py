"""Reader-facing URLs (the same under / for Russian and /kk/ for Kazakh)."""

from django.urls import path

from . import preview, views

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("tag/<slug:slug>/", views.tag, name="tag"),
    path("preview/<str:token>/", preview.article_preview, name="preview"),
    path("<slug:rubric>/", views.rubric, name="rubric"),
    path("<slug:rubric>/<int:pk>-<slug:slug>/", views.article_detail, name="detail"),
    path("<slug:rubric>/<int:pk>/", views.article_detail, name="detail_noslug"),
]
