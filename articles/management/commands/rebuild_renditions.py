"""Make every photo's renditions again (after changing widths or quality).

Renditions are normally made once, when a photo is saved; this command is for
when their recipe changes, or when some are missing (a failed upload, files
lost on a storage move). Each original is read once through the storage API.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from articles import images
from articles.models import Photo


class Command(BaseCommand):
    help = "Rebuild the WebP and JPEG renditions of every photo, with a progress bar."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Count the photos that would be rebuilt; write nothing.",
        )
        parser.add_argument(
            "--missing",
            action="store_true",
            help="Only photos whose renditions are missing or belong to another original.",
        )
        parser.add_argument(
            "--batch-size", type=int, default=100, help="Photos read per query (default 100)."
        )

    def handle(self, *args, dry_run=False, missing=False, batch_size=100, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        photos = Photo.objects.exclude(image="").order_by("pk")
        if missing:
            stale = [
                pk
                for pk, name, renditions in photos.values_list("pk", "image", "renditions")
                if (renditions or {}).get("original") != name
            ]
            photos = photos.filter(pk__in=stale)
        total = photos.count()
        if dry_run:
            self.stdout.write(f"{total} photo(s) would be rebuilt; nothing was written.")
            return
        failed = []
        last_pk = 0
        with tqdm(
            total=total,
            unit="photo",
            desc="Renditions",
            file=self.stderr._out,
            disable=options.get("verbosity", 1) == 0,
        ) as progress:
            while True:
                batch = list(photos.filter(pk__gt=last_pk)[:batch_size])
                if not batch:
                    break
                for photo in batch:
                    try:
                        # One photo, one transaction: a failure leaves the
                        # others rebuilt and this one as it was in the database.
                        with transaction.atomic():
                            images.make_renditions(photo)
                    except Exception as error:  # a broken or missing original
                        failed.append(f"#{photo.pk} {photo.image.name}: {error}")
                    progress.update(1)
                last_pk = batch[-1].pk
        self.stdout.write(f"Rebuilt {total - len(failed)} of {total} photo(s).")
        if failed:
            raise CommandError(
                f"{len(failed)} photo(s) could not be rebuilt:\n" + "\n".join(failed)
            )
