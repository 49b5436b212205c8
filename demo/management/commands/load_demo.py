"""Fill an empty newsroom with demo content.

Rubrics, sources, articles in Russian and Kazakh, tags and photos, all from
``demo/content.py``. The photos are painted by ``demo/pictures.py`` with
Pillow (sky, the Caspian, steppe, houses...), so the command needs no network
and gives the same pictures on every run.
"""

import random
from datetime import datetime, time, timedelta

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone, translation

from articles.models import Article, ArticleSource, Photo, Rubric, Source, Tag
from demo import comments as demo_comments
from demo import content as demo_data
from demo.pictures import draw_scene
from viewcounts.models import ArticleViewDay

SEED = 2026


class Command(BaseCommand):
    help = (
        "Fill an empty database with demo news of Aktau and Mangystau: rubrics, sources, "
        "articles in Russian and Kazakh, tags and photos. Does nothing if any article exists."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="List what would be created and write nothing.",
        )

    def handle(self, *args, dry_run=False, **options):
        self.verbosity = options["verbosity"]
        if Article.objects.exists():
            self.stdout.write(
                "The database already has articles; demo content is only loaded into an "
                "empty one. Nothing was changed."
            )
            return
        plan = make_plan(timezone.now())
        if dry_run:
            self.show(plan)
            return

        storage = Photo._meta.get_field("image").storage
        saved_files = []
        try:
            with transaction.atomic(), translation.override("ru"):
                counts = self.load(plan, saved_files)
        except BaseException:
            # The rows are rolled back; the photo files must not stay behind either.
            for name in saved_files:
                storage.delete(name)
            raise
        self.stdout.write(self.style.SUCCESS(summary(plan, counts)))

    def show(self, plan):
        for entry in plan:
            when = (
                timezone.localtime(entry["published_at"]).strftime("%d.%m.%Y %H:%M")
                if entry["published_at"]
                else "—"
            )
            self.stdout.write(
                f"  {entry['status']:<9} {when:<16} {entry['rubric']:<10} "
                f"{'+'.join(entry['languages']):<5} {len(entry['photos'])} photo(s)  "
                f"{entry['title']}"
            )
        counts = {
            "rubrics": len(demo_data.RUBRICS),
            "sources": len(demo_data.SOURCES),
            "photos": sum(len(entry["photos"]) for entry in plan),
            "tags": len({tag for entry in plan for tag in entry["tags"]}),
            "readers": len(demo_comments.READERS),
            "comments": sum(len(thread) for thread in demo_comments.THREADS),
        }
        self.stdout.write("Dry run, nothing was written. Would create: " + summary(plan, counts))

    def load(self, plan, saved_files):
        rubrics, rubrics_created = load_rubrics()
        sources, sources_created = load_sources()
        self.stdout.write(
            f"Rubrics: {rubrics_created} created; sources: {sources_created} created."
        )

        photo_count = 0
        for number, entry in enumerate(plan, start=1):
            article = Article.objects.create(rubric=rubrics[entry["rubric"]], **entry["fields"])
            ArticleSource.objects.bulk_create(
                ArticleSource(article=article, source=sources[key], role=role, position=position)
                for position, (key, role) in enumerate(entry["sources"])
            )
            article.tags.add(*entry["tags"])
            ArticleViewDay.objects.bulk_create(
                ArticleViewDay(article=article, day=day, views=views)
                for day, views in entry["daily_views"]
            )
            for position, photo in enumerate(entry["photos"]):
                photo_count += 1
                saved_files.append(save_photo(article, position, photo, entry["languages"]))
            if entry["ru_corrections"]:
                correct_russian(article, entry["ru_corrections"])
            if number % 10 == 0 or number == len(plan):
                self.stdout.write(f"Articles: {number}/{len(plan)}")
            if self.verbosity >= 2:
                self.stdout.write(f"  {article}")

        tag_names = {tag for entry in plan for tag in entry["tags"]}
        for tag in Tag.objects.filter(name__in=tag_names):
            tag.name_kk = demo_data.TAGS.get(tag.name, "")
            tag.save()
        readers, comments = demo_comments.load_comments()
        return {
            "rubrics": rubrics_created,
            "sources": sources_created,
            "photos": photo_count,
            "tags": Tag.objects.filter(name__in=tag_names).count(),
            "readers": readers,
            "comments": comments,
        }


def correct_russian(article, corrections):
    """An editor's later fix in the Russian body, saved the way the admin saves it."""
    article = Article.objects.get(pk=article.pk)
    for old, new in corrections:
        if old not in article.body_ru:
            raise CommandError(f"Demo correction not found in “{article}”: {old}")
        article.body_ru = article.body_ru.replace(old, new)
    article.save()


