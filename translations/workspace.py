"""The translators' workspace: what a Kazakh version was made from, and what changed since.

- ``remember_basis(article)`` stores the Russian text the Kazakh version is
  based on (``TranslationBasis``). A receiver (translations/receivers.py) calls it
  on every save that changes the Kazakh text, whatever path saved it; the
  "still accurate" confirmation calls it directly.
- ``basis_for(article)`` reads that text back (for articles translated before
  it was stored: from the history, the version current when Kazakh was saved).
- ``blocks(html)`` splits a body into its top-level blocks (paragraph,
  heading, list, quote), the unit translators pair Russian and Kazakh by.
- ``russian_changes(article, basis)`` gives, field by field and block by
  block, the word-level insertions and deletions of the Russian text since the
  basis; ``words_to_translate(article)`` the queue's word count.

Word diffs use difflib's SequenceMatcher on whitespace-separated words.
"""

import difflib
import re
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser

from django.utils import timezone
from django.utils.safestring import mark_safe
from reversion.errors import RevertError
from reversion.models import Version

from articles import richtext
from articles.languages import LANGUAGE_CODES
from articles.models import Article, Photo
from groundwork import saves

from .models import TranslationBasis

PHOTO_FIELDS = ("caption", "alt", "credit")
LIST_TAGS = {"ul", "ol"}
VOID_TAGS = {"br", "hr", "img", "wbr"}
# A version in the history holds the Russian text current when the Kazakh one
# was saved; looking further back than this many versions is not worth it.
HISTORY_DEPTH = 50


# Blocks -------------------------------------------------------------------------


@dataclass
class Block:
    tag: str
    html: str
    text: str
    items: list = field(default_factory=list)  # a list's items, as text


class _BlockParser(HTMLParser):
    """Top-level elements of sanitized HTML (nh3 output: well-formed, lowercase)."""

    def __init__(self, source):
        super().__init__(convert_charrefs=True)
        self.source = source
        self.line_starts = [0]
        for match in re.finditer("\n", source):
            self.line_starts.append(match.end())
        self.blocks = []
        self.depth = 0
        self.start = 0
        self.tag = ""
        self.text = []
        self.items = []
        self.list_depth = 0

    def _offset(self):
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        if self.depth == 0:
            if tag in VOID_TAGS:
                if tag == "hr":
                    self.blocks.append(Block("hr", "<hr>", ""))
                return
            self.start, self.tag, self.text, self.items = self._offset(), tag, [], []
        elif tag == "li" and self.tag in LIST_TAGS and self.depth == 1:
            self.items.append([])
        if tag in {"br", "li", "p"}:
            self._add(" ")
        if tag not in VOID_TAGS:
            self.depth += 1

    def handle_endtag(self, tag):
        if tag in VOID_TAGS or self.depth == 0:
            return
        self.depth -= 1
        if self.depth == 0:
            end = self.source.index(">", self._offset()) + 1
            text = " ".join("".join(self.text).split())
            items = [" ".join("".join(item).split()) for item in self.items]
            self.blocks.append(Block(self.tag, self.source[self.start : end], text, items))
        elif tag in {"li", "p"}:
            self._add(" ")

    def handle_data(self, data):
        if self.depth == 0:
            if data.strip():
                # Loose text outside any block reads as a paragraph of its own.
                text = " ".join(data.split())
                self.blocks.append(Block("p", f"<p>{escape(text)}</p>", text))
            return
        self._add(data)

    def _add(self, data):
        self.text.append(data)
        if self.items:
            self.items[-1].append(data)


def blocks(html):
    """The top-level blocks of a body, in order."""
    if not html:
        return []
    parser = _BlockParser(html)
    parser.feed(html)
    parser.close()
    return parser.blocks


def text_words(text):
    return [token for token in _tokens(text) if token[0].isalnum() or token[0] == "_"]


def body_words(html):
    return [word for block in blocks(html) for word in text_words(block.text)]


# Word diffs ---------------------------------------------------------------------


