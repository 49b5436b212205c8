"""The import: WordPress posts become articles, with photos, tags and old addresses.

``Import(path, uploads=…, language=…, dry_run=…).run()`` reads the export
twice: once to learn what posts need from elsewhere in the file
(``survey.Survey``), once to import. Each article (both languages, its
photos, tags and old addresses) is saved in one transaction: a file that
breaks halfway leaves whole articles behind, never half of one, and the next
run goes on from there. A Russian post and its Kazakh translation (Polylang)
wait for each other and become one article.

Articles are made through the content's own models: ``Article.save()``
sanitizes the body and makes the slugs, photos go through the same checks,
normalisation and renditions as an editor's upload (articles/images.py).
The run is bulk work (articles/bulk.py): related articles and the page cache
catch up once, when it ends. Publication dates
are WordPress's own, so an old story is never taken for a fresh one.

A second run over the same file finds each article through
``ImportedPost`` and leaves it alone when nothing it was made from changed
(a hash of the posts, their pictures and which files were found); what
changed is updated in place: its imported photos follow the post (a
picture whose file is unchanged keeps its photo and renditions).
"""

import hashlib
import json
from dataclasses import asdict
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import timezone

from articles import bulk, images, slugs
from articles.models import RESERVED_RUBRIC_SLUGS, Article, Photo, Rubric, Tag

from . import body as bodies
from . import captions, polylang, wxr
from .body import plain
from .models import ImportedPhoto, ImportedPost, OldAddress
from .report import Report
from .survey import Survey, uploads_file

# Raise when the rules change: every article is then imported again.
RULES_VERSION = 2

STATUSES = {"publish": "published", "future": "scheduled", "draft": "draft", "pending": "draft"}
RANK = {"published": 3, "scheduled": 2, "draft": 1}
SKIPPED_STATUSES = {"private": "private", "trash": "trash", "auto-draft": "auto-draft"}
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def old_path(address):
    """An old address as ``OldAddress.path`` keeps it: decoded, case-folded, no host.

    ``https://old.kz/kk/2019/05/%D0%B0%D2%9B/`` → ``/kk/2019/05/ақ``; a
    ``?p=123`` address → ``?p=123``.
    """
    parts = urlsplit(address or "")
    post = parse_qs(parts.query).get("p")
    if post and post[0].isdigit():
        return f"?p={int(post[0])}"
    path = unquote(parts.path, errors="replace").casefold().rstrip("/")
    return path or ""


def usable_path(path):
    """Whether an old path can be kept: not the home page, not longer than the column."""
    return bool(path) and path != "/" and len(path) <= 1000


def site_of(channel):
    """The old site's name in ``ImportedPost.site``: host and path of its address."""
    parts = urlsplit(channel.base_site_url or channel.link or "")
    return (parts.netloc + parts.path.rstrip("/")).casefold()[:200] or "wordpress"


