"""What the admin says after a save, a delete or a bulk action: grammatical in Russian and Kazakh.

Every message is read from the page the editor lands on, after a POST through
the admin, in the Russian (/admin/) and the Kazakh (/kk/admin/) admin.
"""

import re

import pytest
from django.contrib.auth.models import Group, User
from django.utils.html import strip_tags

from articles.models import Article, Rubric, Source, Tag

from .readers import make_comment, make_reader
from .test_admin_articles import form_data as article_form_data

PREFIX = {"ru": "/admin/", "kk": "/kk/admin/"}


@pytest.fixture
def chief(db, client):
    user = User.objects.create_superuser("chief", "chief@example.kz", "Kaspiy-Media-2026!")
    client.force_login(user)
    return user


def said(response):
    """The messages shown on the page the admin redirected to, as the editor reads them."""
    assert response.status_code == 200, response.status_code
    return [strip_tags(str(message)) for message in response.context["messages"]]


@pytest.mark.parametrize(
    ("lang", "button", "expected"),
    [
        ("ru", "_save", "Статья «Паводок в Актау» была успешно добавлена."),
        (
            "ru",
            "_continue",
            "Статья «Паводок в Актау» была успешно добавлена. "
            "Ниже можно продолжить редактирование.",
        ),
        (
            "ru",
            "_addanother",
            "Статья «Паводок в Актау» была успешно добавлена. Ниже можно добавить ещё одну статью.",
        ),
        ("kk", "_save", "«Ақтаудағы су тасқыны» мақаласы сәтті қосылды."),
        (
            "kk",
            "_continue",
            "«Ақтаудағы су тасқыны» мақаласы сәтті қосылды. Төменде өңдеуді жалғастыруға болады.",
        ),
        (
            "kk",
            "_addanother",
            "«Ақтаудағы су тасқыны» мақаласы сәтті қосылды. Төменде тағы бір мақала қосуға болады.",
        ),
    ],
)
@pytest.mark.usefixtures("chief")
def test_adding_an_article_says_so_in_agreement(client, rubric, lang, button, expected):
    data = article_form_data(
        title_ru="Паводок в Актау",
        body_ru="<p>Вода.</p>",
        title_kk="Ақтаудағы су тасқыны",
        body_kk="<p>Су.</p>",
        rubric=str(rubric.pk),
    )
    data[button] = "1"
    response = client.post(f"{PREFIX[lang]}articles/article/add/", data, follow=True)
    assert said(response) == [expected]


@pytest.mark.parametrize(
    ("lang", "button", "expected"),
    [
        ("ru", "_save", "Статья «В Актау открыли новую школу» была успешно изменена."),
        (
            "ru",
            "_continue",
            "Статья «В Актау открыли новую школу» была успешно изменена. "
            "Ниже можно продолжить редактирование.",
        ),
        ("kk", "_save", "«Ақтауда жаңа мектеп ашылды» мақаласы сәтті өзгертілді."),
        (
            "kk",
            "_addanother",
            "«Ақтауда жаңа мектеп ашылды» мақаласы сәтті өзгертілді. "
            "Төменде тағы бір мақала қосуға болады.",
        ),
    ],
)
@pytest.mark.usefixtures("chief")
def test_changing_an_article_says_so_in_agreement(client, article, lang, button, expected):
    data = article_form_data(article)
    data[button] = "1"
    response = client.post(
        f"{PREFIX[lang]}articles/article/{article.pk}/change/", data, follow=True
    )
    assert said(response) == [expected]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("ru", "Статья «В Актау открыли новую школу» была успешно удалена."),
        ("kk", "«Ақтауда жаңа мектеп ашылды» мақаласы сәтті жойылды."),
    ],
)
def test_deleting_an_article_says_so_in_agreement(client, chief, article, lang, expected):
    url = f"{PREFIX[lang]}articles/article/{article.pk}/delete/"
    response = client.post(url, {"post": "yes"}, follow=True)
    assert said(response) == [expected]


