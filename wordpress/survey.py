"""The first pass over an export: what each post needs from elsewhere in the file.

A post names its featured image by id (``_thumbnail_id``) and its other
images by address, and its translation is another item, before or after it.
The first pass reads the whole file once and keeps only that much: the
attachments (file, caption, alt text, credit, the sizes WordPress made), each
post's language and translation group. Bodies are not kept, so memory stays
small however big the archive.
"""

import posixpath
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from . import phparray, polylang, wxr

UPLOADS = "/wp-content/uploads/"


@dataclass
class Attachment:
    attachment_id: int
    file: str  # relative to wp-content/uploads: "2019/05/aktau.jpg"
    url_path: str  # "/wp-content/uploads/2019/05/aktau.jpg" (or the site's own path)
    parent: int = 0
    caption: str = ""
    title: str = ""
    alt: str = ""
    credit: str = ""
    sizes: list = field(default_factory=list)  # other files: "2019/05/aktau-300x200.jpg"

    def old_paths(self):
        """The addresses the old site served this picture at: the original and each size."""
        base = self.url_path[: -len(self.file)] if self.url_path.endswith(self.file) else ""
        paths = [self.url_path] if self.url_path else []
        if base:
            paths += [base + size for size in self.sizes]
        return paths


@dataclass
class Post:
    language: str
    group: str
    status: str


def uploads_file(address):
    """The part of an image address after ``wp-content/uploads/`` ("" if it has none)."""
    path = unquote(urlsplit(address or "").path)
    if UPLOADS not in path:
        return ""
    return path.split(UPLOADS, 1)[1].lstrip("/")


def _attachment(item):
    file = item.meta.get("_wp_attached_file", "").strip().lstrip("/") or uploads_file(
        item.attachment_url or item.guid
    )
    url_path = unquote(urlsplit(item.attachment_url or item.guid).path)
    attachment = Attachment(
        attachment_id=item.post_id,
        file=file,
        url_path=url_path,
        parent=item.parent,
        caption=item.excerpt.strip(),
        title=item.title,
        alt=item.meta.get("_wp_attachment_image_alt", "").strip(),
    )
    metadata = item.meta.get("_wp_attachment_metadata", "")
    if metadata:
        try:
            value = phparray.loads(metadata)
        except phparray.PHPValueError:
            value = {}
        if isinstance(value, dict):
            folder = posixpath.dirname(file)
            for size in (value.get("sizes") or {}).values():
                if isinstance(size, dict) and size.get("file"):
                    attachment.sizes.append(posixpath.join(folder, str(size["file"])))
            meta = value.get("image_meta") or {}
            if isinstance(meta, dict):
                attachment.credit = str(meta.get("credit") or meta.get("copyright") or "").strip()
    return attachment


class Survey:
    def __init__(self, path):
        self.attachments = {}  # id → Attachment
        self.children = {}  # post id → ids of the attachments uploaded to it
        self.files = {}  # any file of an attachment (original or size) → attachment id
        self.posts = {}  # id → Post
        self.group_members = {}  # group slug → [post ids], as the items say
        self.broken = None  # wxr.BrokenExport, if the file breaks
        export = wxr.Export(path)
        try:
            for item in export.items():
                if item.post_type == "attachment":
                    attachment = _attachment(item)
                    self.attachments[item.post_id] = attachment
                    self.children.setdefault(item.parent, []).append(item.post_id)
                    for file in (attachment.file, *attachment.sizes):
                        self.files.setdefault(file.casefold(), item.post_id)
                elif item.post_type == "post":
                    group = polylang.group_of(item)
                    self.posts[item.post_id] = Post(polylang.language_of(item), group, item.status)
                    if group:
                        self.group_members.setdefault(group, []).append(item.post_id)
        except wxr.BrokenExport as error:
            self.broken = error
        self.channel = export.channel
        self.polylang = polylang.uses_polylang(self.channel.terms)
        self.post_groups = polylang.groups(self.channel.terms, "post_translations")
        self.term_groups = polylang.groups(self.channel.terms, "term_translations")
        self.terms = {term.term_id: term for term in self.channel.terms}
        self.terms_by_slug = {(term.taxonomy, term.slug): term for term in self.channel.terms}
        self.term_group = {
            term_id: group for group in self.term_groups.values() for term_id in group.values()
        }

    def partners(self, post_id):
        """The ids of the posts in the file that translate ``post_id`` (itself included)."""
        post = self.posts.get(post_id)
        if post is None or not post.group:
            return [post_id]
        members = set(self.group_members.get(post.group, ()))
        members |= set(self.post_groups.get(post.group, {}).values())
        members.add(post_id)
        return sorted(member for member in members if member in self.posts)

    def attachment_for(self, address):
        """The attachment whose original or size is at ``address`` (or None)."""
        found = self.files.get(uploads_file(address).casefold())
        return self.attachments.get(found) if found else None

    def translated_term(self, taxonomy, slug, language):
        """The ``language`` term paired with the ``taxonomy`` term ``slug`` (or None)."""
        term = self.terms_by_slug.get((taxonomy, slug))
        group = self.term_group.get(term.term_id) if term else None
        return self.terms.get(group.get(language)) if group else None
