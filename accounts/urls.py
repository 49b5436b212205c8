"""The admin's second factor, under ``admin/2fa/`` in both languages (newsroom/urls.py)."""

from django.urls import path

from . import views

app_name = "two_factor"

urlpatterns = [
    path("setup/", views.setup, name="setup"),
    path("", views.verify, name="verify"),
    path("recovery/", views.recovery, name="recovery"),
]
