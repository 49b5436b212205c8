"""Demo readers and their comments, in Russian and Kazakh: approved, pending, one hidden.

Real rows of the comments app, so that every count on the demo site is a
count of approved comments (the numbers used to be random).
"""

from datetime import timedelta

from django.conf import settings
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
]

# Per discussed article (the newest published ones in both languages, in
# order): (reader, language, text, status, index of the comment replied to).
THREADS = [
    [
        (
            0,
            "ru",
            "Наконец-то! Ждём, когда так же сделают и в нашем микрорайоне.",
            "approved",
            None,
        ),
        (1, "kk", "Жақсы жаңалық. Әкімдікке рақмет!", "approved", None),
        (2, "ru", "В 27-м тоже обещали к сентябрю, посмотрим.", "approved", 0),
        (3, "kk", "Жолды да жөндеу керек еді, көктемнен бері шұңқыр.", "pending", None),
    ],
    [
        (4, "kk", "Ақтауда мұндай іс-шаралар көбейе берсін.", "approved", None),
        (0, "ru", "Были с детьми в выходные, очень понравилось.", "approved", None),
        (1, "ru", "ДЕШЁВЫЕ КРЕДИТЫ БЕЗ СПРАВОК!!! пишите в личку", "hidden", None),
        (2, "kk", "Келесі жолы қашан болады? Кесте бар ма?", "pending", None),
    ],
    [
        (3, "ru", "Спасибо за оперативную информацию.", "approved", None),
        (4, "kk", "Иә, уақытында хабарлағандарыңыз жақсы болды.", "approved", 0),
        (0, "ru", "А что с водой в 12 микрорайоне? Третий день без горячей.", "pending", None),
    ],
]


def load_comments(now=None):
    """Create the demo readers and comments; returns (readers, comments) counts."""
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
    articles = (
        Article.objects.published()
        .in_language("ru")
        .in_language("kk")
        .order_by("-published_at")[: len(THREADS)]
    )
    count = 0
    for article, thread in zip(articles, THREADS, strict=False):
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
