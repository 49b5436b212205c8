"""Sanitizing of article rich text.

One allow-list for every path text comes in by: the admin editor (the
ProseEditorField calls ``sanitize``), the ORM (``Article.save`` calls it), and
imports and commands (they go through ``save``). Scripts, event attributes and
``javascript:`` links never reach the database.
"""

import re

import nh3

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
