"""Reading a WordPress export (WXR 1.1/1.2), streamed: one item in memory at a time.

``Export(path).items()`` yields each ``<item>`` as an ``Item`` while
``Export.channel`` collects the header (the site's address, authors, terms)
that comes before them. The file is read with ``iterparse`` and every
element is dropped once read, so a 1 GB export needs no more memory than a
small one.

WXR is less regular than it looks (PITFALLS 59): the ``wp:`` namespace is
``http://wordpress.org/export/1.2/`` on a self-hosted site and ``https://…``
on WordPress.com, 1.1 and 1.0 differ again; so elements are matched by their
local name, and ``excerpt:encoded`` is told from ``content:encoded`` by its
namespace. A file that is not well-formed XML raises ``BrokenExport`` with
the line it broke at; the items before it have been yielded already.
"""

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.utils import timezone

NO_DATE = "0000-00-00 00:00:00"


class BrokenExport(Exception):
    def __init__(self, line, column, reason):
        super().__init__(f"line {line}, column {column}: {reason}")
        self.line, self.column, self.reason = line, column, reason


@dataclass
class Term:
    term_id: int
    taxonomy: str
    slug: str
    name: str
    description: str = ""


@dataclass
class Channel:
    link: str = ""
    base_site_url: str = ""
    authors: dict = field(default_factory=dict)  # login → display name
    terms: list = field(default_factory=list)


@dataclass
class Item:
    post_id: int = 0
    post_type: str = ""
    status: str = ""
    title: str = ""
    link: str = ""
    guid: str = ""
    content: str = ""
    excerpt: str = ""
    post_name: str = ""
    date: str = ""
    date_gmt: str = ""
    creator: str = ""
    sticky: bool = False
    parent: int = 0
    attachment_url: str = ""
    # (domain, nicename, text): categories, tags, Polylang's language and group.
    categories: list = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    comments: int = 0

    def terms(self, domain):
        return [(nicename, text) for kind, nicename, text in self.categories if kind == domain]

    def published_at(self):
        """The post's time: ``post_date_gmt``, else ``post_date`` in the site's time zone."""
        if self.date_gmt and self.date_gmt != NO_DATE:
            parsed = _parse_date(self.date_gmt)
            if parsed:
                return parsed.replace(tzinfo=UTC)
        if self.date and self.date != NO_DATE:
            parsed = _parse_date(self.date)
            if parsed:
                return timezone.make_aware(parsed)
        return None


def _parse_date(text):
    try:
        return datetime.strptime(text.strip(), "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None


def _local(tag):
    return tag.rsplit("}", 1)[-1]


def _text(element):
    return (element.text or "").strip() if element is not None else ""


def _int(text):
    try:
        return int(text)
    except (TypeError, ValueError):
        return 0


def _children(element):
    return {_local(child.tag): child for child in element}


_ITEM_FIELDS = {
    "post_id": ("post_id", _int),
    "post_type": ("post_type", str),
    "status": ("status", str),
    "title": ("title", str),
    "link": ("link", str),
    "guid": ("guid", str),
    "post_name": ("post_name", str),
    "post_date": ("date", str),
    "post_date_gmt": ("date_gmt", str),
    "creator": ("creator", str),
    "post_parent": ("parent", _int),
    "attachment_url": ("attachment_url", str),
}


def _item(element):
    item = Item()
    for child in element:
        name = _local(child.tag)
        if name in _ITEM_FIELDS:
            attribute, convert = _ITEM_FIELDS[name]
            setattr(item, attribute, convert(_text(child)))
        elif name == "encoded":
            # The body keeps its white space: newlines are its paragraphs.
            text = child.text or ""
            if "/excerpt/" in child.tag:
                item.excerpt = text
            else:
                item.content = text
        elif name == "is_sticky":
            item.sticky = _text(child) == "1"
        elif name == "category":
            item.categories.append(
                (child.get("domain", ""), child.get("nicename", ""), _text(child))
            )
        elif name == "postmeta":
            parts = _children(child)
            key = _text(parts.get("meta_key"))
            if key:
                item.meta[key] = (parts["meta_value"].text or "") if "meta_value" in parts else ""
        elif name == "comment":
            item.comments += 1
    return item


def _term(element, kind):
    parts = _children(element)
    if kind == "category":
        return Term(
            _int(_text(parts.get("term_id"))),
            "category",
            _text(parts.get("category_nicename")),
            _text(parts.get("cat_name")),
            _text(parts.get("category_description")),
        )
    if kind == "tag":
        return Term(
            _int(_text(parts.get("term_id"))),
            "post_tag",
            _text(parts.get("tag_slug")),
            _text(parts.get("tag_name")),
            _text(parts.get("tag_description")),
        )
    return Term(
        _int(_text(parts.get("term_id"))),
        _text(parts.get("term_taxonomy")),
        _text(parts.get("term_slug")),
        _text(parts.get("term_name")),
        _text(parts.get("term_description")),
    )


class Export:
    """One pass over an export file: ``items()`` yields, ``channel`` fills as it goes."""

    def __init__(self, path):
        self.path = path
        self.channel = Channel()
        self.bytes_read = 0

    def items(self):
        depth = 0
        channel = None
        with open(self.path, "rb") as source:
            # Expat (2.4.1 and later) refuses entity-expansion bombs and
            # ElementTree never fetches external entities.
            parser = ET.iterparse(source, events=("start", "end"))  # noqa: S314
            try:
                for event, element in parser:
                    self.bytes_read = source.tell()
                    if event == "start":
                        depth += 1
                        if depth == 2 and _local(element.tag) == "channel":
                            channel = element
                        continue
                    depth -= 1
                    if depth != 2 or channel is None:
                        continue
                    # A direct child of <channel> is complete: read it, then drop it.
                    name = _local(element.tag)
                    if name == "item":
                        item = _item(element)
                        channel.remove(element)
                        yield item
                        continue
                    self._header(name, element)
                    channel.remove(element)
            except ET.ParseError as error:
                line, column = error.position
                raise BrokenExport(line, column, str(error).split(":")[0]) from None

    def _header(self, name, element):
        if name == "link":
            self.channel.link = _text(element)
        elif name == "base_site_url":
            self.channel.base_site_url = _text(element)
        elif name == "author":
            parts = _children(element)
            login = _text(parts.get("author_login"))
            if login:
                self.channel.authors[login] = _text(parts.get("author_display_name")) or login
        elif name in {"category", "tag", "term"}:
            self.channel.terms.append(_term(element, name))
