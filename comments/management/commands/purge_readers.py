"""Delete the identification data of reader accounts closed longer ago than the law asks to keep it.

Art. 36 п.5-1 «Об информатизации»: the phone number and the agreement to
the rules are kept while the account is open and for 3 months after
(``READER_RETENTION_DAYS``). Then the account goes: approved comments stay,
signed "deleted account"; pending and hidden ones are deleted with it.
Sign-in codes older than a day go too: they hold the numbers of people who
never finished signing in. Run it daily from cron (see the README).
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from comments import blocks
from comments.models import Comment, Reader, SignInCode


class Command(BaseCommand):
    help = (
        "Delete phone numbers and agreements of reader accounts closed more than "
        "READER_RETENTION_DAYS ago; their approved comments stay under 'deleted account'."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be deleted; change nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        due = list(Reader.objects.due_for_purge().order_by("closed_at", "id"))
        kept = Comment.objects.filter(reader__in=due, status=Comment.Status.APPROVED)
        dropped = Comment.objects.filter(reader__in=due).exclude(status=Comment.Status.APPROVED)
        kept_count, dropped_count = kept.count(), dropped.count()
        stale_codes = SignInCode.objects.filter(
            created_at__lt=timezone.now() - timezone.timedelta(days=1)
        )
        codes_count = stale_codes.count()
        for reader in due:
            self.stdout.write(
                f"{'would delete' if dry_run else 'deleting'} reader #{reader.pk} "
                f"{reader.masked_phone}, closed {reader.closed_at:%Y-%m-%d}"
            )
        summary = (
            f"{len(due)} closed account(s): phone numbers and agreements; "
            f"{kept_count} approved comment(s) kept as 'deleted account', "
            f"{dropped_count} unpublished comment(s) deleted; "
            f"{codes_count} sign-in code(s) older than a day."
        )
        if dry_run:
            self.stdout.write(f"Dry run, nothing changed. Would delete {summary}")
            return
        with transaction.atomic():
            articles = set(kept.values_list("article_id", flat=True))
            kept.update(reader=None)
            dropped.delete()
            stale_codes.delete()
            Reader.objects.filter(pk__in=[reader.pk for reader in due]).delete()
            blocks.forget(articles)
        self.stdout.write(self.style.SUCCESS(f"Deleted {summary}"))
