"""Move pending view counts from the cache into the database (run it from cron)."""

from django.core.management.base import BaseCommand

from viewcounts import counters


class Command(BaseCommand):
    help = (
        "Add the views counted by the beacon since the last flush to Article.views and "
        "to the per-day counts behind 'most read'. Safe to run often and concurrently "
        "(one flush at a time does the work); meant for cron, e.g. every minute."
    )

    def handle(self, *args, **options):
        written = counters.flush()
        if options["verbosity"] > 0:
            self.stdout.write(f"{written} view(s) written to the database.")
            if not counters.uses_redis():
                self.stdout.write(
                    "No Redis (REDIS_URL): each web process keeps and flushes its own counts; "
                    "this command only flushes its own process."
                )
