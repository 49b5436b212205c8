"""A lead that already credits its sources («сообщает Lada.kz со ссылкой на NUR.KZ») is not
followed by the same credits again; the editor is told so on save, in the admin's language."""

import re

import pytest
from django.test import Client

from articles.models import ArticleSource, Source

from .test_admin_articles import change_url, editor, form_data  # noqa: F401

pytestmark = pytest.mark.django_db

LEAD_RU = (
    "В Актау из-за пожара на складе эвакуировали 40 человек, сообщает Lada.kz со ссылкой на NUR.KZ."
)
LEAD_KK = (
    "Ақтауда қоймадағы өрттен 40 адам эвакуацияланды, "
    "деп хабарлайды Lada.kz NUR.KZ сайтына сілтеме жасап."
)


@pytest.fixture
def sources(db):
    return {
        "lada": Source.objects.create(name_ru="Lada.kz", name_kk="Lada.kz"),
        "nur": Source.objects.create(name_ru="NUR.KZ", name_kk="NUR.KZ"),
        "youtube": Source.objects.create(name_ru="YouTube", name_kk="YouTube", kind="social"),
    }


def _credit(article, sources, *pairs):
    for position, (key, role) in enumerate(pairs):
        ArticleSource.objects.create(
            article=article, source=sources[key], role=role, position=position
        )


def _credits_paragraph(article, language):
    page = Client().get(article.get_absolute_url(language)).content.decode()
    found = re.search(r'<p class="credits">(.*?)</p>', page, re.S)
    return re.sub(r"<[^>]+>", "", found.group(1)) if found else None


def test_a_lead_that_credits_its_sources_is_not_followed_by_them_again(make_article, sources):
    article = make_article(lead_ru=LEAD_RU, lead_kk=LEAD_KK)
    _credit(article, sources, ("lada", "reports"), ("nur", "citing"))
    assert _credits_paragraph(article, "ru") is None
    assert _credits_paragraph(article, "kk") is None


def test_photo_credits_stay_when_the_lead_credits_the_reporters(make_article, sources):
    article = make_article(lead_ru=LEAD_RU, lead_kk=LEAD_KK)
    _credit(article, sources, ("lada", "reports"), ("nur", "citing"), ("youtube", "photo"))
    assert _credits_paragraph(article, "ru") == "Фото: YouTube."
    assert _credits_paragraph(article, "kk") == "Сурет: YouTube."


def test_a_lead_naming_only_some_sources_keeps_the_credits_line(make_article, sources):
    article = make_article(lead_ru="Пожар на складе, сообщает Lada.kz.", lead_kk="Қоймада өрт.")
    _credit(article, sources, ("lada", "reports"), ("nur", "citing"))
    assert _credits_paragraph(article, "ru") == "Сообщает Lada.kz со ссылкой на NUR.KZ."
    assert _credits_paragraph(article, "kk") == "Lada.kz NUR.KZ сайтына сілтеме жасап хабарлайды."


def _post_with_sources(client, article, sources, prefix=""):
    data = form_data(
        article,
        **{
            "article_sources-TOTAL_FORMS": "2",
            "article_sources-0-source": str(sources["lada"].pk),
            "article_sources-0-role": "reports",
            "article_sources-0-position": "0",
            "article_sources-1-source": str(sources["nur"].pk),
            "article_sources-1-role": "citing",
            "article_sources-1-position": "1",
        },
    )
    response = client.post(prefix + change_url(article), data, follow=True)
    assert response.status_code == 200
    return [str(message) for message in response.context["messages"]]


@pytest.mark.parametrize(
    ("prefix", "said"),
    [
        ("", "В русском лиде источники уже названы (Lada.kz, NUR.KZ)"),
        ("/kk", "Орысша лидте дереккөздер аталып қойған (Lada.kz, NUR.KZ)"),
    ],
)
def test_the_editor_is_told_in_the_admins_language(  # noqa: PLR0917
    client,
    editor,  # noqa: F811
    make_article,
    sources,
    prefix,
    said,
):
    article = make_article(lead_ru=LEAD_RU, lead_kk="Қоймада өрт шықты.")
    client.force_login(editor)
    messages = _post_with_sources(client, article, sources, prefix)
    assert any(said in message for message in messages), messages
    # Only the lead that credits them is named: the Kazakh one does not.
    assert len([m for m in messages if "(Lada.kz, NUR.KZ)" in m]) == 1, messages


def test_no_word_when_the_lead_does_not_credit_them(client, editor, make_article, sources):  # noqa: F811
    article = make_article(lead_ru="Пожар на складе потушили.", lead_kk="Қоймадағы өрт сөндірілді.")
    client.force_login(editor)
    messages = _post_with_sources(client, article, sources)
    assert not any("уже названы" in message for message in messages), messages
