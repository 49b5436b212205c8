"""Fill the database with many generated articles, fast (for `make bench` and load tests)."""

import random
from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from articles import related, slugs
from articles.models import Article, ArticleSource, Rubric, Source, Tag, TaggedArticle
from demo import content as demo_data
from pagecache import middleware as pagecache
from viewcounts.models import ArticleViewDay

RUBRICS = [
    ("gen-aktau", "Новости Актау", "Ақтау жаңалықтары"),
    ("gen-region", "Мангистау", "Маңғыстау"),
    ("gen-kazakhstan", "Казахстан", "Қазақстан"),
    ("gen-economy", "Экономика", "Экономика"),
    ("gen-incidents", "Происшествия", "Оқиғалар"),
    ("gen-society", "Общество", "Қоғам"),
    ("gen-sport", "Спорт", "Спорт"),
    ("gen-world", "В мире", "Әлемде"),
]

SUBJECTS_RU = [
    "В Актау",
    "В Жанаозене",
    "В Мангистау",
    "На Каспии",
    "В Бейнеу",
    "В Форт-Шевченко",
    "В Мунайлинском районе",
    "В Курыке",
]
EVENTS_RU = [
    "открыли новую школу",
    "отремонтируют дорогу",
    "запустили опреснительный завод",
    "прошёл фестиваль",
    "задержали браконьеров",
    "выросли цены на бензин",
    "построят больницу",
    "изменили маршруты автобусов",
    "прошли соревнования по борьбе",
    "открыли набережную",
]
SUBJECTS_KK = [
    "Ақтауда",
    "Жаңаөзенде",
    "Маңғыстауда",
    "Каспийде",
    "Бейнеуде",
    "Форт-Шевченкода",
    "Мұнайлы ауданында",
    "Құрықта",
]
EVENTS_KK = [
    "жаңа мектеп ашылды",
    "жол жөнделеді",
    "тұщыту зауыты іске қосылды",
    "фестиваль өтті",
    "браконьерлер ұсталды",
    "бензин бағасы өсті",
    "аурухана салынады",
    "автобус бағыттары өзгерді",
    "күрестен жарыс өтті",
    "жағалау ашылды",
]
SENTENCES_RU = [
    "Об этом сообщает пресс-служба акимата области.",
    "Работы планируют завершить до конца года.",
    "Жители микрорайона давно ждали этого решения.",
    "На церемонии присутствовали представители местных властей.",
    "Проект финансируется из областного бюджета.",
    "Подробности уточняются, ситуация находится на контроле.",
    "В ведомстве напомнили о правилах безопасности.",
    "По словам организаторов, мероприятие станет ежегодным.",
    "Ранее об этом писали местные СМИ со ссылкой на очевидцев.",
    "Специалисты рекомендуют следить за официальными сообщениями.",
]
SENTENCES_KK = [
    "Бұл туралы облыс әкімдігінің баспасөз қызметі хабарлады.",
    "Жұмыстарды жыл соңына дейін аяқтау жоспарлануда.",
    "Шағын аудан тұрғындары бұл шешімді көптен күткен.",
    "Салтанатты рәсімге жергілікті билік өкілдері қатысты.",
    "Жоба облыстық бюджет есебінен қаржыландырылады.",
    "Толық ақпарат нақтылануда, жағдай бақылауда.",
    "Ведомство қауіпсіздік ережелерін еске салды.",
    "Ұйымдастырушылардың айтуынша, іс-шара жыл сайын өтеді.",
    "Бұған дейін бұл туралы жергілікті БАҚ куәгерлерге сілтеме жасап жазған.",
    "Мамандар ресми хабарламаларды қадағалауға кеңес береді.",
]
# A dozen of the demo's tags, with their Kazakh names (demo/content.py).
TAGS = {
    name: demo_data.TAGS[name]
    for name in (
        "Актау",
        "Жанаозен",
        "Мангистау",
        "Каспий",
        "дороги",
        "образование",
        "здравоохранение",
        "цены",
        "спорт",
        "культура",
        "экология",
        "транспорт",
    )
}


def _paragraphs(rng, sentences, count):
    parts = []
    for number in range(count):
        if number == 2:
            parts.append(f"<h2>{rng.choice(sentences)[:-1]}</h2>")
        parts.append("<p>" + " ".join(rng.sample(sentences, 4)) + "</p>")
    return "".join(parts)