@pytest.mark.parametrize(
    ("lang", "count", "expected"),
    [
        ("ru", 1, "1 статья удалена."),
        ("ru", 2, "2 статьи удалены."),
        ("ru", 5, "5 статей удалено."),
        ("kk", 1, "1 мақала жойылды."),
        ("kk", 5, "5 мақала жойылды."),
    ],
)
@pytest.mark.usefixtures("chief")
def test_bulk_delete_counts_articles_grammatically(client, make_article, lang, count, expected):
    articles = [make_article() for _ in range(count)]
    response = client.post(
        f"{PREFIX[lang]}articles/article/",
        {"action": "delete_selected", "_selected_action": [a.pk for a in articles], "post": "yes"},
        follow=True,
    )
    assert said(response) == [expected]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("ru", "Статьи с ID «999999» нет: возможно, она была удалена."),
        ("kk", "ID нөмірі «999999» болатын мақала табылмады: ол жойылған болуы мүмкін."),
    ],
)
def test_a_missing_article_is_reported_in_agreement(client, chief, lang, expected):
    response = client.get(f"{PREFIX[lang]}articles/article/999999/change/", follow=True)
    assert said(response) == [expected]


# The small models: each with its own gender (ru) and possessive ending (kk).

SMALL = {
    # model: (add URL part, POST data, object's name in ru / kk admin, sentences)
    "rubric": (
        "articles/rubric",
        {
            "name_ru": "Жанаозен",
            "name_kk": "Жаңаөзен",
            "slug": "zhanaozen",
            "position": "3",
            "comments": "open",
        },
        {
            "ru": (
                "Рубрика «Жанаозен» была успешно добавлена.",
                "Рубрика «Жанаозен» была успешно изменена.",
                "Рубрика «Жанаозен» была успешно удалена.",
            ),
            "kk": (
                "«Жаңаөзен» айдары сәтті қосылды.",
                "«Жаңаөзен» айдары сәтті өзгертілді.",
                "«Жаңаөзен» айдары сәтті жойылды.",
            ),
        },
    ),
    "source": (
        "articles/source",
        {"name_ru": "Казинформ", "name_kk": "Қазақпарат", "url": "", "kind": "agency"},
        {
            "ru": (
                "Источник «Казинформ» был успешно добавлен.",
                "Источник «Казинформ» был успешно изменён.",
                "Источник «Казинформ» был успешно удалён.",
            ),
            "kk": (
                "«Қазақпарат» дереккөзі сәтті қосылды.",
                "«Қазақпарат» дереккөзі сәтті өзгертілді.",
                "«Қазақпарат» дереккөзі сәтті жойылды.",
            ),
        },
    ),
    "tag": (
        "articles/tag",
        {"name": "Актау", "name_kk": "Ақтау"},
        {
            "ru": (
                "Тег «Актау» был успешно добавлен.",
                "Тег «Актау» был успешно изменён.",
                "Тег «Актау» был успешно удалён.",
            ),
            "kk": (
                # A tag is named by its own (Russian) name in both admins.
                "«Актау» тегі сәтті қосылды.",
                "«Актау» тегі сәтті өзгертілді.",
                "«Актау» тегі сәтті жойылды.",
            ),
        },
    ),
    "group": (
        "auth/group",
        {"name": "Фотографы"},
        {
            "ru": (
                "Группа «Фотографы» была успешно добавлена.",
                "Группа «Фотографы» была успешно изменена.",
                "Группа «Фотографы» была успешно удалена.",
            ),
            "kk": (
                "«Фотографы» тобы сәтті қосылды.",
                "«Фотографы» тобы сәтті өзгертілді.",
                "«Фотографы» тобы сәтті жойылды.",
            ),
        },
    ),
}
MODELS = {"rubric": Rubric, "source": Source, "tag": Tag, "group": Group}


