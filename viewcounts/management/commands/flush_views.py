"""Move pending view counts into the database by hand (a background task does it by itself)."""

from django.core.management.base import BaseCommand

from viewcounts import counters


class Command(BaseCommand):
    help = (
        "Add the views counted by the beacon since the last flush to Article.views and "
        "to the per-day counts behind 'most read'. A background task does this a few "
        "seconds after each view; this command is for cron as a safety net, or by hand. "
        "Safe to run often and concurrently."
    )

    def handle(self, *args, **options):
        written = counters.flush()
        if options["verbosity"] > 0:
            self.stdout.write(f"{written} view(s) written to the database.")