# Words (numbers such as "2,5" or "25-метровый" included) and punctuation are
# compared one by one; the spaces between them only carry the text.
_TOKEN = re.compile(r"\w+(?:[-'’.,:/]\w+)*|[^\w\s]|\s+")


def _tokens(text):
    return _TOKEN.findall(" ".join((text or "").split()))


def _words(tokens):
    return sum(1 for token in tokens if token[0].isalnum() or token[0] == "_")


def word_diff(old, new):
    """``(html, changed_words)``: ``new`` with <ins>/<del> where its words differ from ``old``."""
    before, after = _tokens(old), _tokens(new)
    matcher = difflib.SequenceMatcher(str.isspace, before, after, autojunk=False)
    parts, changed = [], 0
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        removed, added = before[i1:i2], after[j1:j2]
        if operation == "equal":
            parts.append(escape("".join(added)))
            continue
        if "".join(removed).strip():
            parts.append(f"<del>{escape(''.join(removed).strip())}</del>")
            if not added and "".join(removed)[-1].isspace():
                parts.append(" ")
        if "".join(added).strip():
            text = "".join(added)
            lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
            parts.append(f"{lead}<ins>{escape(text.strip())}</ins>{trail}")
        elif added:
            parts.append(escape("".join(added)))
        changed += _words(removed) + _words(added)
    return mark_safe("".join(parts)), changed  # noqa: S308 (every word escaped)


@dataclass
class BodyRow:
    """One block of the Russian body as the workspace shows it."""

    kind: str  # "same", "changed", "inserted" or "deleted"
    html: str
    index: int | None  # position among the current Russian blocks (None: deleted)


def _changed_block(old, new):
    """A changed block in its own tag, lists item by item; with its changed-word count."""
    if old.tag in LIST_TAGS and new.tag == old.tag and old.items and new.items:
        items, changed = [], 0
        matcher = difflib.SequenceMatcher(None, old.items, new.items, autojunk=False)
        for operation, i1, i2, j1, j2 in matcher.get_opcodes():
            if operation == "equal":
                items += [escape(text) for text in new.items[j1:j2]]
                continue
            pairs = max(i2 - i1, j2 - j1)
            for offset in range(pairs):
                before = old.items[i1 + offset] if i1 + offset < i2 else ""
                after = new.items[j1 + offset] if j1 + offset < j2 else ""
                html, count = word_diff(before, after)
                items.append(html)
                changed += count
        inner = "".join(f"<li>{item}</li>" for item in items)
        return f"<{new.tag}>{inner}</{new.tag}>", changed
    html, changed = word_diff(old.text, new.text)
    tag = new.tag if new.tag in {"p", "h2", "h3", "blockquote"} else "p"
    return f"<{tag}>{html}</{tag}>", changed


def body_rows(old_html, new_html):
    """``(rows, changed_words)``: the current Russian body, block by block, marked
    against ``old_html`` (None: nothing to compare with, every block "same")."""
    new_blocks = blocks(new_html)
    if old_html is None:
        return [BodyRow("same", block.html, index) for index, block in enumerate(new_blocks)], 0
    old_blocks = blocks(old_html)
    matcher = difflib.SequenceMatcher(
        None, [block.text for block in old_blocks], [block.text for block in new_blocks]
    )
    rows, changed = [], 0
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        if operation == "equal":
            rows += [BodyRow("same", new_blocks[j].html, j) for j in range(j1, j2)]
            continue
        # A replaced run pairs its blocks in order; what is left over was
        # inserted (new side) or deleted (old side).
        pairs = min(i2 - i1, j2 - j1)
        for offset in range(pairs):
            html, count = _changed_block(old_blocks[i1 + offset], new_blocks[j1 + offset])
            rows.append(BodyRow("changed", html, j1 + offset))
            changed += count
        for i in range(i1 + pairs, i2):
            html, count = word_diff(old_blocks[i].text, "")
            rows.append(BodyRow("deleted", f"<p>{html}</p>", None))
            changed += count
        for j in range(j1 + pairs, j2):
            html, count = word_diff("", new_blocks[j].text)
            tag = new_blocks[j].tag if new_blocks[j].tag in {"h2", "h3", "blockquote"} else "p"
            rows.append(BodyRow("inserted", f"<{tag}>{html}</{tag}>", j))
            changed += count
    return rows, changed