@pytest.mark.parametrize("lang", ["ru", "kk"])
@pytest.mark.parametrize("model", sorted(SMALL))
def test_add_change_and_delete_messages_agree_with_the_model(client, chief, model, lang):
    base, data, sentences = SMALL[model]
    added, changed, deleted = sentences[lang]
    prefix = f"{PREFIX[lang]}{base}"

    before = set(MODELS[model].objects.values_list("pk", flat=True))
    response = client.post(f"{prefix}/add/", data, follow=True)
    assert said(response) == [added]
    obj = MODELS[model].objects.exclude(pk__in=before).get()

    response = client.post(f"{prefix}/{obj.pk}/change/", data, follow=True)
    assert said(response) == [changed]

    response = client.post(f"{prefix}/{obj.pk}/delete/", {"post": "yes"}, follow=True)
    assert said(response) == [deleted]
    assert not MODELS[model].objects.filter(pk=obj.pk).exists()


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "ru",
            [
                "Пользователь «aigerim» был успешно добавлен. "
                "Ниже можно продолжить редактирование.",
                "Пользователь «aigerim» был успешно изменён.",
                "Пользователь «aigerim» был успешно удалён.",
            ],
        ),
        (
            "kk",
            [
                "«aigerim» пайдаланушысы сәтті қосылды. Төменде өңдеуді жалғастыруға болады.",
                "«aigerim» пайдаланушысы сәтті өзгертілді.",
                "«aigerim» пайдаланушысы сәтті жойылды.",
            ],
        ),
    ],
)
def test_user_messages_agree(client, chief, lang, expected):
    prefix = f"{PREFIX[lang]}auth/user"
    response = client.post(
        f"{prefix}/add/",
        {
            "username": "aigerim",
            "usable_password": "true",
            "password1": "Mangystau-2026-pass",
            "password2": "Mangystau-2026-pass",
        },
        follow=True,
    )
    # Django's user admin opens the new user again, to fill in the rest.
    assert said(response) == expected[:1]
    user = User.objects.get(username="aigerim")
    data = {
        "username": "aigerim",
        "first_name": "Айгерим",
        "is_active": "on",
        "is_staff": "on",
        "date_joined_0": "11.01.2026",
        "date_joined_1": "13:19:00",
    }
    response = client.post(f"{prefix}/{user.pk}/change/", data, follow=True)
    assert said(response) == expected[1:2]
    response = client.post(f"{prefix}/{user.pk}/delete/", {"post": "yes"}, follow=True)
    assert said(response) == expected[2:]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("ru", "2 рубрики изменены."), ("kk", "2 айдар өзгертілді.")],
)
def test_list_edits_count_what_changed(client, chief, lang, expected):
    rubrics = [
        Rubric.objects.create(name_ru=f"Рубрика {i}", slug=f"r{i}", position=i) for i in range(2)
    ]
    data = {
        "form-TOTAL_FORMS": "2",
        "form-INITIAL_FORMS": "2",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
        "_save": "1",
    }
    for index, rubric in enumerate(rubrics):
        data[f"form-{index}-id"] = str(rubric.pk)
        data[f"form-{index}-position"] = str(10 + index)
    response = client.post(f"{PREFIX[lang]}articles/rubric/", data, follow=True)
    assert said(response) == [expected]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("ru", "3 тега удалены."), ("kk", "3 тег жойылды.")],
)
def test_bulk_delete_of_tags_counts_them(client, chief, lang, expected):
    tags = [Tag.objects.create(name=f"Тег {i}") for i in range(3)]
    response = client.post(
        f"{PREFIX[lang]}articles/tag/",
        {"action": "delete_selected", "_selected_action": [t.pk for t in tags], "post": "yes"},
        follow=True,
    )
    assert said(response) == [expected]


