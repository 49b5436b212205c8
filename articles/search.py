"""Reader search: what a query means, and the articles that answer it.

On PostgreSQL, full-text search: Russian stemming for Russian texts ("школы"
finds "школа"), the "simple" configuration for Kazakh (PostgreSQL has no Kazakh
stemmer), ranked with the headline weighing most, and a highlighted snippet made
by ``ts_headline``. The vector expression is the one the GIN indexes of
migration 0004_search_indexes are built on, so the planner can use them.

Elsewhere (SQLite, the embedded default) a plain fallback: every word must
appear in the title, lead or body. SQLite folds only ASCII case, so each word is
also tried in its usual spellings (articles/spelling.py), which finds "Актау"
for "актау" in the usual cases.

Whatever the reader types (nothing, 10 000 characters, only punctuation, SQL),
``clean_query`` turns it into something safe to search for, or into "".
"""

import html
import re

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVectorField,
)
from django.db import connection
from django.db.models import F, Q, TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Concat
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from . import spelling
from .models import Article

MAX_QUERY_LENGTH = 200
MAX_WORDS = 8
SNIPPET_LENGTH = 240

# The PostgreSQL text search configuration for each language's fields.
CONFIGS = {"ru": "russian", "kk": "simple"}

# ts_headline marks matches with these (private-use characters no article
# contains); everything else is escaped before they become <mark>.
START, STOP = "\ue000", "\ue001"

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_WORD = re.compile(r"\w+", re.UNICODE)


def clean_query(raw):
    """The reader's query, trimmed and clamped; "" when there is nothing to search for."""
    text = _CONTROL.sub(" ", raw or "")
    text = " ".join(text.split())[:MAX_QUERY_LENGTH].strip()
    if not _WORD.search(text):
        return ""
    return text


def words(query):
    return _WORD.findall(query)[:MAX_WORDS]


def search(query, language):
    """Published articles in ``language`` that match ``query``, best first.

    Each article carries ``snippet``: safe HTML with the matches in <mark>.
    """
    query = clean_query(query)
    articles = Article.objects.published().in_language(language).for_listing()
    if not query:
        return articles.none()
    if connection.vendor == "postgresql":
        return _postgres(articles, query, language)
    return _fallback(articles, query, language)


def search_vector_sql(language, table="articles_article"):
    """The weighted tsvector of one language's texts (also the GIN index expression)."""
    config = CONFIGS[language]
    parts = []
    for field, weight in (("title", "A"), ("lead", "B"), ("body", "C")):
        column = f"{table}.{field}_{language}" if table else f"{field}_{language}"
        parts.append(
            f"setweight(to_tsvector('{config}'::regconfig, coalesce({column}, '')), '{weight}')"
        )
    return " || ".join(parts)


def matching(articles, query, language):
    """PostgreSQL: ``articles`` whose text in ``language`` matches, with ``search_vector``."""
    search_query = SearchQuery(query, config=CONFIGS[language], search_type="websearch")
    # Built from our own constants only (field names and configuration names),
    # never from the query, which goes in as a parameter of SearchQuery.
    vector = RawSQL(  # noqa: S611
        search_vector_sql(language), [], output_field=SearchVectorField()
    )
    return articles.annotate(search_vector=vector).filter(search_vector=search_query)


def _postgres(articles, query, language):
    config = CONFIGS[language]
    search_query = SearchQuery(query, config=config, search_type="websearch")
    return (
        matching(articles, query, language)
        .annotate(
            rank=SearchRank(F("search_vector"), search_query),
            headline_text=_headline(language, config, search_query),
        )
        .order_by("-rank", "-published_at", "-id")
    )


def _headline(language, config, search_query):
    text = Concat(
        F(f"lead_{language}"), Value(" "), F(f"body_{language}"), output_field=TextField()
    )
    return SearchHeadline(
        text,
        search_query,
        config=config,
        start_sel=START,
        stop_sel=STOP,
        max_words=35,
        min_words=15,
        max_fragments=2,
        fragment_delimiter=" … ",
    )


def _fallback(articles, query, language):
    condition = Q()
    for word in words(query):
        any_variant = Q()
        for variant in spelling.variants(word):
            for field in ("title", "lead", "body"):
                any_variant |= Q(**{f"{field}_{language}__icontains": variant})
        condition &= any_variant
    return articles.filter(condition).order_by("-published_at", "-id")


def snippet(article, query, language):
    """Safe HTML: a piece of the article around the first match, matches in <mark>."""
    headline = getattr(article, "headline_text", None)
    if headline:
        text = html.unescape(strip_tags(headline))
        return mark_safe(  # noqa: S308 - everything but our markers is escaped
            escape(" ".join(text.split())).replace(START, "<mark>").replace(STOP, "</mark>")
        )
    lead = getattr(article, f"lead_{language}", "") or ""
    body = html.unescape(strip_tags(getattr(article, f"body_{language}", "") or ""))
    text = " ".join(f"{lead} {body}".split())
    found = words(query)
    if not found:
        return escape(text[:SNIPPET_LENGTH])
    pattern = re.compile("|".join(re.escape(word) for word in found), re.IGNORECASE)
    match = pattern.search(text)
    start = max(0, match.start() - SNIPPET_LENGTH // 3) if match else 0
    if start:
        # Begin on a whole word, never before the match itself.
        start = min(text.find(" ", start) + 1 or start, match.start())
    piece = text[start : start + SNIPPET_LENGTH].strip()
    prefix = "… " if start else ""
    suffix = " …" if start + SNIPPET_LENGTH < len(text) else ""
    marked = pattern.sub(lambda m: f"{START}{m.group(0)}{STOP}", piece)
    return mark_safe(  # noqa: S308 - everything but our markers is escaped
        escape(prefix + marked + suffix).replace(START, "<mark>").replace(STOP, "</mark>")
    )
