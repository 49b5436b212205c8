"""Restore a ``manage.py backup`` archive into an empty database and media storage.

Run ``manage.py migrate`` on the new database first. Media files are written
before the data is loaded, so every photo row finds its file; article ids are
kept, so every published link still works.
"""

import json
import shutil
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

from django.contrib.auth import get_user_model
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from articles.models import Article, Rubric, Source, Tag
from newsroom.management.commands.backup import FORMAT


def _media_name(member):
    """The storage name of a media member, or None for anything unsafe."""
    name = PurePosixPath(member.name)
    if not member.isfile() or name.parts[:1] != ("media",) or len(name.parts) < 2:
        return None
    relative = PurePosixPath(*name.parts[1:])
    if relative.is_absolute() or ".." in relative.parts:
        return None
    return str(relative)


class Command(BaseCommand):
    help = (
        "Restore an archive made by 'manage.py backup' into an empty database "
        "(run 'manage.py migrate' first) and the media storage."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The .tar.gz file written by 'manage.py backup'.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check the archive and the database and say what would be restored.",
        )

    def handle(self, *args, archive, dry_run=False, **options):
        path = Path(archive)
        if not path.is_file():
            raise CommandError(f"{path}: no such file.")
        try:
            tar = tarfile.open(path, "r:gz")
        except (tarfile.TarError, OSError) as error:
            raise CommandError(f"{path} is not a backup archive: {error}") from None
        with tar:
            manifest = self._manifest(tar, path)
            media = [(member, _media_name(member)) for member in tar.getmembers()]
            skipped = [member.name for member, name in media if name is None]
            media = [(member, name) for member, name in media if name is not None]
            self._refuse_unless_empty()
            if dry_run:
                self.stdout.write(
                    f"Would restore {manifest['objects']} object(s) and {len(media)} "
                    f"media file(s) from {path} (made {manifest['created_at']})."
                )
                return
            for member, name in media:
                self._write_media(tar, member, name)
            with tempfile.TemporaryDirectory() as tmp:
                fixtures = []
                for name in ("roles.xml", "data.xml"):
                    fixture = Path(tmp) / name
                    # Copied a block at a time: a large archive's data is never
                    # in memory whole.
                    with tar.extractfile(name) as source, fixture.open("wb") as target:
                        shutil.copyfileobj(source, target)
                    fixtures.append(str(fixture))
                with transaction.atomic():
                    call_command("loaddata", *fixtures, verbosity=0)
        for name in skipped:
            if name not in ("manifest.json", "roles.xml", "data.xml"):
                self.stderr.write(f"Skipped {name}: not a media file.")
        self.stdout.write(
            f"Restored {manifest['objects']} object(s) and {len(media)} media file(s) from {path}."
        )

    def _manifest(self, tar, path):
        try:
            manifest = json.load(tar.extractfile("manifest.json"))
            tar.getmember("roles.xml")
            tar.getmember("data.xml")
        except (KeyError, ValueError, AttributeError):
            raise CommandError(
                f"{path} is not a Newsroom backup (manifest.json, roles.xml or data.xml missing)."
            ) from None
        if manifest.get("format") != FORMAT:
            raise CommandError(
                f"{path} has format {manifest.get('format')!r}; this version reads {FORMAT!r}."
            )
        return manifest

    def _refuse_unless_empty(self):
        filled = [
            model._meta.verbose_name_plural
            for model in (Article, Rubric, Source, Tag, get_user_model())
            if model.objects.exists()
        ]
        if filled:
            raise CommandError(
                "Restore needs an empty database, but it already has "
                f"{', '.join(str(name) for name in filled)}. Create a new database, run "
                "'manage.py migrate', then restore."
            )

    def _write_media(self, tar, member, name):
        if default_storage.exists(name):
            default_storage.delete(name)
        with tar.extractfile(member) as handle:
            saved = default_storage.save(name, File(handle, name=name))
        if saved != name:
            raise CommandError(f"Media file {name} was stored as {saved}; the restore stops.")
