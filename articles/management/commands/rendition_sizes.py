"""Record the byte size of photo renditions made before sizes were kept.

Feeds give each article's lead photo as an enclosure with its length in bytes;
renditions made since record it when they are made (articles/images.py). For
older photos this asks the storage once per file. A photo whose files are not
in storage keeps no size, and its article's feed item goes without an
enclosure rather than with an invented one.
"""

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles import images
from articles.models import Photo


class Command(BaseCommand):
    help = "Record the byte size of every photo rendition that has none yet."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count the photos lacking sizes; write nothing."
        )
        parser.add_argument(
            "--batch-size", type=int, default=200, help="Photos read per query (default 200)."
        )

    def handle(self, *args, dry_run=False, batch_size=200, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        lacking = [
            pk
            for pk, renditions in Photo.objects.exclude(renditions={}).values_list(
                "pk", "renditions"
            )
            if set(images.rendition_names(renditions or {}))
            - set((renditions or {}).get("bytes") or {})
        ]
        if dry_run:
            self.stdout.write(f"{len(lacking)} photo(s) lack rendition sizes; nothing was written.")
            return
        added = 0
        with tqdm(
            total=len(lacking),
            unit="photo",
            desc="Sizes",
            file=self.stderr._out,
            disable=options.get("verbosity", 1) == 0,
        ) as progress:
            for start in range(0, len(lacking), batch_size):
                for photo in Photo.objects.filter(pk__in=lacking[start : start + batch_size]):
                    added += images.fill_sizes(photo)
                    progress.update(1)
        self.stdout.write(f"{added} rendition size(s) recorded for {len(lacking)} photo(s).")
