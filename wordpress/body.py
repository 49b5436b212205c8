"""A post's stored text → the article body, and the pictures it showed.

In order: ``[caption]`` and ``[gallery]`` become photos (a caption's text
goes to its photo, not into the body), other shortcodes disappear and leave
the text they wrap (counted by name), the remaining ``<img>`` become photos
too, WordPress's paragraph rules make the HTML (``autop.wpautop``), and the
sanitizer every article body goes through keeps what the body allows
(articles/richtext.py). A picture is known by its attachment id where the
markup names one (``attachment_12``, ``wp-image-12``), else by its file.
"""

import html
import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

from articles import richtext

from . import autop, shortcodes
from .survey import uploads_file

_IMG = re.compile(r"<img\b[^>]*>", re.I)
_EMPTY_LINK = re.compile(r"<a\b[^>]*>\s*</a>", re.I)
_WP_IMAGE = re.compile(r"\bwp-image-(\d+)\b")
_SPACES = re.compile(r"\s+")
_TRAILING_BREAK = re.compile(r"(?:<br>\s*)+</p>")


@dataclass
class Picture:
    attachment_id: int | None
    address: str  # the src, or "" for a gallery item known by id
    caption: str = ""
    alt: str = ""


@dataclass
class Body:
    html: str
    pictures: list = field(default_factory=list)
    shortcodes: Counter = field(default_factory=Counter)
    external_images: int = 0


class _Attributes(HTMLParser):
    def __init__(self, tag):
        super().__init__(convert_charrefs=True)
        self.attributes = {}
        self.feed(tag)

    def handle_starttag(self, tag, attrs):
        self.attributes = {name: value or "" for name, value in attrs}


def plain(text):
    """Markup → one line of text (captions, leads)."""
    text = re.sub(r"<br\s*/?>|</p>", " ", text or "", flags=re.I)
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return _SPACES.sub(" ", text).strip()


def _picture(tag, attachment_id=None, caption=""):
    attributes = _Attributes(tag).attributes
    if attachment_id is None:
        found = _WP_IMAGE.search(attributes.get("class", ""))
        attachment_id = int(found.group(1)) if found else None
    return Picture(attachment_id, attributes.get("src", ""), caption, attributes.get("alt", ""))


def convert(text, post_id, children):
    """The ``Body`` of a post's stored text; ``children`` lists attachment ids by parent post."""
    pictures = []

    def caption(attributes, content):
        found = re.match(r"attachment_(\d+)", attributes.get("id", ""))
        attachment_id = int(found.group(1)) if found else None
        image = _IMG.search(content)
        words = attributes.get("caption") or _IMG.sub("", content)
        if image:
            pictures.append(_picture(image.group(0), attachment_id, plain(words)))
        return "\n\n"

    def gallery(attributes, _content):
        ids = [int(part) for part in re.findall(r"\d+", attributes.get("ids", "")) if part]
        if not ids and not attributes.get("include"):
            ids = children.get(post_id, [])
        elif attributes.get("include"):
            ids = [int(part) for part in re.findall(r"\d+", attributes["include"])]
        pictures.extend(Picture(number, "") for number in ids)
        return "\n\n"

    text, removed = shortcodes.expand(
        text, {"caption": caption, "wp_caption": caption, "gallery": gallery}
    )
    external = 0

    def image(match):
        nonlocal external
        picture = _picture(match.group(0))
        if picture.attachment_id is None and not uploads_file(picture.address):
            external += 1  # a picture from another site: not ours to copy
        else:
            pictures.append(picture)
        return ""

    text = _EMPTY_LINK.sub("", _IMG.sub(image, text))
    body = richtext.sanitize(autop.wpautop(text))
    # A line break left before a paragraph's end by something removed after it.
    body = _TRAILING_BREAK.sub("</p>", body)
    return Body(body.strip(), pictures, removed, external)
