"""A post's stored text → the article body, and the pictures it showed.

In order: ``[caption]`` and ``[gallery]`` become photos (a caption's text
goes to its photo, not into the body), ``[embed]`` a link, other shortcodes
disappear and leave the text they wrap (counted by name); the block
editor's ``<figure>`` with a picture becomes a photo with its
``<figcaption>``; the remaining ``<img>`` become photos too; a link on a line
of its own (which WordPress showed as an embedded video or post) becomes a
link. WordPress's paragraph rules make the HTML (``autop.wpautop``) of text
written in the classic editor; the block editor's (``<!-- wp:… -->``) is
HTML already, and WordPress does not run them on it either. Then the
sanitizer every article body goes through keeps what the body allows
(articles/richtext.py), and paragraphs left empty (the classic editor's
``<p>&nbsp;</p>`` spacers, a paragraph whose picture became a photo) go.
A picture is known by its attachment id where the markup names one
(``attachment_12``, ``wp-image-12``), else by its file.
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
# The block editor's delimiters: <!-- wp:image {"id":12} --> … <!-- /wp:image -->.
_BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:.*?-->", re.S)
# An innermost <figure> (a gallery's figures are inside another one).
_FIGURE = re.compile(r"<figure\b[^>]*>((?:(?!<figure\b).)*?)</figure>", re.S | re.I)
_FIGCAPTION = re.compile(r"<figcaption\b[^>]*>(.*?)</figcaption>", re.S | re.I)
# A web address alone on its line: WordPress embedded it (a video, a post).
_URL_LINE = re.compile(r"^(?:<p>)?\s*(https?://[^\s<>\"']+)\s*(?:</p>)?$", re.M)
_EMPTY_PARAGRAPH = re.compile(r"<p>(?:\s|&nbsp;|\xa0|<br>)*</p>\s*")
_BLANK_LINES = re.compile(r">\s*\n\s*\n\s*<")
# A quote's source (the block editor's <cite>): a line of the quote of its own.
_CITE = re.compile(r"<cite\b[^>]*>(.*?)</cite>", re.S | re.I)


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

    def embed(_attributes, content):
        return f"\n\n{content.strip()}\n\n"

    blocks = "<!-- wp:" in (text or "")
    text = _BLOCK_COMMENT.sub("", text or "")
    text, removed = shortcodes.expand(
        text, {"caption": caption, "wp_caption": caption, "gallery": gallery, "embed": embed}
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

    def figure(match):
        inside = match.group(1)
        found = _FIGCAPTION.search(inside)
        words = plain(found.group(1)) if found else ""
        image_tag = _IMG.search(inside)
        if image_tag is None:
            # A table, a quote, an embed: its content stays, the caption a paragraph.
            return _FIGCAPTION.sub(lambda m: f"\n\n<p>{m.group(1)}</p>\n\n", inside)
        known = len(pictures)
        image(image_tag)
        if len(pictures) > known:  # ours, not another site's
            pictures[-1].caption = words
        return "\n\n"

    previous = None
    while previous != text:  # innermost first: a gallery's figures, then the gallery
        previous, text = text, _FIGURE.sub(figure, text)
    text = _EMPTY_LINK.sub("", _IMG.sub(image, text))
    text = _CITE.sub(r"<p>— \1</p>", text)
    html = text if blocks else autop.wpautop(text)
    html = _URL_LINE.sub(lambda m: f'<p><a href="{m.group(1)}">{m.group(1)}</a></p>', html)
    body = richtext.sanitize(html)
    # A line break left before a paragraph's end by something removed after it.
    body = _TRAILING_BREAK.sub("</p>", body)
    body = _BLANK_LINES.sub(">\n<", _EMPTY_PARAGRAPH.sub("", body))
    return Body(body.strip(), pictures, removed, external)
