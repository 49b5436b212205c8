"""The search page: the reader's query, matched in the page's language."""

from urllib.parse import urlencode

from django.shortcuts import render
from django.views.decorators.http import require_safe

from articles import languages
from articles.signals import shows
from articles.views import alternates, paginate

from . import engine


@require_safe
def search(request):
    language = languages.current()
    raw = request.GET.get("q", "")
    query = engine.clean_query(raw)
    page = paginate(request, engine.search(query, language)) if query else None
    shows(lists=["search"])
    if page is not None:
        for article in page.object_list:
            article.snippet = engine.snippet(article, query, language)
    keep = urlencode({"q": query}) if query else ""
    return render(
        request,
        "articles/search.html",
        {
            "query": query,
            "typed": bool(raw.strip()),
            "page": page,
            "page_prefix": f"?{keep}&" if keep else "?",
            "alternates": alternates("search:search", f"?{keep}" if keep else ""),
            "canonical_path": request.path,
            "noindex": True,
        },
    )
