"""Search finds other forms of a word, in Russian and Kazakh, on SQLite and
PostgreSQL alike; its snippets read as text: blocks apart, whole words."""

import re

import pytest

from articles.richtext import plain_text

# (what the reader types, the form the article has)
RUSSIAN_PAIRS = [
    ("амнистией", "амнистия"),
    ("школы", "школах"),
    ("больницу", "больница"),
    ("водителей", "водитель"),
    ("акиматом", "акимата"),
    ("рецидивистов", "рецидивисты"),
    ("пожаре", "пожар"),
    ("дорогами", "дороги"),
    ("детям", "детей"),
    ("налоги", "налогов"),
    ("зарплаты", "зарплате"),
    ("Каспийском", "Каспийское"),
    ("темных", "тёмные"),  # "ё" typed as "е", and the other way round
    ("учёта", "учет"),
]
KAZAKH_PAIRS = [
    ("рақымшылықты", "рақымшылық"),
    ("мектептерде", "мектеп"),
    ("әкімдігі", "әкімдік"),
    ("оқушыларға", "оқушылар"),
    ("қаласында", "қала"),
    ("Ақтауда", "Ақтау"),
    ("облыстың", "облысы"),
    ("ауруханаға", "аурухана"),
    ("теңіздің", "теңізде"),
    ("полицейлер", "полицейге"),
    ("жаңалықтары", "жаңалық"),
    ("кітабы", "кітап"),
    ("сотталғандарға", "сотталғандар"),
]


def results(response):
    assert response.status_code == 200
    return response.text.split('class="search-page-form"', 1)[1]


@pytest.mark.parametrize(("typed", "written"), RUSSIAN_PAIRS)
def test_russian_search_finds_another_form_of_the_word(client, make_article, typed, written):
    make_article(title_ru="Новость дня", lead_ru="", body_ru=f"<p>Слово {written} в тексте.</p>")
    make_article(title_ru="Погода на выходные", lead_ru="", body_ru="<p>Обещают ветер.</p>")
    page = results(client.get("/search/", {"q": typed}))
    assert "Новость дня" in page
    assert "Погода" not in page
    assert f"<mark>{written}</mark>" in page


@pytest.mark.parametrize(("typed", "written"), KAZAKH_PAIRS)
def test_kazakh_search_finds_another_form_of_the_word(client, make_article, typed, written):
    make_article(title_kk="Күн жаңалығы", lead_kk="", body_kk=f"<p>Мәтінде {written} сөзі бар.</p>")
    make_article(title_kk="Демалыс күнгі ауа райы", lead_kk="", body_kk="<p>Жел болады.</p>")
    page = results(client.get("/kk/search/", {"q": typed}))
    assert "Күн жаңалығы" in page
    assert "ауа райы" not in page
    assert f"<mark>{written}</mark>" in page


def test_every_word_of_an_inflected_query_must_match(client, make_article):
    make_article(title_ru="Амнистия в Актау", lead_ru="", body_ru="<p>Коснётся многих.</p>")
    assert "Амнистия в Актау" in results(client.get("/search/", {"q": "амнистией Актау"}))
    assert "Амнистия в Актау" not in results(client.get("/search/", {"q": "амнистией школы"}))


BODY_RU = (
    "<h2>Кого коснётся</h2><p>Амнистия не коснётся тех, кто осуждён за преступления"
    " против несовершеннолетних,</p><ul><li><p>пытки,</p></li><li>рецидивисты.</li></ul>"
    "<p>Таким образом, под амнистию попадут около 1300 человек по всей стране, а в"
    " Мангистауской области её применят к осуждённым по нескольким пунктами.</p>"
    "<p>В акимате сообщили, что списки готовят в учебных кабинетах колоний и"
    " центрах пробации, а окончательное решение примет суд в каждом отдельном случае"
    " после изучения документов, характеристик и мнения потерпевших сторон.</p>"
)
BODY_KK = (
    "<p>Далаға шықпаңыз.</p><p>Ақтау қаласында рақымшылық туралы заң күшіне енді,"
    " бұл туралы облыс әкімдігінің баспасөз қызметі хабарлады.</p><ul><li><p>Бірінші"
    " тармақ,</p></li><li>екінші тармақ.</li></ul><p>Рақымшылық кәмелетке толмағандарға"
    " қарсы қылмыс жасағандарға қолданылмайды, ал қалған сотталғандардың істерін сот"
    " жеке-жеке қарап, құжаттар мен мінездемелерді зерттегеннен кейін шешеді.</p>"
)


@pytest.mark.parametrize(
    ("prefix", "language", "query"),
    [("", "ru", "амнистией"), ("", "ru", "рецидивисты"), ("/kk", "kk", "рақымшылықты")],
)
def test_snippet_keeps_blocks_apart_and_words_whole(client, make_article, prefix, language, query):
    body = BODY_RU if language == "ru" else BODY_KK
    make_article(
        **{f"title_{language}": "Амнистия", f"lead_{language}": "", f"body_{language}": body}
    )
    page = results(client.get(f"{prefix}/search/", {"q": query}))
    snippet = page.split('class="snippet">', 1)[1].split("</p>", 1)[0]
    text = re.sub(r"</?mark>", "", snippet).replace("&#x27;", "'")
    assert "<mark>" in snippet
    punctuation = ".,;:!?«»()…"
    article_words = {word.strip(punctuation) for word in plain_text(body).split()}
    for token in text.split():
        if token.strip(punctuation):
            assert token.strip(punctuation) in article_words, f"{token!r} in: {text}"


def test_plain_text_keeps_blocks_apart():
    assert plain_text("<p>пунктами.</p><p>В акимате</p>") == "пунктами. В акимате"
    assert plain_text("<ul><li><p>пытки,</p></li><li>рецидивисты.</li></ul>") == (
        "пытки, рецидивисты."
    )
    assert (
        plain_text("<h2>Итоги</h2><p>Год&nbsp;прошёл &amp; всё</p>") == "Итоги Год\xa0прошёл & всё"
    )
