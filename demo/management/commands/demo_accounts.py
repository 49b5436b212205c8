"""Development only: demo accounts for each role, with known passwords, printed."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

# (username, password, role group or None for the superuser). Development
# passwords: the command refuses to run with DEBUG off.
DEMO_ACCOUNTS = [
    ("admin", "admin-demo-2026", None),
    ("editor", "editor-demo-2026", "Editors"),
    ("reporter", "reporter-demo-2026", "Reporters"),
    ("translator", "translator-demo-2026", "Translators"),
    ("moderator", "moderator-demo-2026", "Moderators"),
]


class Command(BaseCommand):
    help = (
        "Create (or reset) the demo accounts admin, editor, reporter, translator and moderator "
        "with known passwords and print them. Development only: refuses when DEBUG is off."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "demo_accounts refuses to run with DEBUG off: known passwords "
                "must never exist on a production site."
            )
        User = get_user_model()
        with transaction.atomic():
            for username, password, role in DEMO_ACCOUNTS:
                user, _created = User.objects.get_or_create(username=username)
                user.is_staff = True
                user.is_active = True
                user.is_superuser = role is None
                user.set_password(password)
                user.save()
                if role:
                    group, _ = Group.objects.get_or_create(name=role)
                    user.groups.set([group])
        self.stdout.write("Demo accounts (development only; no second factor while DEBUG is on):")
        for username, password, role in DEMO_ACCOUNTS:
            self.stdout.write(f"  {username:<11} {password:<22} {role or 'superuser'}")
