"""What an import did, for the person who ran it: counted, named, and as JSON.

The command prints ``Report.lines()`` at the end and writes
``Report.as_json()`` with ``--report FILE.json``.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext


@dataclass
class Report:
    dry_run: bool = False
    imported: int = 0  # new articles
    updated: int = 0  # articles changed by a newer export
    unchanged: int = 0  # articles already imported from the same text
    translations_paired: int = 0  # articles made of a Russian and a Kazakh post
    # reason → count: private, trash, draft translations held back, no text…
    skipped: Counter = field(default_factory=Counter)
    skipped_posts: list = field(default_factory=list)  # [{"post": id, "reason": …}]
    photos: int = 0
    missing_files: list = field(default_factory=list)  # [{"post": id, "file": …}]
    refused_files: list = field(default_factory=list)  # [{"post": id, "file": …, "reason": …}]
    external_images: int = 0
    redirects: int = 0
    shortcodes: Counter = field(default_factory=Counter)
    # Rubrics made from a category with no Kazakh translation: their Kazakh name
    # is the editors' to write (the Kazakh site shows the Russian one meanwhile).
    rubrics_without_kazakh: list = field(default_factory=list)
    # Not imported, counted: pages, menus, comments, other post types.
    not_imported: Counter = field(default_factory=Counter)
    broken_at_line: int | None = None

    def skip(self, post_id, reason):
        self.skipped[reason] += 1
        self.skipped_posts.append({"post": post_id, "reason": reason})

    def as_json(self):
        return {
            "dry_run": self.dry_run,
            "imported": self.imported,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "translations_paired": self.translations_paired,
            "skipped": dict(self.skipped),
            "skipped_posts": self.skipped_posts,
            "photos": self.photos,
            "missing_files": self.missing_files,
            "refused_files": self.refused_files,
            "external_images": self.external_images,
            "redirects": self.redirects,
            "shortcodes": dict(self.shortcodes),
            "rubrics_without_kazakh": self.rubrics_without_kazakh,
            "not_imported": dict(self.not_imported),
            "broken_at_line": self.broken_at_line,
        }

    def lines(self):
        """The report as sentences, in the active language."""
        reasons = {
            "private": _("private"),
            "trash": _("in the trash"),
            "auto-draft": _("automatic drafts"),
            "held back": _("translations not published in WordPress (left out)"),
            "no headline": _("no headline"),
            "no text": _("no text left (only a missing picture, or empty)"),
            "language": _("a language this site does not have"),
            "other status": _("another status"),
        }
        kinds = {
            "page": _("pages"),
            "nav_menu_item": _("menu items"),
            "comment": _("comments"),
        }
        lines = []
        if self.dry_run:
            lines.append(_("Dry run: nothing was saved."))
        lines.append(
            _("Articles: %(imported)d new, %(updated)d updated, %(unchanged)d unchanged.")
            % {"imported": self.imported, "updated": self.updated, "unchanged": self.unchanged}
        )
        lines.append(
            ngettext(
                "%(count)d article has both languages.",
                "%(count)d articles have both languages.",
                self.translations_paired,
            )
            % {"count": self.translations_paired}
        )
        for reason, count in sorted(self.skipped.items()):
            lines.append(
                _("Posts skipped (%(reason)s): %(count)d")
                % {"reason": reasons.get(reason, reason), "count": count}
            )
        lines.append(
            _("Photos: %(photos)d; old addresses that now redirect: %(redirects)d.")
            % {"photos": self.photos, "redirects": self.redirects}
        )
        if self.missing_files:
            lines.append(
                _("Files missing from the uploads folder: %(count)d")
                % {"count": len(self.missing_files)}
            )
            lines.extend(f"  {entry['file']} (#{entry['post']})" for entry in self.missing_files)
        for entry in self.refused_files:
            lines.append(
                _("Picture refused: %(file)s (#%(post)s): %(reason)s")
                % {"file": entry["file"], "post": entry["post"], "reason": entry["reason"]}
            )
        if self.external_images:
            lines.append(
                _("Pictures from other sites left out: %(count)d") % {"count": self.external_images}
            )
        if self.shortcodes:
            names = ", ".join(f"[{name}] ×{count}" for name, count in self.shortcodes.most_common())
            lines.append(_("Shortcodes removed (their text kept): %(names)s") % {"names": names})
        if self.rubrics_without_kazakh:
            lines.append(
                _("Rubrics without a Kazakh name (add it in the admin, Rubrics): %(names)s")
                % {"names": ", ".join(self.rubrics_without_kazakh)}
            )
        for kind, count in sorted(self.not_imported.items()):
            lines.append(
                _("Not imported (%(kind)s): %(count)d")
                % {"kind": kinds.get(kind, kind), "count": count}
            )
        return lines
