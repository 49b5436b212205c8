"""Sanitizing of article rich text.

One allow-list for every path text comes in by: the admin editor (the
ProseEditorField calls ``sanitize``), the ORM (``Article.save`` calls it), and
imports and commands (they go through ``save``). Scripts, event attributes and
``javascript:`` links never reach the database.

Sanitizing also evens out how text was typed: the editor's list items lose
their lone paragraph (``<li><p>…</p></li>`` → ``<li>…</li>``), and numbers
("15 970", "№ 12") get no-break spaces. ``plain_text`` is the text of rich text
for snippets: paragraphs, items and headings kept apart by a space.
"""

import html as html_entities
import re

import nh3
from django.utils.html import strip_tags

ALLOWED_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "hr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}

_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=URL_SCHEMES,
    link_rel="noopener noreferrer nofollow",
    strip_comments=True,
)
_EMPTY = re.compile(r"^\s*(<p>\s*(<br\s*/?>)?\s*</p>\s*)*$")


def sanitize(html):
    """Return ``html`` with everything outside the allow-list removed.

    An editor's empty document (``<p></p>``) becomes ``""`` so that "has a
    body" means what it says.
    """
    if not html:
        return ""
    cleaned = _cleaner.clean(html)
    if _EMPTY.match(cleaned):
        return ""
    return _tight_list_items(_unbroken_numbers(cleaned))


# The editor wraps every list item's text in a paragraph (<li><p>…</p></li>);
# typed or imported lists have none. Stored the same way, they look the same.
# A paragraph is unwrapped only when it is the item's only text (followed at
# most by a nested list); anything richer keeps its paragraphs, which the
# stylesheet spaces like plain items (static/css/site.css, ".article__body li>p").
_INNER = r"((?:(?!</?(?:p|li|ul|ol)[\s>]).)*)"
_LIST_ITEM_PARAGRAPH = re.compile(
    r"<li>\s*<p>" + _INNER + r"</p>\s*(?=</li>|<ul[\s>]|<ol[\s>])", re.S
)


# "15 970" and "№ 12" must never break across lines: the space inside a
# number, or after "№", becomes a no-break space. In rich text it is written as
# the sanitizer writes one, so that sanitizing again changes nothing; a tag's
# attributes are left alone.
_UNBREAKABLE = re.compile(r"\b\d{1,3}(?: \d{3})+\b|№ (?=\w)")
_TAG = re.compile(r"(<[^>]*>)")


def unbroken_numbers_text(text):
    """Plain ``text`` with no-break spaces inside its numbers."""
    return _UNBREAKABLE.sub(lambda m: m.group(0).replace(" ", "\xa0"), text)


def _unbroken_numbers(html):
    if not _UNBREAKABLE.search(html):
        return html
    parts = _TAG.split(html)
    for index in range(0, len(parts), 2):  # the text between tags
        parts[index] = _UNBREAKABLE.sub(lambda m: m.group(0).replace(" ", "&nbsp;"), parts[index])
    return "".join(parts)


def _tight_list_items(html):
    if "<li>" not in html:
        return html
    return _LIST_ITEM_PARAGRAPH.sub(r"<li>\1", html)


# Where a block ends, a reader sees a break: in plain text, a space.
_BLOCK_END = re.compile(r"(</(?:p|li|h[1-6]|blockquote|ul|ol)\s*>|<br\s*/?>|<hr\s*/?>)", re.I)

_SPACES = re.compile(r"[ \t\n\r\f\v]+")


def plain_text(html):
    """The text of rich text on one line: blocks apart by a space, entities decoded."""
    if not html:
        return ""
    text = html_entities.unescape(strip_tags(_BLOCK_END.sub(r"\1 ", html)))
    # Ordinary white space only: a no-break space ("15 970") stays.
    return _SPACES.sub(" ", text).strip(" ")
