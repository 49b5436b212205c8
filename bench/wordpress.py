"""WordPress import benchmark: a generated export of bilingual posts with pictures.

Run it alone (``.venv/bin/python bench/wordpress.py [--posts N]``) or from
``make bench`` (10 000 posts: 5 000 Russian posts, each with its Kazakh
translation paired by Polylang and a picture of its own). It sets Django up
by itself with a temporary SQLite database, media and uploads folder (no
variable from the shell is read), writes the export in parts, runs
``manage.py import_wordpress`` on it, and prints posts per second and the
process's peak memory. Exit status 0 on success.
"""

import argparse
import io
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _configure(tmp):
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
    os.environ["MEDIA_ROOT"] = f"{tmp}/media"
    os.environ.pop("REDIS_URL", None)
    os.environ.pop("AWS_STORAGE_BUCKET_NAME", None)
    os.environ["DEBUG"] = "true"
    os.environ["DJANGO_SETTINGS_MODULE"] = "newsroom.settings"
    import django  # noqa: PLC0415

    django.setup()


def _picture():
    from PIL import Image  # noqa: PLC0415

    image = Image.effect_mandelbrot((640, 427), (-2.2, -1.2, 1.0, 1.2), 60).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def write_export(path, uploads, posts):
    from tests import wordpress_exports as wxr  # noqa: PLC0415

    pairs = posts // 2
    terms = [*wxr.polylang_languages()]
    terms += [
        wxr.translation_group(100_000 + n, f"pll_{n}", {"ru": 3 * n + 1, "kk": 3 * n + 2})
        for n in range(pairs)
    ]
    head, tail = wxr.export_frame(terms=terms)
    picture = _picture()
    russian = (
        "В Актау обсуждают новости Мангыстау: жители рассказали о ремонте дорог.\n"
        "Акимат обещает закончить работы к осени.\n\n"
    ) * 8
    kazakh = (
        "Ақтауда Маңғыстау жаңалықтары талқыланып жатыр: тұрғындар жол жөндеуі туралы айтты.\n"
        "Әкімдік жұмысты күзге дейін аяқтауға уәде берді.\n\n"
    ) * 8
    with open(path, "w", encoding="utf-8") as out:
        out.write(head)
        for n in range(pairs):
            file = f"2019/{n % 12 + 1:02d}/foto-{n}.jpg"
            target = uploads / file
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(picture)
            picture_id = 3 * n + 3
            caption = f'[caption id="attachment_{picture_id}"]<img class="wp-image-{picture_id}" '
            caption += f'src="{wxr.SITE}/wp-content/uploads/{file}"> Фото {n}[/caption]\n\n'
            out.write(wxr.attachment(picture_id, file, parent=3 * n + 1, alt=f"Фото {n}"))
            out.write(
                wxr.post(
                    3 * n + 1,
                    f"Новость номер {n} из Актау",
                    caption + russian,
                    language="ru",
                    group=f"pll_{n}",
                    thumbnail=str(picture_id),
                    tags=(("aktau", "Актау"),),
                    excerpt="Коротко о главном.",
                )
            )
            out.write(
                wxr.post(
                    3 * n + 2,
                    f"Ақтаудан {n}-жаңалық",
                    kazakh,
                    language="kk",
                    group=f"pll_{n}",
                    categories=(("zhanalyqtar", "Жаңалықтар"),),
                )
            )
        out.write(tail)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=10_000, help="posts in the export (even)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsroom-bench-wordpress-") as tmp:
        _configure(tmp)
        from django.core.management import call_command  # noqa: PLC0415

        from articles.models import Article, Photo  # noqa: PLC0415
        from wordpress.models import OldAddress  # noqa: PLC0415

        call_command("migrate", verbosity=0)
        export, uploads = Path(tmp) / "export.xml", Path(tmp) / "uploads"
        write_export(export, uploads, options.posts)
        size = export.stat().st_size
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started, cpu = time.perf_counter(), time.process_time()
        call_command(
            "import_wordpress", str(export), "--uploads", str(uploads), stdout=io.StringIO()
        )
        seconds = time.perf_counter() - started
        cpu = time.process_time() - cpu
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KB on Linux
        articles = Article.objects.count()
        if articles != options.posts // 2 or not Article.objects.in_language("kk").count():
            raise SystemExit(f"bench: expected {options.posts // 2} articles, found {articles}")
        print(
            f"WordPress import: {options.posts} posts ({articles} bilingual articles), "
            f"{Photo.objects.count()} photos, {OldAddress.objects.count()} old addresses, "
            f"export {size / 2**20:.1f} MB"
        )
        print(f"  {options.posts / seconds:.1f} posts/s ({seconds:.1f} s)")
        # On a shared machine the clock also counts other people's work.
        print(f"  {options.posts / cpu:.1f} posts per CPU second ({cpu:.1f} s of CPU)")
        print(
            f"  peak memory (RSS) {peak / 1024:.0f} MB (before the import {before / 1024:.0f} MB)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