def test_messages_use_guillemets_and_keep_the_link_to_the_object(client, chief, article):
    data = article_form_data(article)
    response = client.post(f"/admin/articles/article/{article.pk}/change/", data, follow=True)
    html = response.content.decode()
    link = f'<a href="/admin/articles/article/{article.pk}/change/">В Актау открыли новую школу</a>'
    assert f"Статья «{link}» была успешно изменена." in html
    assert "“" not in html.split('class="messagelist"')[1].split("</ul>")[0]


def test_an_object_named_with_markup_stays_text(client, chief):
    data = {"name_ru": "<b>Жирный</b>", "name_kk": "", "url": "", "kind": "agency"}
    response = client.post("/admin/articles/source/add/", data, follow=True)
    html = response.content.decode()
    assert "&lt;b&gt;Жирный&lt;/b&gt;" in html
    assert "<b>Жирный</b>" not in html


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("ru", "Один и тот же источник указан дважды с одной и той же ролью: удалите один из них."),
        ("kk", "Бір дереккөз бір рөлмен екі рет көрсетілген: біреуін жойыңыз."),
    ],
)
@pytest.mark.usefixtures("chief")
def test_a_source_listed_twice_is_refused_in_words(client, article, source, lang, expected):
    data = article_form_data(article)
    data["article_sources-TOTAL_FORMS"] = "2"
    for index in range(2):
        data[f"article_sources-{index}-source"] = str(source.pk)
        data[f"article_sources-{index}-role"] = "reports"
        data[f"article_sources-{index}-position"] = str(index)
    response = client.post(f"{PREFIX[lang]}articles/article/{article.pk}/change/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert expected in html
    assert "source и role" not in html and "source and role" not in html


def page_text(response):
    return re.sub(r"\s+", " ", strip_tags(response.content.decode()))


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "ru",
            "Вы уверены, что хотите удалить статью «В Актау открыли новую школу»? "
            "Вместе с этим будут удалены следующие связанные объекты:",
        ),
        (
            "kk",
            "«Ақтауда жаңа мектеп ашылды» мақаласын жойғыңыз келетініне сенімдісіз бе? "
            "Онымен бірге мына байланысты нысандар да жойылады:",
        ),
    ],
)
@pytest.mark.usefixtures("chief")
def test_the_delete_page_asks_in_agreement(client, article, lang, expected):
    response = client.get(f"{PREFIX[lang]}articles/article/{article.pk}/delete/")
    assert expected in page_text(response)


@pytest.mark.parametrize(
    ("lang", "title", "expected"),
    [
        (
            "ru",
            "Рубрику удалить нельзя",
            "Чтобы удалить рубрику «Актау», пришлось бы удалить и эти защищённые объекты:",
        ),
        (
            "kk",
            "Айдарды жоюға болмайды",
            "«Ақтау» айдарын жою үшін мына қорғалған нысандарды да жою керек болар еді:",
        ),
    ],
)
@pytest.mark.usefixtures("chief")
def test_a_rubric_with_articles_is_protected_in_words(client, article, lang, title, expected):
    response = client.get(f"{PREFIX[lang]}articles/rubric/{article.rubric_id}/delete/")
    assert f"<h1>{title}</h1>" in response.content.decode()
    assert expected in page_text(response)


@pytest.mark.parametrize(
    ("lang", "count", "expected"),
    [
        ("ru", 1, "Вы уверены, что хотите удалить 1 выбранную статью?"),
        ("ru", 2, "Вы уверены, что хотите удалить 2 выбранные статьи?"),
        ("ru", 5, "Вы уверены, что хотите удалить 5 выбранных статей?"),
        ("kk", 1, "Таңдалған мақаланы жойғыңыз келетініне сенімдісіз бе?"),
        ("kk", 2, "Таңдалған 2 мақаланы жойғыңыз келетініне сенімдісіз бе?"),
    ],
)
@pytest.mark.usefixtures("chief")
def test_deleting_selected_articles_asks_in_agreement(client, make_article, lang, count, expected):
    articles = [make_article() for _ in range(count)]
    response = client.post(
        f"{PREFIX[lang]}articles/article/",
        {"action": "delete_selected", "_selected_action": [a.pk for a in articles]},
    )
    assert expected in page_text(response)
    # The page still deletes them.
    confirm = {"action": "delete_selected", "_selected_action": [a.pk for a in articles]}
    client.post(f"{PREFIX[lang]}articles/article/", {**confirm, "post": "yes"})
    assert not Article.objects.filter(pk__in=[a.pk for a in articles]).exists()


