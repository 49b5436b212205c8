"""Signed preview links: a draft as readers will see it, without logging in.

An editor copies the link from the article's admin page and sends it to
someone without an account. The link names the article and is signed with
SECRET_KEY; it expires after PREVIEW_MAX_AGE. The response is never cached
nor indexed.
"""

from datetime import timedelta

from django.core import signing
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control

from . import languages, views
from .models import Article

PREVIEW_MAX_AGE = timedelta(days=3)
_SALT = "articles.preview"


def make_token(article):
    return signing.TimestampSigner(salt=_SALT).sign(str(article.pk))


def preview_url(article, language):
    with translation.override(language):
        return reverse("articles:preview", kwargs={"token": make_token(article)})


def article_preview(request, token):
    try:
        pk = signing.TimestampSigner(salt=_SALT).unsign(token, max_age=PREVIEW_MAX_AGE)
    except signing.SignatureExpired:
        raise Http404("This preview link has expired.") from None
    except signing.BadSignature:
        raise Http404("This preview link is not valid.") from None
    article = get_object_or_404(Article.objects.for_page(), pk=pk)
    language = languages.current()
    if article.exists_in(language):
        # The reader's template, fed as the reader's view feeds it; no
        # canonical URL or language alternates: a draft has none yet.
        response = render(
            request,
            "articles/article_detail.html",
            views.article_context(article, related=[], most_read=[], preview=True),
        )
    else:
        response = render(
            request,
            "articles/not_translated.html",
            {
                "article": article,
                "other_url": preview_url(article, article.languages[0])
                if article.languages
                else "",
                "preview": True,
            },
            status=404,
        )
    add_never_cache_headers(response)
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
