"""The editors' admin (the full workflow lives in its own issue)."""

from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from .models import Article, ArticleSource, Photo, Rubric, Source, Tag


@admin.register(Rubric)
class RubricAdmin(TabbedTranslationAdmin):
    list_display = ["name_ru", "name_kk", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name_ru", "name_kk", "slug"]


@admin.register(Source)
class SourceAdmin(TabbedTranslationAdmin):
    list_display = ["name_ru", "name_kk", "kind", "url"]
    list_filter = ["kind"]
    search_fields = ["name_ru", "name_kk", "url"]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    readonly_fields = ["slug"]


class PhotoInline(TranslationTabularInline):
    model = Photo
    extra = 0
    fields = ["image", "caption", "credit", "alt", "position"]


class ArticleSourceInline(admin.TabularInline):
    model = ArticleSource
    extra = 0
    autocomplete_fields = ["source"]


@admin.register(Article)
class ArticleAdmin(TabbedTranslationAdmin):
    list_display = ["title_ru", "title_kk", "rubric", "status", "published_at", "views"]
    list_filter = ["status", "rubric"]
    list_select_related = ["rubric"]
    search_fields = ["title_ru", "title_kk"]
    autocomplete_fields = ["rubric", "author"]
    inlines = [PhotoInline, ArticleSourceInline]
    date_hierarchy = "published_at"
