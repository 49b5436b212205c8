"""Photo benchmark: ingesting a 12-megapixel phone photo, and what a phone downloads.

Run it alone (``.venv/bin/python bench/photos.py``) or from ``make bench``. It
sets Django up by itself with a temporary SQLite database and media folder,
uploads three 4000×3000 JPEGs through the editors' form path (checks,
normalisation, renditions), then renders their article page and works out
which rendition a 390 px wide phone at DPR 3 picks from each srcset/sizes,
adding the page's HTML, CSS and JS. Exit status 0 on success.
"""

import gzip
import io
import os
import re
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VIEWPORT_WIDTH = 390  # CSS px: an iPhone 12-15
DEVICE_PIXEL_RATIO = 3
PHOTO_SIZE = (4000, 3000)  # 12 megapixels
RUNS = 3


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


def phone_photo():
    """A 12 MP JPEG that compresses like a real photo (detail at every scale
    and sensor noise, about 4-5 MB), with EXIF orientation and GPS."""
    from PIL import Image  # noqa: PLC0415

    def texture(width):
        height = width * PHOTO_SIZE[1] // PHOTO_SIZE[0]
        channels = [Image.effect_noise((width, height), 60) for _ in range(3)]
        return Image.merge("RGB", channels).resize(PHOTO_SIZE, Image.Resampling.BICUBIC)

    picture = (
        Image.effect_mandelbrot((1000, 750), (-2.2, -1.2, 1.0, 1.2), 200)
        .convert("RGB")
        .resize(PHOTO_SIZE, Image.Resampling.BICUBIC)
    )
    for width, alpha in ((125, 0.5), (500, 0.35), (2000, 0.25), (4000, 0.08)):
        picture = Image.blend(picture, texture(width), alpha)
    exif = Image.Exif()
    exif[0x0112] = 1
    exif.get_ifd(0x8825).update({1: "N", 2: (43.0, 39.0, 2.0), 3: "E", 4: (51.0, 9.0, 31.0)})
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=92, exif=exif)
    return buffer.getvalue()


def ingest(article, data, position):
    """The admin's path: a ModelForm validates the upload, save() stores it;
    renditions are made on commit (autocommit here: right after the save)."""
    from django import forms  # noqa: PLC0415
    from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: PLC0415

    from articles import images  # noqa: PLC0415
    from articles.models import Photo  # noqa: PLC0415

    class PhotoForm(forms.ModelForm):
        class Meta:
            model = Photo
            fields = ["image", "caption_ru", "alt_ru", "position"]

    spent = {"renditions": 0.0}
    make_renditions = images.make_renditions

    def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            return make_renditions(*args, **kwargs)
        finally:
            spent["renditions"] += time.perf_counter() - started

    images.make_renditions = timed
    try:
        cpu_started = time.process_time()
        started = time.perf_counter()
        form = PhotoForm(
            data={"caption_ru": f"Снимок {position + 1}", "alt_ru": "Набережная",
                  "position": position},
            files={"image": SimpleUploadedFile("IMG_0001.JPG", data, "image/jpeg")},
            instance=Photo(article=article),
        )  # fmt: skip
        if not form.is_valid():
            raise SystemExit(f"bench: the photo was refused: {form.errors.as_text()}")
        checked = time.perf_counter()
        photo = form.save()
        done = time.perf_counter()
        cpu = time.process_time() - cpu_started
    finally:
        images.make_renditions = make_renditions
    photo.refresh_from_db()
    if not photo.renditions.get("jpeg"):
        raise SystemExit("bench: no renditions were made")
    return photo, {
        "check": checked - started,
        "store": done - checked - spent["renditions"],
        "renditions": spent["renditions"],
        "total": done - started,
        "cpu": cpu,
    }


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stylesheets, self.scripts, self.pictures = [], [], []
        self._picture = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "stylesheet":
            self.stylesheets.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.scripts.append(attrs["src"])
        elif tag == "picture":
            self._picture = {}
        elif tag == "source" and self._picture is not None:
            self._picture[attrs.get("type")] = (attrs.get("srcset"), attrs.get("sizes"))
        elif tag == "img" and self._picture is not None:
            self._picture["img"] = (attrs.get("srcset"), attrs.get("sizes"))
            self._picture["loading"] = attrs.get("loading", "eager")

    def handle_endtag(self, tag):
        if tag == "picture" and self._picture is not None:
            self.pictures.append(self._picture)
            self._picture = None


def slot_width(sizes, viewport):
    """The first matching entry of a `sizes` list, in CSS px (min/max-width media only)."""
    for entry in (part.strip() for part in (sizes or "100vw").split(",")):
        match = re.fullmatch(r"(?:\((min|max)-width:\s*(\d+)px\)\s*)?(\d+(?:\.\d+)?)(px|vw)", entry)
        if not match:
            continue
        kind, limit, value, unit = match.groups()
        if kind == "min" and viewport < int(limit):
            continue
        if kind == "max" and viewport > int(limit):
            continue
        return float(value) * (viewport / 100 if unit == "vw" else 1)
    return viewport


def choose(srcset, sizes, viewport, dpr):
    """What a browser fetches: the narrowest candidate covering slot × DPR."""
    candidates = []
    for item in srcset.split(","):
        address, width = item.strip().rsplit(" ", 1)
        candidates.append((int(width.rstrip("w")), address))
    candidates.sort()
    needed = slot_width(sizes, viewport) * dpr
    for width, address in candidates:
        if width >= needed:
            return width, address
    return candidates[-1]


