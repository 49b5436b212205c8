"""The article admin as the newsroom uses it, put together where the features meet.

The content's own admin (articles/admin.py) with the translators' workspace
(translations/admin.py), registered on the admin site (newsroom/sites.py).
"""

from django.contrib import admin

from articles.admin import ArticleAdmin as ContentArticleAdmin
from articles.models import Article
from translations.admin import TranslationWorkspaceMixin


@admin.register(Article)
class ArticleAdmin(TranslationWorkspaceMixin, ContentArticleAdmin):
    """Editors' article admin, with the translators' Kazakh mode and queue."""