@pytest.mark.usefixtures("chief")
def test_deleting_a_selected_rubric_with_articles_is_protected_in_words(client, article):
    response = client.post(
        "/admin/articles/rubric/",
        {"action": "delete_selected", "_selected_action": [article.rubric_id]},
    )
    assert (
        "Чтобы удалить 1 выбранную рубрику, пришлось бы удалить и эти защищённые объекты:"
        in page_text(response)
    )
    assert "<h1>Выбранные объекты удалить нельзя</h1>" in response.content.decode()


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "ru",
            [
                "Вы уверены, что хотите удалить комментарий «Хорошая новость»?",
                "Комментарий «Хорошая новость» был успешно удалён.",
                "Вы уверены, что хотите удалить 2 выбранных комментария?",
                "2 комментария удалены.",
            ],
        ),
        (
            "kk",
            [
                "«Хорошая новость» пікірін жойғыңыз келетініне сенімдісіз бе?",
                "«Хорошая новость» пікірі сәтті жойылды.",
                "Таңдалған 2 пікірді жойғыңыз келетініне сенімдісіз бе?",
                "2 пікір жойылды.",
            ],
        ),
    ],
)
@pytest.mark.usefixtures("chief")
def test_comment_messages_agree(client, article, lang, expected):
    reader = make_reader()
    comments = [make_comment(article, reader, status="pending") for _ in range(3)]
    url = f"{PREFIX[lang]}comments/comment/"
    assert expected[0] in page_text(client.get(f"{url}{comments[0].pk}/delete/"))
    response = client.post(f"{url}{comments[0].pk}/delete/", {"post": "yes"}, follow=True)
    assert said(response) == [expected[1]]
    selected = {"action": "delete_selected", "_selected_action": [c.pk for c in comments[1:]]}
    assert expected[2] in page_text(client.post(url, selected))
    response = client.post(url, {**selected, "post": "yes"}, follow=True)
    assert said(response) == [expected[3]]


@pytest.mark.parametrize(
    ("prefix", "count", "expected"),
    [
        ("", 1, "1 статья"),
        ("", 3, "3 статьи"),
        ("", 5, "5 статей"),
        ("", 21, "21 статья"),
        ("/kk", 1, "1 мақала"),
        ("/kk", 6, "6 мақала"),
    ],
)
def test_the_list_counts_its_objects_as_the_language_does(  # noqa: PLR0917
    client, chief, rubric, prefix, count, expected
):
    Article.objects.bulk_create(
        Article(title_ru=f"Статья {n}", body_ru="<p>Текст.</p>", rubric=rubric)
        for n in range(count)
    )
    page = client.get(f"{prefix}/admin/articles/article/?all=").content.decode()
    paginator = re.search(r'<p class="paginator">(.*?)</p>', page, re.S).group(1)
    assert " ".join(strip_tags(paginator).split()) == expected


@pytest.mark.parametrize(("prefix", "expected"), [("", "2 комментария"), ("/kk", "2 пікір")])
def test_the_comment_list_counts_in_the_language_too(client, chief, article, prefix, expected):
    for phone in ("+77000000001", "+77000000002"):
        make_comment(article, make_reader(phone=phone), text="Хорошо", status="pending")
    page = client.get(f"{prefix}/admin/comments/comment/").content.decode()
    paginator = re.search(r'<p class="paginator">(.*?)</p>', page, re.S).group(1)
    assert " ".join(strip_tags(paginator).split()) == expected
