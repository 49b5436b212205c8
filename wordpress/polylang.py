"""Polylang in an export: each post's language, and which posts translate each other.

Polylang gives every post a term of its ``language`` taxonomy (``ru``,
``kk``) and every set of translations a term of ``post_translations``
(``pll_5cd0…``), whose description is a PHP-serialized array
``{"ru": 10, "kk": 11}``. Categories and tags are paired the same way, by
``term_translations``. In the export the language and the group come as
``<category domain="language">`` and ``<category domain="post_translations">``
of each item, and the groups as ``<wp:term>`` entries of the header.
"""

import logging

from . import phparray

logger = logging.getLogger(__name__)

# Polylang language slugs → the site's languages ("kz" is seen on some sites).
LANGUAGES = {"ru": "ru", "kk": "kk", "kz": "kk"}


def language_of(item):
    """The post's Polylang language slug (``"ru"``, ``"kk"``, ``"en"``…), or ``""``."""
    for nicename, _text in item.terms("language"):
        return nicename.lower()
    return ""


def group_of(item):
    """The slug of the post's ``post_translations`` group, or ``""``."""
    for nicename, _text in item.terms("post_translations"):
        return nicename
    return ""


def translations(description):
    """``{language slug: id}`` from a translations term's description ({} if unreadable)."""
    if not description:
        return {}
    try:
        value = phparray.loads(description)
    except phparray.PHPValueError:
        logger.warning("Unreadable Polylang translations: %.80s", description)
        return {}
    if not isinstance(value, dict):
        return {}
    pairs = {}
    for language, number in value.items():
        try:
            pairs[str(language).lower()] = int(number)
        except (TypeError, ValueError):
            continue
    return pairs


def groups(terms, taxonomy):
    """``{group slug: {language slug: id}}`` for the header's terms of ``taxonomy``."""
    return {
        term.slug: translations(term.description) for term in terms if term.taxonomy == taxonomy
    }


def uses_polylang(terms):
    return any(term.taxonomy == "language" for term in terms)