def make_plan(now):
    """Everything the command will write, worked out before anything is written."""
    rng = random.Random(SEED)
    plan = []
    for index, article in enumerate(demo_data.ARTICLES):
        ru = article.get("ru", ("", "", ""))
        kk = article.get("kk", ("", "", ""))
        status = article.get("status", Article.Status.PUBLISHED)
        published_at = publication_time(article["when"], now) if "when" in article else None
        views = audience(rng, article, published_at, now)
        languages = [code for code, text in (("ru", ru), ("kk", kk)) if text[0]]
        fields = {
            "title_ru": ru[0],
            "lead_ru": demo_data.plain(ru[1]),
            "body_ru": demo_data.body_html(ru[2]) if ru[2] else "",
            "title_kk": kk[0],
            "lead_kk": demo_data.plain(kk[1]),
            "body_kk": demo_data.body_html(kk[2]) if kk[2] else "",
            "status": status,
            "published_at": published_at,
            "age_rating": article.get("age_rating", Article.AgeRating.ALL),
            "is_breaking": article.get("is_breaking", False),
            "is_pinned": article.get("is_pinned", False),
            "byline": article.get("byline") or demo_data.BYLINES[index % len(demo_data.BYLINES)],
            "views": views,
        }
        plan.append(
            {
                "daily_views": daily_views(views, published_at, now),
                "ru_corrections": article.get("ru_corrections", []),
                "title": ru[0] or kk[0],
                "rubric": article["rubric"],
                "status": status,
                "published_at": published_at,
                "languages": languages,
                "sources": article["sources"],
                "tags": article["tags"],
                "photos": [
                    (index * 10 + n, *photo) for n, photo in enumerate(article.get("photos", []))
                ],
                "fields": fields,
            }
        )
    return plan


def publication_time(when, now):
    """``(days ago, "HH:MM")`` in the site's time zone; negative days are in the future."""
    days, clock = when
    hour, minute = (int(part) for part in clock.split(":"))
    day = timezone.localtime(now).date() - timedelta(days=days)
    moment = timezone.make_aware(datetime.combine(day, time(hour, minute)))
    if days >= 0 and moment > now - timedelta(minutes=5):
        # Today's hour has not come yet: a published article must not be scheduled.
        moment -= timedelta(days=1)
    return moment


def daily_views(views, published_at, now):
    """The last week's share of ``views``, per local day, for "most read".

    A story is read most on its first day, then half as much each day after.
    """
    if not views:
        return []
    first = timezone.localtime(published_at).date()
    today = timezone.localtime(now).date()
    days = [first + timedelta(days=n) for n in range((today - first).days + 1)]
    weights = [0.5**n for n in range(len(days))]
    total = sum(weights)
    return [
        (day, round(views * weight / total))
        for day, weight in zip(days, weights, strict=True)
        if day > today - timedelta(days=8) and round(views * weight / total) > 0
    ]


def audience(rng, article, published_at, now):
    """Views that look like a regional site's: older and louder stories read more."""
    if published_at is None or published_at > now:
        return 0
    age_days = (now - published_at).total_seconds() / 86400
    views = rng.randint(120, 2400) + int(age_days * rng.randint(150, 650))
    if article.get("is_breaking"):
        views = views * 3 + 4000
    if article.get("is_pinned"):
        views *= 2
    return min(views, 25000)


def load_rubrics():
    rubrics, created_count = {}, 0
    for position, (slug, name_ru, name_kk) in enumerate(demo_data.RUBRICS, start=1):
        rubric, created = Rubric.objects.get_or_create(
            slug=slug, defaults={"name_ru": name_ru, "name_kk": name_kk, "position": position}
        )
        rubrics[slug] = rubric
        created_count += created
    return rubrics, created_count


def load_sources():
    sources, created_count = {}, 0
    for key, (name_ru, name_kk, url, kind) in demo_data.SOURCES.items():
        cited_ru, cited_kk = demo_data.CITED_NAMES.get(key, ("", ""))
        source, created = Source.objects.get_or_create(
            name_ru=name_ru,
            defaults={
                "name_kk": name_kk,
                "cited_name_ru": cited_ru,
                "cited_name_kk": cited_kk,
                "url": url,
                "kind": kind,
            },
        )
        sources[key] = source
        created_count += created
    return sources, created_count


def save_photo(article, position, photo, languages):
    """Draw, store and attach one photo; return the stored file's name."""
    seed, scene, caption_ru, caption_kk, credit = photo
    credit_ru, credit_kk = demo_data.CREDITS[credit]
    alt_ru, alt_kk = demo_data.SCENE_ALT[scene]
    # A photo speaks the languages its article exists in.
    ru, kk = "ru" in languages, "kk" in languages
    instance = Photo(
        article=article,
        position=position,
        caption_ru=caption_ru if ru else "",
        credit_ru=credit_ru if ru else "",
        alt_ru=alt_ru if ru else "",
        caption_kk=caption_kk if kk else "",
        credit_kk=credit_kk if kk else "",
        alt_kk=alt_kk if kk else "",
    )
    instance.image.save(f"demo-{seed}.jpg", ContentFile(draw_scene(scene, SEED + seed)), save=False)
    instance.save()
    return instance.image.name


def summary(plan, counts):
    both = sum(1 for entry in plan if len(entry["languages"]) == 2)
    ru_only = sum(1 for entry in plan if entry["languages"] == ["ru"])
    kk_only = sum(1 for entry in plan if entry["languages"] == ["kk"])
    statuses = [entry["status"] for entry in plan]
    scheduled = sum(
        1 for entry in plan if entry["published_at"] and entry["published_at"] > timezone.now()
    )
    return (
        f"{counts['rubrics']} rubrics, {counts['sources']} sources, {len(plan)} articles "
        f"({both} in Russian and Kazakh, {ru_only} only in Russian, {kk_only} only in Kazakh; "
        f"{scheduled} scheduled, {statuses.count('draft')} draft, "
        f"{statuses.count('review')} in review), {counts['photos']} photos, "
        f"{counts['tags']} tags, {counts['readers']} readers with {counts['comments']} "
        "comments (approved, pending, hidden)."
    )