# What a translation was based on --------------------------------------------------


def _russian_photo_texts(article):
    rows = Photo.objects.filter(article=article).values("pk", *(f"{n}_ru" for n in PHOTO_FIELDS))
    return {
        str(row["pk"]): {name: row[f"{name}_ru"] or "" for name in PHOTO_FIELDS} for row in rows
    }


def remember_basis(article):
    """Store the article's current Russian text as what its Kazakh version is based on.

    Once per save: the article, then each of its photos, may change the Kazakh
    text in one save of the admin (groundwork/saves.py).
    """
    if article.pk:
        saves.once(("translation basis", article.pk), lambda: _write_basis(_fresh(article)))


def _fresh(article):
    # At the end of a save the row holds what every write of it stored.
    return Article.objects.filter(pk=article.pk).first() or article


def _write_basis(article):
    if not article.pk or not article.kk_changed_at or not article.exists_in("kk"):
        return None
    basis, _created = TranslationBasis.objects.update_or_create(
        article=article,
        defaults={
            "title": article.title_ru or "",
            "lead": article.lead_ru or "",
            "body": article.body_ru or "",
            "photos": _russian_photo_texts(article),
            "taken_at": article.kk_changed_at,
        },
    )
    return basis


def photo_texts_saved(photo, created):
    """A photo was saved: its article's Russian or Kazakh text changed with it
    when its caption, alt text or credit in that language did (all of them,
    for a new photo).

    So a caption an editor adds or corrects in Russian puts the article in the
    translators' queue, and a Kazakh caption saved is a Kazakh version saved.
    """
    codes = [
        code
        for code in LANGUAGE_CODES
        if any(getattr(photo, f"{name}_{code}") for name in PHOTO_FIELDS)
        and (created or any(photo.tracker.has_changed(f"{name}_{code}") for name in PHOTO_FIELDS))
    ]
    if not codes or not photo.article_id:
        return
    now = timezone.now()
    stamps = {f"{code}_changed_at": now for code in codes}
    Article.objects.filter(pk=photo.article_id).update(**stamps)
    # The admin's inline holds the article it just saved: keep it in step.
    article = photo.article if Photo.article.is_cached(photo) else None
    if article is not None:
        for name, value in stamps.items():
            setattr(article, name, value)
    if "kk" in codes:
        if article is None:
            article = Article.objects.get(pk=photo.article_id)
        remember_basis(article)


def _basis_from_history(article):
    """For a translation saved before bases were stored: the newest version whose
    Russian text was older than the Kazakh one holds the Russian it was made from."""
    versions = Version.objects.get_for_object(article).order_by("-revision__date_created", "-pk")
    for version in versions[:HISTORY_DEPTH]:
        try:
            fields = version.field_dict
        except RevertError:  # a version older than the schema cannot be read
            continue
        changed = fields.get("ru_changed_at")
        if changed and changed <= article.kk_changed_at:
            return TranslationBasis(
                article=article,
                title=fields.get("title_ru") or "",
                lead=fields.get("lead_ru") or "",
                body=fields.get("body_ru") or "",
                photos={},
                taken_at=article.kk_changed_at,
            )
    return None


def basis_for(article):
    """The Russian text the Kazakh version was made from, or None when unknown."""
    if not article.exists_in("kk") or not article.kk_changed_at:
        return None
    if "_workspace_basis" not in article.__dict__:
        try:
            article._workspace_basis = article.kazakh_basis
        except TranslationBasis.DoesNotExist:
            article._workspace_basis = _basis_from_history(article)
    return article._workspace_basis


# What changed in Russian -----------------------------------------------------------


