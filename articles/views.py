"""Reader pages. Each view reads the request, asks the QuerySet API, renders.

Every page runs a fixed number of SQL queries whatever the number of photos,
tags and sources (tests/test_reader_queries.py pins them). Pages stay cacheable
for anonymous readers: no session, no user, no CSRF token.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from . import languages, reserved
from .languages import LANGUAGE_CODES
from .models import Article, Rubric, Tag
from .signals import shows

PAGE_SIZE = 20
HOME_LATEST = 15
RUBRIC_BLOCK_SIZE = 4
# Rubric blocks on the home page look only this far back: the window function
# then ranks weeks of articles, not the whole archive.
RUBRIC_BLOCK_DAYS = 60


def _listing(language):
    return Article.objects.published().in_language(language).for_listing().latest()


def alternates(name, query="", **kwargs):
    """The same page in every language: {code: path}."""
    urls = {}
    for code in LANGUAGE_CODES:
        with translation.override(code):
            urls[code] = reverse(name, kwargs=kwargs) + query
    return urls


def paginate(request, queryset):
    # get_page() turns "0", "-1", "abc" and 20-digit numbers into a real page.
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


def _shows_listing(page, listing):
    """A listing page shows its articles; the first one also shows what is newest."""
    shows(articles=page.object_list, lists=[listing] if page.number == 1 else [])


def _page_query(page):
    return f"?page={page.number}" if page.number > 1 else ""


@require_safe
def home(request):
    language = languages.current()
    latest = list(_listing(language)[:HOME_LATEST])
    # The lead story: the newest pinned article, else the newest breaking one,
    # else simply the newest.
    lead = next((a for a in latest if a.is_pinned), None) or next(
        (a for a in latest if a.is_breaking), None
    )
    if lead is None and latest:
        lead = latest[0]
    others = [article for article in latest if article is not lead]
    # The newest few articles of every rubric, in one query.
    rubric_ids = list(Rubric.objects.values_list("pk", flat=True))
    blocks_qs = (
        Article.objects.published()
        .in_language(language)
        .newest_per_rubric(
            rubric_ids, RUBRIC_BLOCK_SIZE, timezone.now() - timedelta(days=RUBRIC_BLOCK_DAYS)
        )
        .for_listing()
        .order_by("rubric__position", "rubric_id", "-published_at", "-id")
    )
    blocks = {}
    for article in blocks_qs:
        blocks.setdefault(article.rubric_id, (article.rubric, []))[1].append(article)
    shows(
        articles=[*latest, *(article for _rubric, block in blocks.values() for article in block)],
        lists=["published"],
    )
    return render(
        request,
        "articles/home.html",
        {
            "lead": lead,
            "latest": others,
            "rubric_blocks": list(blocks.values()),
            "alternates": alternates("articles:home"),
            "canonical_path": request.path,
        },
    )


@require_safe
def rubric(request, rubric):
    language = languages.current()
    rubric = get_object_or_404(Rubric, slug=rubric)
    page = paginate(request, _listing(language).in_rubric(rubric))
    _shows_listing(page, ("rubric", rubric.pk))
    query = _page_query(page)
    return render(
        request,
        "articles/rubric.html",
        {
            "rubric": rubric,
            "page": page,
            "alternates": alternates("articles:rubric", query, rubric=rubric.slug),
            "canonical_path": request.path + query,
            "feed_url": reverse("articles:rubric_feed", kwargs={"rubric": rubric.slug}),
        },
    )


@require_safe
def tag(request, slug):
    language = languages.current()
    tag = get_object_or_404(Tag, slug=slug)
    page = paginate(request, _listing(language).filter(tags=tag))
    shows(tags=[tag.pk])
    _shows_listing(page, ("tag", tag.pk))
    query = _page_query(page)
    return render(
        request,
        "articles/tag.html",
        {
            "tag": tag,
            "page": page,
            "alternates": alternates("articles:tag", query, slug=tag.slug),
            "canonical_path": request.path + query,
        },
    )


def article_context(article, **extra):
    """What articles/article_detail.html needs of the article (the preview uses it too)."""
    return {
        "article": article,
        "photos": list(article.photos.all()),
        "credits": list(article.article_sources.all()),
        "tags": list(article.tags.all()),
        **extra,
    }


@require_safe
def article_detail(request, rubric, pk, slug=""):
    language = languages.current()
    # Recorded first: a "not found" kept in the cache goes when the article is published.
    shows(articles=[pk])
    article = get_object_or_404(
        Article.objects.published().select_related("rubric").with_figures(), pk=pk
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
    article.load_parts()
    context = article_context(article)
    shows(
        tags=[tag.pk for tag in context["tags"]],
        sources=[credit.source_id for credit in context["credits"]],
    )
    return render(
        request,
        "articles/article_detail.html",
        dict(
            context,
            alternates={code: article.get_absolute_url(code) for code in article.languages},
            canonical_path=canonical,
        ),
    )


@require_safe
def robots_txt(request):
    sitemaps = [reverse("sitemap"), reverse("news_sitemap")]
    lines = [
        "User-agent: *",
        *[f"Disallow: {path}" for path in reserved.NOT_CRAWLED],
        "",
        *[f"Sitemap: {settings.SITE_URL}{path}" for path in sitemaps],
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_safe
def favicon(request):
    """/favicon.ico, which browsers ask for whatever the page links: our static icon."""
    path = finders.find("favicon.ico")
    if not path:
        raise Http404
    response = FileResponse(open(path, "rb"), content_type="image/x-icon")
    patch_cache_control(response, public=True, max_age=7 * 24 * 3600)
    return response