class Command(BaseCommand):
    help = (
        "Generate many published articles in Russian and Kazakh (rubrics, tags, sources, "
        "per-day views for 'most read') with bulk inserts: 100 000 in about a minute on "
        "SQLite. For benchmarks and load tests; never on a production database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=100_000, help="Articles to make.")
        parser.add_argument(
            "--batch-size", type=int, default=2000, help="Rows per INSERT (and per transaction)."
        )
        parser.add_argument(
            "--per-day",
            type=int,
            default=60,
            help="Articles per day: publication times go back count/per-day days.",
        )
        parser.add_argument(
            "--kazakh-share",
            type=float,
            default=0.8,
            help="Share of articles that also have a Kazakh version (0..1).",
        )
        parser.add_argument("--seed", type=int, default=1, help="Random seed (same data again).")

    def handle(self, *args, count, batch_size, per_day, kazakh_share, seed, **options):
        if count < 1 or batch_size < 1 or per_day < 1:
            raise CommandError("--count, --batch-size and --per-day must be positive.")
        if not 0 <= kazakh_share <= 1:
            raise CommandError("--kazakh-share must be between 0 and 1.")
        verbose = options["verbosity"] > 0
        rng = random.Random(seed)
        rubrics = [
            Rubric.objects.get_or_create(
                slug=slug, defaults={"name_ru": ru, "name_kk": kk, "position": position}
            )[0]
            for position, (slug, ru, kk) in enumerate(RUBRICS, start=10)
        ]
        tags = [
            Tag.objects.get_or_create(name=name, defaults={"name_kk": kk})[0]
            for name, kk in TAGS.items()
        ]
        source = Source.objects.get_or_create(
            url="https://www.inform.kz",
            defaults={"name_ru": "Казинформ", "name_kk": "Қазақпарат", "kind": "agency"},
        )[0]
        slug_cache = {}

        def slug(title):
            if title not in slug_cache:
                slug_cache[title] = slugs.slugify(title)
            return slug_cache[title]

        now = timezone.now()
        made = 0
        recent = []
        while made < count:
            size = min(batch_size, count - made)
            batch = []
            for number in range(made, made + size):
                # Newest first in time, spread back over count/per_day days.
                published_at = now - timedelta(
                    seconds=number * 86400 / per_day + rng.randint(0, 600)
                )
                subject, event = rng.randrange(8), rng.randrange(10)
                title_ru = f"{SUBJECTS_RU[subject]} {EVENTS_RU[event]}"
                fields = {
                    "title_ru": title_ru,
                    "slug_ru": slug(title_ru),
                    "lead_ru": " ".join(rng.sample(SENTENCES_RU, 2)),
                    "body_ru": _paragraphs(rng, SENTENCES_RU, 5),
                    "ru_changed_at": published_at,
                    # bulk_create() skips Article.save(), which keeps these.
                    "in_ru": True,
                }
                if rng.random() < kazakh_share:
                    title_kk = f"{SUBJECTS_KK[subject]} {EVENTS_KK[event]}"
                    fields.update(
                        title_kk=title_kk,
                        slug_kk=slug(title_kk),
                        lead_kk=" ".join(rng.sample(SENTENCES_KK, 2)),
                        body_kk=_paragraphs(rng, SENTENCES_KK, 5),
                        kk_changed_at=published_at,
                        in_kk=True,
                    )
                batch.append(
                    Article(
                        rubric=rubrics[rng.randrange(len(rubrics))],
                        status=Article.Status.PUBLISHED,
                        published_at=published_at,
                        byline="Newsroom",
                        **fields,
                    )
                )
            with transaction.atomic():
                Article.objects.bulk_create(batch, batch_size=batch_size)
                TaggedArticle.objects.bulk_create(
                    [
                        TaggedArticle(content_object_id=article.pk, tag=tag)
                        for article in batch
                        for tag in rng.sample(tags, rng.randint(0, 3))
                    ],
                    batch_size=batch_size,
                )
                ArticleSource.objects.bulk_create(
                    [
                        ArticleSource(article_id=article.pk, source=source)
                        for article in batch
                        if rng.random() < 0.5
                    ],
                    batch_size=batch_size,
                )
            if made < per_day * 7:
                recent.extend(article.pk for article in batch)
            made += size
            if verbose:
                self.stdout.write(f"\r{made} / {count} articles", ending="")
                self.stdout.flush()
        if verbose:
            self.stdout.write("")

        # "Most read": views per day for the last week's articles.
        today = timezone.localdate()
        ArticleViewDay.objects.bulk_create(
            [
                ArticleViewDay(article_id=pk, day=today - timedelta(days=days_ago), views=views)
                for pk in recent[: per_day * 7]
                for days_ago in range(7)
                if (views := rng.randint(0, 400)) and rng.random() < 0.3
            ],
            batch_size=batch_size,
            ignore_conflicts=True,
        )
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        # Bulk inserts send no signals: related articles and the page cache by hand.
        related.refresh_all(only_missing=True)
        pagecache.content_changed()
        if verbose:
            self.stdout.write(self.style.SUCCESS(f"{count} articles generated."))
