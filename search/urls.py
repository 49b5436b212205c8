"""The search page's URL (the same under / for Russian and /kk/ for Kazakh)."""

from django.urls import path

from . import views

app_name = "search"

urlpatterns = [
    path("search/", views.search, name="search"),
]
