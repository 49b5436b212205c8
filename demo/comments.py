"""Demo readers and their comments, in Russian and Kazakh: approved, pending, one hidden.

Real rows of the comments app, so that every count on the demo site is a
count of approved comments (the numbers used to be random). Each thread is
written for its story and found by the story's headline, so a comment
stands under what it speaks of: a day of a regional site's readers, polite
and grumpy, in both languages, adding nothing the story contradicts.
"""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from articles.models import Article
from comments.models import Comment, Reader

# (phone, display name): development numbers, never real ones.
READERS = [
    ("+77000000001", "Айгерим"),
    ("+77000000002", "Ерлан"),
    ("+77000000003", "Марат К."),
    ("+77000000004", "Динара"),
    ("+77000000005", "Қуаныш"),
    ("+77000000006", "Сергей Петрович"),
    ("+77000000007", "Гүлназ"),
    ("+77000000008", "Нурлан из 15-го"),
]

# {headline of the story (Russian, or Kazakh for a Kazakh-only one):
#  [(reader, language, text, status, index of the comment replied to), …]}
THREADS = {
    "Акимат Мангистауской области открыл новую школу": [
        (
            0,
            "ru",
            "Наконец-то! Сын ходил во вторую смену, теперь будет учиться с утра.",
            "approved",
            None,
        ),
        (
            4,
            "kk",
            "Бассейні бар мектеп — керемет. Жаттықтырушылар да жақсы болса екен.",
            "approved",
            None,
        ),
        (
            5,
            "ru",
            "1200 мест на три микрорайона — через пару лет опять будут три смены, вот увидите.",
            "approved",
            None,
        ),
        (
            3,
            "ru",
            "В 34-м уже сейчас дети есть, которым не хватило мест. Надо было строить две.",
            "approved",
            2,
        ),
        (
            6,
            "kk",
            "Пандус пен лифт жасағандары дұрыс. Басқа мектептерде де осындай болса ғой.",
            "pending",
            None,
        ),
    ],
    "Пожар на складе в промзоне Актау потушили за три часа": [
        (
            1,
            "ru",
            "Видел дым с трассы около шести утра, чёрный столб. Хорошо, что никто не пострадал.",
            "approved",
            None,
        ),
        (
            7,
            "ru",
            "Заправка в 300 метрах… Пожарным отдельное спасибо, могло быть намного хуже.",
            "approved",
            None,
        ),
        (
            4,
            "kk",
            "Өрт сөндірушілерге рақмет! Себебін анықтаған соң жазып жіберіңіздер.",
            "approved",
            None,
        ),
        (
            5,
            "ru",
            "Опять «устанавливают причину». Потом никто так и не узнает, что там было.",
            "pending",
            None,
        ),
    ],
    "В нескольких микрорайонах Актау на сутки отключат воду": [
        (
            2,
            "ru",
            "А в 14-м водовоз где будет стоять? В прошлый раз полдня искали.",
            "approved",
            None,
        ),
        (3, "ru", "График водовозов обещали выложить в Telegram-канале акимата.", "approved", 0),
        (6, "kk", "Бейсенбіге су жинап қойдық. Бір тәулікпен бітсе жарайды ғой.", "approved", None),
        (
            5,
            "ru",
            "Каждый год меняют трубы, и каждый год снова ремонт. Куда деньги уходят?",
            "approved",
            None,
        ),
    ],
    "«Каспий» вырвал победу у «Тобола» на последних минутах": [
        (
            1,
            "ru",
            "Был на стадионе, Кенжебаев на 89-й — это было что-то! Весь стадион встал.",
            "approved",
            None,
        ),
        (4, "kk", "Алға, Каспий! Әлиевтің голы да әдемі болды.", "approved", None),
        (
            7,
            "ru",
            "Первый тайм проспали, конечно. С такой игрой в верхнюю половину не пролезем.",
            "approved",
            None,
        ),
    ],
    "Казгидромет объявил штормовое предупреждение для западных регионов": [
        (
            3,
            "ru",
            "Машину убрала от рекламного щита во дворе, спасибо, что предупредили.",
            "approved",
            None,
        ),
        (0, "ru", "Детей в школу вести или нет? Про занятия ничего не пишут.", "approved", None),
        (
            6,
            "kk",
            "Балықшыларға айтыңыздар, теңізге шықпасын. Былтыр да осындай болған.",
            "approved",
            None,
        ),
    ],
    "В Актау запустят три новых автобусных маршрута": [
        (
            7,
            "ru",
            "В 37-м живём три года, до остановки 20 минут пешком. Посмотрим, как будут ходить.",
            "approved",
            None,
        ),
        (
            2,
            "ru",
            "Оплата картой — давно пора. И чтобы кондиционер не только в новостях работал.",
            "approved",
            None,
        ),
        (
            4,
            "kk",
            "Интервалы 10–12 минут болса жақсы. Кешкі уақытта қалай жүреді?",
            "pending",
            None,
        ),
    ],
    "Жители 15-го микрорайона жалуются на тёмные дворы": [
        (
            7,
            "ru",
            "Живу в 14-м доме: вечером на площадке ни зги. Заявку в 109 тоже оставлял.",
            "approved",
            None,
        ),
        (5, "ru", "Обещают до конца недели. Запомним и проверим в понедельник.", "approved", 0),
        (1, "ru", "ДЕШЁВЫЕ КРЕДИТЫ БЕЗ СПРАВОК!!! пишите в личку", "hidden", None),
    ],
    "Говядина на рынках Актау за месяц подорожала на 8%": [
        (
            6,
            "ru",
            "На ярмарке выходного дня правда дешевле, брали в субботу. Но очередь большая.",
            "approved",
            None,
        ),
        (5, "ru", "4 200 за кило говядины… Пенсия не растёт на 8% в месяц.", "approved", None),
        (4, "kk", "Жәрмеңке жиірек өтсе екен, айына бір рет аз.", "approved", 0),
    ],
    "Из Актау запустят прямые рейсы в Ташкент": [
        (
            0,
            "ru",
            "Отличная новость! Летали в Ташкент через Алматы, потеряли целый день.",
            "approved",
            None,
        ),
        (2, "ru", "45 тысяч — это минимальная цена, а реально будет сколько?", "pending", None),
    ],
    "Телефонные мошенники за неделю похитили у жителей Мангистау 30 млн тенге": [
        (
            3,
            "ru",
            "Маме звонили так же, «служба безопасности банка». Хорошо, что сначала позвонила мне.",
            "approved",
            None,
        ),
        (
            6,
            "kk",
            "Ата-аналарымызға айтып отыру керек: банк ешқашан ақша аударуды сұрамайды.",
            "approved",
            None,
        ),
        (
            5,
            "ru",
            "А банки куда смотрят? Три кредита за день одному человеку оформили.",
            "approved",
            None,
        ),
    ],
    "Родители учеников школы № 7 просят установить светофор": [
        (
            0,
            "ru",
            "Подписала петицию. Каждое утро перевожу там дочь, машины не останавливаются.",
            "approved",
            None,
        ),
        (
            1,
            "ru",
            "До нового учебного года ещё дожить надо. Хотя бы «лежачего» положили бы сейчас.",
            "approved",
            0,
        ),
    ],
    "Ақтауда ересектерге арналған тегін қазақ тілі курстары ашылды": [
        (
            5,
            "kk",
            "Жазылдым! Түсінемін, бірақ сөйлеуге ұяламын — дәл мен туралы айтылған.",
            "approved",
            None,
        ),
        (4, "kk", "Жақсы бастама. Кешкі сабақтар жұмыс істейтіндерге ыңғайлы.", "approved", 0),
        (2, "kk", "Демалыс күндері де топ ашылса екен.", "pending", None),
    ],
    "Маңғыстауда жыршы-термешілердің облыстық байқауы өтті": [
        (
            6,
            "kk",
            "Ерқанатқа жол болсын! Қашағанның толғауын жатқа айту — үлкен еңбек.",
            "approved",
            None,
        ),
        (
            4,
            "kk",
            "Байқауды теледидардан да көрсетсе, ауылдағы үлкендер қуанар еді.",
            "approved",
            None,
        ),
    ],
}