def static_size(url):
    from django.conf import settings  # noqa: PLC0415
    from django.contrib.staticfiles import finders  # noqa: PLC0415

    path = finders.find(url.split("?")[0].removeprefix(settings.STATIC_URL))
    data = Path(path).read_bytes() if path else b""
    return len(data), len(gzip.compress(data, 9))


def media_size(url):
    from django.conf import settings  # noqa: PLC0415
    from django.core.files.storage import default_storage  # noqa: PLC0415

    return default_storage.size(url.removeprefix(settings.MEDIA_URL))


def kb(size):
    return f"{size / 1024:,.1f} KB"


def report(originals, timings, rows, eager, lazy):
    """The small table make bench shows."""
    text_raw = sum(row[1] for row in rows)
    text_gzip = sum(row[2] for row in rows)

    def median(key):
        return statistics.median(timing[key] for timing in timings)

    print("Photos (bench/photos.py)")
    print(f"  ingest one 12-megapixel JPEG ({PHOTO_SIZE[0]}x{PHOTO_SIZE[1]}, "
          f"{statistics.mean(originals) / 1024 / 1024:.1f} MB), median of {RUNS}:")  # fmt: skip
    print(f"    {'check by content (header, pixels, full decode)':<48}{median('check'):>8.2f} s")
    print(f"    {'normalise, strip EXIF/GPS, store original':<48}{median('store'):>8.2f} s")
    print(f"    {'10 renditions (5 widths x WebP+JPEG)':<48}{median('renditions'):>8.2f} s")
    print(f"    {'total (form valid -> renditions stored)':<48}{median('total'):>8.2f} s"
          f"   (best {min(t['total'] for t in timings):.2f} s)")  # fmt: skip
    print(f"    {'CPU time of the total (steadier on a busy box)':<48}{median('cpu'):>8.2f} s")
    print()
    print(f"  phone download of an article page with {RUNS} photos "
          f"({VIEWPORT_WIDTH} px wide, DPR {DEVICE_PIXEL_RATIO}):")  # fmt: skip
    print(f"    {'item':<40}{'bytes':>12}{'gzip':>12}")
    for label, raw, packed in rows:
        print(f"    {label:<40}{raw:>12,}{packed:>12,}")
    for label, size in eager + lazy:
        print(f"    {label:<40}{size:>12,}{'':>12}")
    first_view = text_gzip + sum(size for _label, size in eager)
    scrolled = first_view + sum(size for _label, size in lazy)
    print(f"    {'first view (HTML+CSS+JS gzip, eager photos)':<52}{kb(first_view):>12}")
    print(f"    {'scrolled to the end (+ lazy photos)':<52}{kb(scrolled):>12}")
    print(f"    {'for comparison: the three originals':<52}{kb(sum(originals)):>12}")
    print(f"    (text without compression: {kb(text_raw)})")


def main():
    with tempfile.TemporaryDirectory(prefix="newsroom-bench-photos-") as tmp:
        _configure(tmp)
        from django.core.management import call_command  # noqa: PLC0415
        from django.test import Client  # noqa: PLC0415
        from django.utils import timezone  # noqa: PLC0415

        from articles.models import Article, Rubric  # noqa: PLC0415

        call_command("migrate", verbosity=0)
        rubric = Rubric.objects.create(name_ru="Актау", name_kk="Ақтау", slug="aktau")
        paragraph = "<p>" + "Жители микрорайона рассказали о ремонте набережной. " * 12 + "</p>"
        article = Article.objects.create(
            title_ru="В Актау открыли обновлённую набережную",
            lead_ru="Ремонт набережной в 14 микрорайоне закончили к осени.",
            body_ru=paragraph * 6,
            rubric=rubric,
            status=Article.Status.PUBLISHED,
            published_at=timezone.now() - timedelta(hours=1),
        )

        originals, timings = [], []
        data = phone_photo()
        for run in range(RUNS):
            originals.append(len(data))
            _photo, timing = ingest(article, data, run)
            timings.append(timing)

        client = Client(HTTP_USER_AGENT="Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X)")
        response = client.get(article.get_absolute_url("ru"))
        if response.status_code != 200:
            raise SystemExit(f"bench: the article page answered {response.status_code}")
        html = response.content
        page = _Page()
        page.feed(html.decode())

        rows = [("HTML", len(html), len(gzip.compress(html, 9)))]
        for kind, urls in (("CSS", page.stylesheets), ("JS", page.scripts)):
            for url in urls:
                raw, packed = static_size(url)
                rows.append((f"{kind}  {url.rsplit('/', 1)[-1]}", raw, packed))

        eager, lazy = [], []
        for index, picture in enumerate(page.pictures, 1):
            srcset, sizes = picture.get("image/webp") or picture["img"]
            width, address = choose(srcset, sizes, VIEWPORT_WIDTH, DEVICE_PIXEL_RATIO)
            fmt = "webp" if "image/webp" in picture else "jpeg"
            entry = (f"photo {index}: {width}w {fmt} ({picture['loading']})", media_size(address))
            (lazy if picture["loading"] == "lazy" else eager).append(entry)
        if len(eager) + len(lazy) != RUNS:
            raise SystemExit(
                f"bench: expected {RUNS} <picture> on the page, found {len(eager) + len(lazy)}"
            )

        report(originals, timings, rows, eager, lazy)
    return 0


if __name__ == "__main__":
    sys.exit(main())
