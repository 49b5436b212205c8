"""Reader search: what a query means, and the articles that answer it.

Both languages find inflected forms ("амнистией" finds "амнистия",
"рақымшылықты" finds "рақымшылық") on both databases: search/stemming.py.

On PostgreSQL, full-text search: Russian stemming for Russian texts ("школы"
finds "школа"); the "simple" configuration for Kazakh (PostgreSQL has no Kazakh
stemmer), searched by the stem of each word as a prefix; ranked with the
headline weighing most, and a highlighted snippet made by ``ts_headline``. The
vector expression is the one the GIN indexes of migration 0004_search_indexes
are built on, so the planner can use them.

Elsewhere (SQLite, the embedded default) a plain fallback: the stem of every
word must appear in the title, lead or body. SQLite folds only ASCII case, so
each stem is also tried in its usual spellings (groundwork/spelling.py), which
finds "Актау" for "актау" in the usual cases.

Whatever the reader types (nothing, 10 000 characters, only punctuation, SQL),
``clean_query`` turns it into something safe to search for, or into "".
"""

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
from django.utils.html import escape
from django.utils.safestring import mark_safe

from articles.models import Article
from articles.richtext import plain_text
from groundwork import spelling
from search.stemming import stem

MAX_QUERY_LENGTH = 200
MAX_WORDS = 8
SNIPPET_LENGTH = 240

# The PostgreSQL text search configuration for each language's fields.
CONFIGS = {"ru": "russian", "kk": "simple"}

# ts_headline marks matches with these (private-use characters no article
# contains); everything else is escaped before they become <mark>.
START, STOP = "\ue000", "\ue001"

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Letters and digits: "_" is a word character to Python, a separator to PostgreSQL.
_SPACES = re.compile(r"[ \t\n\r\f\v]+")  # not the no-break space of "15 970"
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def clean_query(raw):
    """The reader's query, trimmed and clamped; "" when there is nothing to search for."""
    text = _CONTROL.sub(" ", raw or "")
    text = " ".join(text.split())[:MAX_QUERY_LENGTH].strip()
    if not _WORD.search(text):
        return ""
    return text


def words(query):
    return _WORD.findall(query)[:MAX_WORDS]


def stems(query, language):
    return [stem(word, language) for word in words(query)]


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


def _search_query(query, language):
    if language == "kk":
        # No Kazakh stemmer in PostgreSQL: every stem as a prefix. Stems are
        # letters and digits only, so they cannot carry tsquery operators.
        prefixes = " & ".join(f"{part}:*" for part in stems(query, language))
        return SearchQuery(prefixes, config=CONFIGS[language], search_type="raw")
    return SearchQuery(query, config=CONFIGS[language], search_type="websearch")


def matching(articles, query, language):
    """PostgreSQL: ``articles`` whose text in ``language`` matches, with ``search_vector``."""
    search_query = _search_query(query, language)
    # Built from our own constants only (field names and configuration names),
    # never from the query, which goes in as a parameter of SearchQuery.
    vector = RawSQL(  # noqa: S611
        search_vector_sql(language), [], output_field=SearchVectorField()
    )
    return articles.annotate(search_vector=vector).filter(search_vector=search_query)


def _postgres(articles, query, language):
    config = CONFIGS[language]
    search_query = _search_query(query, language)
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
    for part in stems(query, language):
        variants = set()
        for form in _spellings_with_yo(part):
            variants |= spelling.variants(form)
        any_variant = Q()
        for variant in variants:
            for field in ("title", "lead", "body"):
                any_variant |= Q(**{f"{field}_{language}__icontains": variant})
        condition &= any_variant
    return articles.filter(condition).order_by("-published_at", "-id")


def _spellings_with_yo(stem):
    """The stem as a text may spell it: the stemmer writes "ё" as "е" ("тёмные"
    → "темн"), and so do many readers; PostgreSQL folds both, SQLite neither."""
    places = [index for index, letter in enumerate(stem) if letter == "е"]
    if not places or len(places) > 2:
        return [stem]
    spellings = []
    for mask in range(2 ** len(places)):
        letters = list(stem)
        for bit, index in enumerate(places):
            if mask & (1 << bit):
                letters[index] = "ё"
        spellings.append("".join(letters))
    return spellings


def snippet(article, query, language):
    """Safe HTML: a piece of the article around the first match, matches in <mark>.

    Paragraphs, list items and headings stay apart by a space, and the piece
    begins and ends on a whole word.
    """
    headline = getattr(article, "headline_text", None)
    if headline:
        text = plain_text(headline)
        return mark_safe(  # noqa: S308 - everything but our markers is escaped
            escape(text).replace(START, "<mark>").replace(STOP, "</mark>")
        )
    lead = getattr(article, f"lead_{language}", "") or ""
    body = plain_text(getattr(article, f"body_{language}", "") or "")
    text = _SPACES.sub(" ", f"{lead} {body}").strip(" ")
    found = stems(query, language)
    if not found:
        return escape(_words_up_to(text, SNIPPET_LENGTH))
    # The whole word around each stem is marked: "амнистией" marks "амнистия".
    pattern = re.compile(
        r"[^\W_]*(?:"
        + "|".join(re.escape(part).replace("е", "[её]") for part in found)
        + r")[^\W_]*",
        re.IGNORECASE,
    )
    match = pattern.search(text)
    start = max(0, match.start() - SNIPPET_LENGTH // 3) if match else 0
    if start:
        # Begin on a whole word, never after the match's beginning.
        start = min(text.find(" ", start) + 1 or start, match.start())
    piece = _words_up_to(text[start:], SNIPPET_LENGTH)
    prefix = "… " if start else ""
    suffix = " …" if start + len(piece) < len(text) else ""
    marked = pattern.sub(lambda m: f"{START}{m.group(0)}{STOP}", piece)
    return mark_safe(  # noqa: S308 - everything but our markers is escaped
        escape(prefix + marked + suffix).replace(START, "<mark>").replace(STOP, "</mark>")
    )


def _words_up_to(text, length):
    """The beginning of ``text``, at most ``length`` characters, cut between words."""
    if len(text) <= length:
        return text
    cut = text.rfind(" ", 0, length + 1)
    return text[: cut if cut > 0 else length].rstrip()