def load_comments(now=None):
    """Create the demo readers and comments; returns (readers, comments) counts.

    Each thread goes under the published story with its headline, in the
    language that story has; a story not loaded (or not published) gets none.
    """
    now = now or timezone.now()
    readers = [
        Reader.objects.create(
            phone=phone,
            display_name=name,
            terms_version=settings.COMMENTS_TERMS_VERSION,
            terms_accepted_at=now - timedelta(days=30),
        )
        for phone, name in READERS
    ]
    stories = {
        article.title_ru or article.title_kk: article
        for article in Article.objects.published().filter(
            Q(title_ru__in=THREADS) | Q(title_kk__in=THREADS)
        )
    }
    count = 0
    for headline, thread in THREADS.items():
        article = stories.get(headline)
        if article is None:
            continue
        made = []
        for position, (reader, language, text, status, reply_to) in enumerate(thread):
            made.append(
                Comment.objects.create(
                    article=article,
                    reader=readers[reader],
                    parent=made[reply_to] if reply_to is not None else None,
                    text=text,
                    language=language,
                    status=status,
                    created_at=min(
                        now, article.published_at + timedelta(minutes=25 * (position + 1))
                    ),
                    moderated_at=None if status == "pending" else now,
                )
            )
        count += len(made)
    return len(readers), count
