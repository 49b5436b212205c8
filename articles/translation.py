"""Which fields exist in Russian and Kazakh (modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Article, Photo, Rubric, Source


@register(Rubric)
class RubricTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("ru",)


@register(Source)
class SourceTranslationOptions(TranslationOptions):
    fields = ("name",)
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
