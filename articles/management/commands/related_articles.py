"""Compute the related articles kept on every published article (after a bulk import)."""

from django.core.management.base import BaseCommand

from articles import related


class Command(BaseCommand):
    help = (
        "Compute the related articles' ids kept on each published article, in one pass. "
        "Saving an article keeps its own up to date; run this after a bulk import "
        "(generate_articles, restore), or --missing for the articles that have none yet."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--missing", action="store_true", help="Only articles whose ids were never computed."
        )

    def handle(self, *args, missing, **options):
        updated = related.refresh_all(only_missing=missing)
        if options["verbosity"] > 0:
            self.stdout.write(f"Related articles computed for {updated} article(s).")
