"""The project as apps: the admin with our site, and the deploy checks."""

from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig

from . import checks


class NewsroomAdminConfig(AdminConfig):
    """django.contrib.admin, with NewsroomAdminSite as ``admin.site``."""

    default_site = "newsroom.sites.NewsroomAdminSite"


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = "Newsroom"

    def ready(self):
        checks.register()
