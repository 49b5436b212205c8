"""Sanitizing of article rich text.

One allow-list for every path text comes in by: the admin editor (the
ProseEditorField calls ``sanitize``), the ORM (``Article.save`` calls it), and
imports and commands (they go through ``save``). Scripts, event attributes and
``javascript:`` links never reach the database.
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
    return cleaned


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
