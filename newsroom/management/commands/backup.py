"""Back up the newsroom into one archive: the database's content and the media files.

The archive (``.tar.gz``) holds ``manifest.json``, ``roles.xml`` (the
groups, by name) and ``data.xml`` (Django's ``dumpdata``, XML, with natural
foreign keys) and ``media/`` (every file of the default storage: photos and
their renditions). ``data.xml`` holds every row of every model of every
installed app — content, history, views, the audit log, staff and their
devices, readers with their agreements and comments, and whatever app comes
next — except what ``migrate`` makes again (content types, permissions) and
sign-in sessions; nothing has to remember to list a new app here.
It is portable between SQLite and PostgreSQL; ``manage.py restore`` brings
it back into an empty database.
"""

import json
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

from django.apps import apps
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

FORMAT = "newsroom-backup/1"

# Everything, but what migrate makes again in a new database (content types
# and permissions: natural keys point at them by name) and sign-ins.
# The task queue too: work for the old site is not redone in the new one.
LEFT_OUT = ["contenttypes", "auth.permission", "sessions", "django_tasks_database"]
# Roles (groups) go by name, as migrate makes them again in a new database;
# everything else keeps its id (article ids are in every published link).
ROLE_LABELS = ["auth.group"]


def dump_labels():
    """Every installed app whose models hold rows worth keeping."""
    left_out = {label for label in LEFT_OUT if "." not in label}
    return [
        config.label
        for config in apps.get_app_configs()
        if config.label not in left_out and any(True for _model in config.get_models())
    ]


def media_files(storage=default_storage, directory=""):
    """Every file name in ``storage``, walking folders (works for S3 as well)."""
    try:
        folders, files = storage.listdir(directory)
    except (FileNotFoundError, NotADirectoryError):
        return
    for name in sorted(files):
        yield f"{directory}/{name}" if directory else name
    for folder in sorted(folders):
        yield from media_files(storage, f"{directory}/{folder}" if directory else folder)


class Command(BaseCommand):
    help = (
        "Write the database's content and all media files into one .tar.gz archive. "
        "Restore it with 'manage.py restore ARCHIVE' into an empty database."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "archive",
            nargs="?",
            help="Where to write the archive (default: backups/newsroom-<time>.tar.gz).",
        )
        parser.add_argument(
            "--no-media", action="store_true", help="Leave the media files out (database only)."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be backed up; write nothing."
        )

    def handle(self, *args, archive=None, no_media=False, dry_run=False, **options):
        if archive is None:
            archive = f"backups/newsroom-{timezone.now():%Y%m%d-%H%M%S}.tar.gz"
        archive = Path(archive)
        if archive.exists():
            raise CommandError(f"{archive} exists already; choose another name.")
        files = [] if no_media else list(media_files())
        labels = dump_labels()
        if dry_run:
            self.stdout.write(
                f"Would write {archive}: data of {', '.join(labels)} "
                f"and {len(files)} media file(s)."
            )
            return
        archive.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as tmp:
            roles, data = Path(tmp) / "roles.xml", Path(tmp) / "data.xml"
            for output, app_labels, exclude, natural_primary in (
                (roles, ROLE_LABELS, [], True),
                (data, labels, [*LEFT_OUT, *ROLE_LABELS], False),
            ):
                call_command(
                    "dumpdata",
                    *app_labels,
                    exclude=exclude,
                    natural_foreign=True,
                    natural_primary=natural_primary,
                    # XML keeps microseconds (Django's JSON cuts times to milliseconds).
                    format="xml",
                    output=str(output),
                    verbosity=0,
                )
            objects = sum(count_records(path) for path in (roles, data))
            manifest = {
                "format": FORMAT,
                "created_at": timezone.now().isoformat(),
                "apps": labels,
                "objects": objects,
                "media_files": len(files),
            }
            partial = archive.with_name(archive.name + ".partial")
            try:
                with tarfile.open(partial, "w:gz") as tar:
                    _add_bytes(tar, "manifest.json", json.dumps(manifest, indent=2).encode())
                    tar.add(roles, arcname="roles.xml")
                    tar.add(data, arcname="data.xml")
                    for name in files:
                        info = tarfile.TarInfo(f"media/{name}")
                        info.size = default_storage.size(name)
                        info.mtime = int(time.time())
                        with default_storage.open(name, "rb") as handle:
                            tar.addfile(info, handle)
                partial.rename(archive)
            finally:
                partial.unlink(missing_ok=True)
        self.stdout.write(
            f"Backed up {objects} object(s) and {len(files)} media file(s) to {archive}"
        )


def count_records(path, chunk_size=1 << 20):
    """The records of a ``dumpdata`` XML file, read a megabyte at a time.

    Text inside is escaped, so every ``<object `` starts a record. Reading the
    file whole would hold a large archive's data (hundreds of megabytes) in
    memory at once.
    """
    mark = b"<object "
    count, tail = 0, b""
    with open(path, "rb") as handle:
        while chunk := handle.read(chunk_size):
            window = tail + chunk
            count += window.count(mark)
            # A mark cut by the chunk's end is counted with the next chunk;
            # the kept tail is too short to hold a whole one.
            tail = window[-(len(mark) - 1) :]
    return count


def _add_bytes(tar, name, payload):
    info = tarfile.TarInfo(name)
    info.size = len(payload)
    info.mtime = int(time.time())
    tar.addfile(info, BytesIO(payload))