class Import:
    def __init__(self, path, uploads=None, language="ru", dry_run=False, progress=None):
        self.path = Path(path)
        self.uploads = Path(uploads) if uploads else None
        self.language = language
        self.dry_run = dry_run
        self.progress = progress  # called with the bytes read so far
        self.report = Report(dry_run=dry_run)
        self._rubrics = {}
        self._tags = {}
        self._users = {}

    # The two passes ------------------------------------------------------------

    def run(self):
        """Import the file; returns the report. Raises wxr.BrokenExport after what it could."""
        self.survey = Survey(self.path)
        self.site = site_of(self.survey.channel)
        # Related articles and the page cache catch up once, when the run
        # ends (articles/bulk.py), not on every article.
        with bulk.saving(sender=Article, rolled_back=self.dry_run):
            self._read()
        return self.report

    def _read(self):
        export = wxr.Export(self.path)
        waiting = {}  # the group's wanted post ids → {post id: item}
        try:
            for item in export.items():
                if self.progress:
                    self.progress(export.bytes_read)
                language = self._wanted(item)
                if language is None:
                    continue
                wanted = tuple(
                    pid for pid in self.survey.partners(item.post_id) if self._importable(pid)
                )
                if item.post_id not in wanted:
                    wanted = (item.post_id,)
                group = waiting.setdefault(wanted, {})
                group[item.post_id] = (item, language)
                if len(group) == len(wanted):
                    del waiting[wanted]
                    self._import_group(list(group.values()))
        except wxr.BrokenExport as error:
            # Posts waiting for a translation after the break are left for the next run.
            self.report.broken_at_line = error.line
            raise
        for group in waiting.values():  # a translation the file does not have after all
            self._import_group(list(group.values()))

    def _importable(self, post_id):
        post = self.survey.posts.get(post_id)
        return post is not None and post.status in STATUSES and self._language(post) is not None

    def _language(self, post):
        if not self.survey.polylang:
            return self.language
        return polylang.LANGUAGES.get(post.language) if post.language else self.language

    def _wanted(self, item):
        """The item's language if it is a post to import; counts everything else."""
        report = self.report
        if item.comments:
            report.not_imported["comment"] += item.comments
        if item.post_type == "attachment":
            return None
        if item.post_type != "post":
            report.not_imported[item.post_type or "?"] += 1
            return None
        if item.status in SKIPPED_STATUSES:
            report.skip(item.post_id, SKIPPED_STATUSES[item.status])
            return None
        if item.status not in STATUSES:
            report.skip(item.post_id, "other status")
            return None
        language = self._language(self.survey.posts[item.post_id])
        if language is None:
            report.skip(item.post_id, "language")
        return language

    # One article -----------------------------------------------------------------

    def _import_group(self, posts):  # noqa: PLR0912 - the steps of one article, in order
        report = self.report
        by_language = {}
        for item, language in sorted(posts, key=lambda pair: pair[0].post_id):
            if language in by_language:  # two posts in one language: the second on its own
                self._import_group([(item, language)])
                continue
            by_language[language] = item
        best = max(RANK[STATUSES[item.status]] for item in by_language.values())
        included = {
            code: item for code, item in by_language.items() if RANK[STATUSES[item.status]] == best
        }
        held_back = {code: item for code, item in by_language.items() if code not in included}
        for item in held_back.values():
            report.skip(item.post_id, "held back")
        primary_language = "ru" if "ru" in included else next(iter(included))
        primary = included[primary_language]

        converted = {}
        for code, item in included.items():
            converted[code] = bodies.convert(item.content, item.post_id, self.survey.children)
        files = self._files(converted)
        digest = self._digest(by_language, converted, files)
        all_ids = [item.post_id for item in by_language.values()]
        known = list(ImportedPost.objects.filter(site=self.site, post_id__in=all_ids))
        if len(known) == len(all_ids) and all(row.content_hash == digest for row in known):
            report.unchanged += 1
            return
        article = known[0].article if known else None

        with transaction.atomic():
            made = self._save_article(article, included, converted, primary, primary_language)
            if made is None:
                transaction.set_rollback(True)
                self._report_missing(included, converted)
                return
            photo_paths = self._save_photos(
                made, included, converted, primary_language, replace=article is not None
            )
            rows = {row.post_id: row for row in known}
            addresses = {}
            for code, item in by_language.items():
                row = rows.get(item.post_id) or ImportedPost(site=self.site, post_id=item.post_id)
                row.article, row.language, row.content_hash = made, code, digest
                row.save()
                for address in (item.link, item.guid, f"?p={item.post_id}"):
                    addresses[old_path(address)] = code
            self._save_addresses(made, addresses, photo_paths)
            if self.dry_run:
                transaction.set_rollback(True)
        for converted_body in converted.values():
            report.shortcodes.update(converted_body.shortcodes)
            report.external_images += converted_body.external_images
        if article is None:
            report.imported += 1
        else:
            report.updated += 1
        if len(included) > 1:
            report.translations_paired += 1

    def _save_article(self, article, included, converted, primary, primary_language):
        report = self.report
        texts = {}
        for code, item in included.items():
            title = plain(item.title)
            lead = plain(item.excerpt)
            body = converted[code].html
            if not body and lead:
                body = f"<p>{lead}</p>"
            if not title:
                report.skip(item.post_id, "no headline")
            elif not body:
                report.skip(item.post_id, "no text")
            else:
                texts[code] = (title[:255], lead, body)
        if not texts:
            return None
        article = article or Article()
        for code, (title, lead, body) in texts.items():
            setattr(article, f"title_{code}", title)
            setattr(article, f"lead_{code}", lead)
            setattr(article, f"body_{code}", body)
        status = STATUSES[primary.status]
        article.status = (
            Article.Status.PUBLISHED
            if status in {"published", "scheduled"}
            else Article.Status.DRAFT
        )
        # The Russian post's time (the original); a future one schedules the article.
        dated = included["ru"] if "ru" in texts else included[next(iter(texts))]
        article.published_at = dated.published_at()
        if status == "published" and article.published_at is None:
            article.published_at = timezone.now()
        article.rubric = self._rubric(primary, primary_language)
        article.byline = self.survey.channel.authors.get(primary.creator, primary.creator)[:200]
        article.author = self._user(primary.creator)
        article.is_pinned = primary.sticky
        article.save()
        article.tags.set(self._tag_list(primary, primary_language))
        return article

    # Rubrics, tags, authors --------------------------------------------------------

    def _rubric(self, item, language):
        categories = item.terms("category") or [("uncategorized", "Без рубрики")]
        nicename, name = categories[0]
        names = {language: plain(name)}
        other = "kk" if language == "ru" else "ru"
        translated = self.survey.translated_term("category", nicename, other)
        if translated is not None:
            names[other] = plain(translated.name)
            if other == "ru":
                nicename = translated.slug
        key = nicename.casefold()
        if key in self._rubrics:
            return self._rubrics[key]
        slug = slugs.slugify(unquote(nicename), max_length=60) or slugs.slugify(
            names.get("ru") or names[language], max_length=60
        )
        slug = slug or "rubric"
        if slug in RESERVED_RUBRIC_SLUGS:
            slug = f"{slug}-news"
        rubric = Rubric.objects.filter(slug=slug).first()
        if rubric is None:
            rubric = Rubric(slug=slug, position=Rubric.objects.count() + 1)
            rubric.name_ru = (names.get("ru") or names[language])[:100]
            rubric.name_kk = (names.get("kk") or "")[:100]
            rubric.save()
            if not rubric.name_kk:
                self.report.rubrics_without_kazakh.append(rubric.name_ru)
        self._rubrics[key] = rubric
        return rubric

    def _tag_list(self, item, language):
        tags = []
        for nicename, typed in item.terms("post_tag"):
            name = plain(typed)[:100]
            if not name:
                continue
            names = {language: name}
            other = "kk" if language == "ru" else "ru"
            translated = self.survey.translated_term("post_tag", nicename, other)
            if translated is not None:
                names[other] = plain(translated.name)[:100]
            russian = names.get("ru") or name
            tag = self._tags.get(russian)
            if tag is None:
                tag = Tag.objects.filter(name=russian).first() or Tag(name=russian)
                kazakh = names.get("kk", "")
                if kazakh and not tag.name_kk:
                    tag.name_kk = kazakh
                if tag.pk is None or tag.name_kk == kazakh:
                    tag.save()
                self._tags[russian] = tag
            tags.append(tag)
        return tags

    def _user(self, login):
        if login not in self._users:
            # The staff account of the same login, if there is one: never made here.
            self._users[login] = (
                get_user_model().objects.filter(username=login, is_staff=True).first()
                if login
                else None
            )
        return self._users[login]

    # Photos ------------------------------------------------------------------------

    def _pictures(self, item, body):
        """(attachment or None, file, caption, alt) in order: the featured image first."""
        found = []
        featured = item.meta.get("_thumbnail_id", "")
        if featured.strip().isdigit():
            found.append(bodies.Picture(int(featured), ""))
        found.extend(body.pictures)
        result = {}  # one photo per file; the body's caption for the featured image too
        for picture in found:
            attachment = self.survey.attachments.get(picture.attachment_id)
            if attachment is None and picture.address:
                attachment = self.survey.attachment_for(picture.address)
            file = attachment.file if attachment else uploads_file(picture.address)
            if not file:
                continue
            key = file.casefold()
            if key in result:
                known = result[key]
                result[key] = (
                    known[0],
                    known[1],
                    known[2] or picture.caption,
                    known[3] or picture.alt,
                )
            else:
                result[key] = (attachment, file, picture.caption, picture.alt)
        return list(result.values())

    def _files(self, converted):
        """{file: size or None (missing)} for every picture the article's posts show."""
        found = {}
        for body in converted.values():
            for picture in body.pictures:
                attachment = self.survey.attachments.get(picture.attachment_id)
                file = attachment.file if attachment else uploads_file(picture.address)
                if file:
                    found[file] = self._size(file)
        return found

    def _size(self, file):
        if self.uploads is None:
            return None
        path = self.uploads / file
        return path.stat().st_size if path.is_file() else None

    def _report_missing(self, included, converted):
        """Name the missing files of posts that were skipped (nothing but a missing picture)."""
        for code, item in included.items():
            for _attachment, file, _caption, _alt in self._pictures(item, converted[code]):
                if self.uploads is None or not (self.uploads / file).is_file():
                    self.report.missing_files.append({"post": item.post_id, "file": file})

    def _save_photos(self, article, included, converted, primary_language, replace):
        """Make the article's photos (replacing those an earlier run made); their old paths."""
        report = self.report
        primary = included[primary_language]
        pictures = self._pictures(primary, converted[primary_language])
        # The other language's texts for the same files (Polylang may give
        # a translated picture an attachment of its own: matched by file).
        other_texts = {}
        for code, item in included.items():
            if code == primary_language:
                continue
            for attachment, file, caption, alt in self._pictures(item, converted[code]):
                other_texts[(code, file.casefold())] = (
                    caption or (attachment.caption if attachment else ""),
                    alt or (attachment.alt if attachment else ""),
                    attachment.credit if attachment else "",
                )
        # Photos an earlier run made of the same file, unchanged since (same
        # size), are kept: only their texts and place change, no new renditions.
        earlier = {}
        if replace:
            for photo in Photo.objects.filter(
                article=article, wordpress_origin__isnull=False
            ).select_related("wordpress_origin"):
                origin = photo.wordpress_origin
                earlier.setdefault((origin.file.casefold(), origin.size), []).append(photo)
        position = 0
        paths = []  # (old path, photo)
        for attachment, file, caption, alt in pictures:
            source = self.uploads / file if self.uploads else None
            if source is None or not source.is_file():
                report.missing_files.append({"post": primary.post_id, "file": file})
                continue
            size = source.stat().st_size
            kept = earlier.get((file.casefold(), size))
            photo = kept.pop() if kept else Photo(article=article)
            photo.position = position
            texts = {code: other_texts.get((code, file.casefold())) for code in included}
            texts[primary_language] = (
                caption or (attachment.caption if attachment else ""),
                alt or (attachment.alt if attachment else ""),
                attachment.credit if attachment else "",
            )
            self._photo_texts(photo, texts)
            if photo.pk:
                photo.save()
            elif not self._store(photo, source, file, size, primary.post_id):
                continue
            report.photos += 1
            position += 1
            urls = (attachment.old_paths() if attachment else []) or [f"/wp-content/uploads/{file}"]
            paths += [(old_path(url), photo) for url in urls]
        for stale in earlier.values():  # pictures the post no longer shows, or changed files
            for photo in stale:
                photo.delete()
        return paths

    def _photo_texts(self, photo, texts):
        """Set ``photo``'s caption, alt text and credit from ``texts`` (language →
        (caption, alt, credit) as WordPress has them, or None) in each language."""
        texts = {
            code: tuple(plain(text) for text in (found or ("", "", "")))
            for code, found in texts.items()
        }
        # The picture's credit in WordPress's metadata is a name, in no language:
        # a photo shown on both pages is credited on both. A credit typed in a
        # caption is in that caption's language and stays there.
        named = next((credit for _caption, _alt, credit in texts.values() if credit), "")
        for code, found in texts.items():
            text, alt_text, credit_text = captions.texts(*found, code, other_credit=named)
            setattr(photo, f"caption_{code}", text[:300])
            setattr(photo, f"alt_{code}", alt_text[:300])
            setattr(photo, f"credit_{code}", credit_text[:200])

    def _store(self, photo, source, file, size, post_id):
        """Save a new photo of ``source`` through the upload checks; False if not saved."""
        try:
            with open(source, "rb") as handle:
                upload = File(handle, name=Path(file).name)
                if self.dry_run:
                    images.inspect(upload)
                    self.report.photos += 1
                    return False
                with transaction.atomic():
                    photo.image = upload
                    photo.save()
        except ValidationError as error:
            self.report.refused_files.append(
                {"post": post_id, "file": file, "reason": " ".join(error.messages)}
            )
            return False
        ImportedPhoto.objects.create(photo=photo, file=file, size=size)
        return True

    # Old addresses -----------------------------------------------------------------

    def _save_addresses(self, article, languages, photo_paths):
        """The article's old paths (path → language) and its photos' (path, photo) pairs.

        One query finds those known already: a post's address is moved to this
        article; a picture's address stays with the first photo made of it (an
        image used by two posts).
        """
        wanted = {}
        for path, photo in photo_paths:
            wanted.setdefault(path, ("", photo))
        for path, language in languages.items():
            wanted[path] = (language, None)
        wanted = {path: target for path, target in wanted.items() if usable_path(path)}
        known = {row.path: row for row in OldAddress.objects.filter(path__in=list(wanted))}
        new, moved = [], []
        for path, (language, photo) in wanted.items():
            row = known.get(path)
            if row is None:
                target = {"photo": photo} if photo else {"article": article, "language": language}
                new.append(OldAddress(path=path, **target))
            elif photo is None and (row.article_id, row.language, row.photo_id) != (
                article.pk,
                language,
                None,
            ):
                row.article, row.language, row.photo = article, language, None
                moved.append(row)
        OldAddress.objects.bulk_create(new)
        OldAddress.objects.bulk_update(moved, ["article", "language", "photo"])
        self.report.redirects += len(new)

    # What "changed" means ----------------------------------------------------------

    def _digest(self, by_language, converted, files):
        attachments = set()
        for body in converted.values():
            attachments |= {picture.attachment_id for picture in body.pictures}
        for item in by_language.values():
            featured = item.meta.get("_thumbnail_id", "").strip()
            if featured.isdigit():
                attachments.add(int(featured))
                attachment = self.survey.attachments.get(int(featured))
                if attachment:
                    files[attachment.file] = self._size(attachment.file)
        described = {
            "rules": RULES_VERSION,
            "posts": {
                code: {key: value for key, value in asdict(item).items() if key not in {"comments"}}
                for code, item in sorted(by_language.items())
            },
            "attachments": [
                asdict(self.survey.attachments[number])
                for number in sorted(n for n in attachments if n in self.survey.attachments)
            ],
            "files": sorted(files.items()),
        }
        text = json.dumps(described, sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()
