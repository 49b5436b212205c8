"""``manage.py import_wordpress export.xml --uploads DIR``: move a WordPress archive in."""

import json
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from tqdm import tqdm

from wordpress import wxr
from wordpress.imports import Import


class Command(BaseCommand):
    help = (
        "Import a WordPress export (WXR): posts become articles (Polylang translations "
        "one bilingual article), pictures photos, old addresses redirect. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The export from WordPress: Tools → Export → All content.")
        parser.add_argument(
            "--uploads", help="A copy of the site's wp-content/uploads folder (for the photos)."
        )
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            default=settings.LANGUAGE_CODE,
            help="The language of the posts of a site without Polylang.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Read and report, save nothing.")
        parser.add_argument("--report", help="Also write the report to this JSON file.")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(_("No such file: %(path)s") % {"path": path})
        uploads = options["uploads"]
        if uploads and not Path(uploads).is_dir():
            raise CommandError(_("No such folder: %(path)s") % {"path": uploads})
        bar = None
        if sys.stderr.isatty() and options["verbosity"] > 0:
            bar = tqdm(total=path.stat().st_size, unit="B", unit_scale=True, desc=path.name)

        def progress(done):
            bar.update(done - bar.n)

        run = Import(
            path,
            uploads=uploads,
            language=options["language"],
            dry_run=options["dry_run"],
            progress=progress if bar else None,
        )
        try:
            report = run.run()
            broken = None
        except wxr.BrokenExport as error:
            report, broken = run.report, error
        finally:
            if bar:
                bar.close()
        if options["report"]:
            Path(options["report"]).write_text(
                json.dumps(report.as_json(), ensure_ascii=False, indent=2), encoding="utf-8"
            )
        for line in report.lines():
            self.stdout.write(line)
        if broken is not None:
            raise CommandError(
                _(
                    "The export is broken at line %(line)d, column %(column)d (%(reason)s). "
                    "The articles before that point are imported; fix or export the file "
                    "again and run the same command: it goes on from there."
                )
                % {"line": broken.line, "column": broken.column, "reason": broken.reason}
            )
