"""Reader pages. Each view reads the request, asks the QuerySet API, renders."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language

from .models import Article, Rubric, Tag

PAGE_SIZE = 20


def _listing(language):
    return Article.objects.published().in_language(language).for_listing().latest()


def home(request):
    language = get_language()
    articles = _listing(language)[:PAGE_SIZE]
    return render(request, "articles/home.html", {"articles": articles})


def rubric(request, rubric):
    rubric = get_object_or_404(Rubric, slug=rubric)
    page = Paginator(_listing(get_language()).in_rubric(rubric), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "articles/rubric.html", {"rubric": rubric, "page": page})


def tag(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    page = Paginator(_listing(get_language()).filter(tags=tag), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "articles/tag.html", {"tag": tag, "page": page})


def article_detail(request, rubric, pk, slug=""):
    language = get_language()
    article = get_object_or_404(
        Article.objects.published().select_related("rubric").prefetch_related("photos"), pk=pk
    )
    if not article.exists_in(language):
        # The other language's URL leads, visibly, to the version that exists.
        return render(
            request,
            "articles/not_translated.html",
            {"article": article, "other_url": article.get_absolute_url(article.languages[0])},
            status=404,
        )
    canonical = article.get_absolute_url(language)
    if request.path != canonical:
        return redirect(canonical, permanent=True)
    return render(request, "articles/article_detail.html", {"article": article})
