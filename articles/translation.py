"""Which fields exist in Russian and Kazakh (modeltranslation)."""

from django.utils.translation import gettext_noop
from modeltranslation.translator import TranslationOptions, register

from .models import Article, Photo, Rubric, Source, track_changes


@register(Rubric)
class RubricTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("ru",)


@register(Source)
class SourceTranslationOptions(TranslationOptions):
    fields = ("name", "cited_name")
    required_languages = ("ru",)


@register(Article)
class ArticleTranslationOptions(TranslationOptions):
    # An article may exist in Russian, in Kazakh or in both: no language is
    # required by the form; Article.clean() asks for at least one.
    fields = ("title", "slug", "lead", "body")
    required_languages = ()


@register(Photo)
class PhotoTranslationOptions(TranslationOptions):
    fields = ("caption", "credit", "alt")
    required_languages = ()


# What a save changes is tracked over the columns registered above.
track_changes()


# The admin's history keeps the labels of changed fields in English
# ("Headline [ru]", modeltranslation's label for headline_ru) and translates
# them when it shows them: these are those labels, for the catalogs.
# tests/test_admin_history.py fails if a translated field is missing here.
HISTORY_LABELS = [
    gettext_noop("Headline [ru]"),
    gettext_noop("Headline [kk]"),
    gettext_noop("Slug [ru]"),
    gettext_noop("Slug [kk]"),
    gettext_noop("Lead [ru]"),
    gettext_noop("Lead [kk]"),
    gettext_noop("Body [ru]"),
    gettext_noop("Body [kk]"),
    gettext_noop("Name [ru]"),
    gettext_noop("Name [kk]"),
    gettext_noop("Name after “citing” [ru]"),
    gettext_noop("Name after “citing” [kk]"),
    gettext_noop("Caption [ru]"),
    gettext_noop("Caption [kk]"),
    gettext_noop("Credit [ru]"),
    gettext_noop("Credit [kk]"),
    gettext_noop("Alt text [ru]"),
    gettext_noop("Alt text [kk]"),
]