@dataclass
class RussianChanges:
    """The Russian text of an article as the workspace shows it, against its basis."""

    outdated: bool
    known: bool  # False: outdated, but what the translation was based on is unknown
    title: str
    lead: str
    body: list
    changed_words: int
    changed_blocks: list  # positions of Russian body blocks that changed
    changed_photos: list  # positions (from 0) of photos whose Russian texts changed


def _photo_basis(basis, photo):
    """A photo's Russian texts when the translation was made: {} for a photo
    added since (all its text is new), None when unknown (a basis read back
    from the history, which does not keep photos)."""
    if basis._state.adding:
        return None
    return (basis.photos or {}).get(str(photo.pk), {})


def _photo_field(before, photo, name):
    """``(html, changed_words)`` of a photo's Russian text ``name`` against its
    texts ``before`` (None: unknown, shown plain and not counted)."""
    new = getattr(photo, f"{name}_ru") or ""
    old = None if before is None else before.get(name, "")
    if old is None or old == new:
        return mark_safe(escape(new)), 0  # noqa: S308 (escaped)
    return word_diff(old, new)


def russian_changes(article, basis=None):
    outdated = article.translation_state == "outdated"
    if basis is None and outdated:
        basis = basis_for(article)
    compare = outdated and basis is not None
    total = 0

    def text(old, new):
        nonlocal total
        if not compare or old is None or old == (new or ""):
            return escape(new or "")
        html, changed = word_diff(old, new)
        total += changed
        return html

    title = text(basis.title if compare else None, article.title_ru)
    lead = text(basis.lead if compare else None, article.lead_ru)
    current_body = richtext.sanitize(article.body_ru or "")
    rows, changed = body_rows(basis.body if compare else None, current_body)
    total += changed
    changed_photos = []
    for index, photo in enumerate(article.photos.all()):
        before = _photo_basis(basis, photo) if compare else None
        counts = [_photo_field(before, photo, name)[1] for name in PHOTO_FIELDS]
        total += sum(counts)
        if any(counts):
            changed_photos.append(index)
    return RussianChanges(
        outdated=outdated,
        known=compare or not outdated,
        title=mark_safe(title),  # noqa: S308 (escaped above)
        lead=mark_safe(lead),  # noqa: S308
        body=rows,
        changed_words=total,
        changed_blocks=[row.index for row in rows if row.kind in {"changed", "inserted"}],
        changed_photos=changed_photos,
    )


def words_to_translate(article, history=True):
    """The queue's figure: the Russian words to translate (missing) or that changed
    (outdated); None when unknown. ``history=False`` never reads the history (a
    list page must not run a query per row)."""
    state = article.translation_state
    if state == "missing":
        photo_words = sum(
            len(text_words(getattr(photo, f"{name}_ru")))
            for photo in article.photos.all()
            for name in PHOTO_FIELDS
        )
        return photo_words + len(
            text_words(article.title_ru) + text_words(article.lead_ru) + body_words(article.body_ru)
        )
    if state != "outdated":
        return 0
    try:
        basis = article.kazakh_basis
    except TranslationBasis.DoesNotExist:
        basis = _basis_from_history(article) if history else None
    if basis is None:
        return None
    total = 0
    for old, new in ((basis.title, article.title_ru), (basis.lead, article.lead_ru)):
        total += word_diff(old, new)[1] if (old or "") != (new or "") else 0
    if (basis.body or "") != (article.body_ru or ""):
        total += body_rows(basis.body, article.body_ru or "")[1]
    for photo in article.photos.all():
        before = _photo_basis(basis, photo)
        total += sum(_photo_field(before, photo, name)[1] for name in PHOTO_FIELDS)
    return total


def photo_text(photo, name):
    """A photo's Russian caption, alt text or credit, marked with its changes
    since the translation when the Kazakh version is outdated."""
    article = photo.article
    basis = basis_for(article) if article.translation_state == "outdated" else None
    before = _photo_basis(basis, photo) if basis else None
    return _photo_field(before, photo, name)[0]
