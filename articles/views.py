"""Reader pages. Each view reads the request, asks the QuerySet API, renders.

Every page runs a fixed number of SQL queries whatever the number of photos,
tags and sources (tests/test_reader_queries.py pins them). Pages stay cacheable
for anonymous readers: no session, no user, no CSRF token.
"""

from datetime import timedelta
from urllib.parse import urlencode

from django.contrib.staticfiles import finders
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from . import dependencies, fragments, languages, reserved, siteurl
from . import search as article_search
from .languages import LANGUAGE_CODES
from .models import Article, Rubric, Tag

PAGE_SIZE = 20
HOME_LATEST = 15
RUBRIC_BLOCK_SIZE = 4
# Rubric blocks on the home page look only this far back: the window function
# then ranks weeks of articles, not the whole archive.
RUBRIC_BLOCK_DAYS = 60


def _listing(language):
    return Article.objects.published().in_language(language).for_listing().latest()


def _most_read(request, language):
    """The sidebar: most read in 24 hours and in 7 days (articles/fragments.py)."""
    return fragments.most_read(request, language)


def _alternates(name, query="", **kwargs):
    """The same page in every language: {code: path}."""
    urls = {}
    for code in LANGUAGE_CODES:
        with translation.override(code):
            urls[code] = reverse(name, kwargs=kwargs) + query
    return urls


def _page(request, queryset):
    # get_page() turns "0", "-1", "abc" and 20-digit numbers into a real page.
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


def _record_listing(page, newest_key):
    """A listing page shows its articles; the first one also shows what is newest."""
    dependencies.record_articles(page.object_list)
    if page.number == 1:
        dependencies.record(newest_key)


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
    rubric_ids = [item.pk for item in fragments.rubric_menu(request)]
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
    dependencies.record(dependencies.PUBLISHED)
    dependencies.record_articles(latest)
    for _rubric, articles in blocks.values():
        dependencies.record_articles(articles)
    return render(
        request,
        "articles/home.html",
        {
            "lead": lead,
            "latest": others,
            "rubric_blocks": list(blocks.values()),
            "most_read": _most_read(request, language),
            "alternates": _alternates("articles:home"),
            "canonical_path": request.path,
        },
    )


@require_safe
def rubric(request, rubric):
    language = languages.current()
    rubric = get_object_or_404(Rubric, slug=rubric)
    page = _page(request, _listing(language).in_rubric(rubric))
    _record_listing(page, dependencies.rubric_list(rubric.pk))
    query = _page_query(page)
    return render(
        request,
        "articles/rubric.html",
        {
            "rubric": rubric,
            "page": page,
            "most_read": _most_read(request, language),
            "alternates": _alternates("articles:rubric", query, rubric=rubric.slug),
            "canonical_path": request.path + query,
            "feed_url": reverse("articles:rubric_feed", kwargs={"rubric": rubric.slug}),
        },
    )


@require_safe
def tag(request, slug):
    language = languages.current()
    tag = get_object_or_404(Tag, slug=slug)
    # Recorded first: naming the tag in Kazakh empties the "not in this language" page.
    dependencies.record(dependencies.tag(tag.pk))
    named_in = [code for code in LANGUAGE_CODES if tag.is_named_in(code)]
    if language not in named_in:
        # No name in this language yet: no page mixing languages; a visible
        # way to the tag's page that exists, as for an untranslated article.
        with translation.override(named_in[0]):
            other_url = tag.get_absolute_url()
        return render(
            request,
            "articles/tag_not_translated.html",
            {"tag": tag, "other_url": other_url, "other_language": named_in[0]},
            status=404,
        )
    page = _page(request, _listing(language).filter(tags=tag))
    _record_listing(page, dependencies.tag_list(tag.pk))
    query = _page_query(page)
    return render(
        request,
        "articles/tag.html",
        {
            "tag": tag,
            "page": page,
            "most_read": _most_read(request, language),
            "alternates": {
                code: url
                for code, url in _alternates("articles:tag", query, slug=tag.slug).items()
                if code in named_in
            },
            "canonical_path": request.path + query,
        },
    )


def article_context(article, **extra):
    """What articles/article_detail.html needs of the article (the preview uses it too).

    Tags without a name in the page's language are left out (Tag.is_named_in).
    """
    language = languages.current()
    return {
        "article": article,
        "photos": list(article.photos.all()),
        "credits": list(article.article_sources.all()),
        "tags": [tag for tag in article.tags.all() if tag.is_named_in(language)],
        **extra,
    }


@require_safe
def article_detail(request, rubric, pk, slug=""):
    language = languages.current()
    # Recorded first: a "not found" kept in the cache goes when the article is published.
    dependencies.record(dependencies.article(pk))
    article = get_object_or_404(
        Article.objects.published().select_related("rubric").with_figures(), pk=pk
    )
    if not article.languages:
        # Published with no text in any language (from the shell or an
        # import; the admin refuses it): not public anywhere.
        raise Http404
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
    # Text teasers (no photos), put in when the page is served, like "most
    # read" (articles/fragments.py): the page stays within its query budget
    # even when "most read" needs its fallback.
    related = fragments.related(request, article, language)
    context = article_context(article)
    # Every tag, shown or not: a tag named in Kazakh later must appear here.
    dependencies.record(*(dependencies.tag(tag.pk) for tag in article.tags.all()))
    dependencies.record(*(dependencies.source(credit.source_id) for credit in context["credits"]))
    return render(
        request,
        "articles/article_detail.html",
        dict(
            context,
            related=related,
            most_read=_most_read(request, language),
            alternates={code: article.get_absolute_url(code) for code in article.languages},
            canonical_path=canonical,
        ),
    )


@require_safe
def search(request):
    language = languages.current()
    raw = request.GET.get("q", "")
    query = article_search.clean_query(raw)
    page = _page(request, article_search.search(query, language)) if query else None
    dependencies.record(dependencies.SEARCH)
    if page is not None:
        for article in page.object_list:
            article.snippet = article_search.snippet(article, query, language)
    keep = urlencode({"q": query}) if query else ""
    return render(
        request,
        "articles/search.html",
        {
            "query": query,
            "typed": bool(raw.strip()),
            "page": page,
            "page_prefix": f"?{keep}&" if keep else "?",
            "alternates": _alternates("articles:search", f"?{keep}" if keep else ""),
            "canonical_path": request.path,
            "noindex": True,
        },
    )


@require_safe
def robots_txt(request):
    sitemaps = [reverse("sitemap"), reverse("news_sitemap")]
    lines = [
        "User-agent: *",
        *[f"Disallow: {path}" for path in reserved.NOT_CRAWLED],
        "",
        *[f"Sitemap: {siteurl.origin()}{path}" for path in sitemaps],
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
