"""What only a real browser shows: how much news the home page shows above the
fold, the footer's rows, the phone rubric menu's hint, lists from the editor."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation

from articles.models import Article, Photo, Rubric
from tests import photo_files

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

# Headlines of the usual length on a regional site, newest first.
HEADLINES = [
    (
        "Акимат Мангистауской области открыл новую школу на 1200 мест",
        "Маңғыстау облысы әкімдігі 1200 орындық жаңа мектеп ашты",
    ),
    (
        "Пожар на складе в промзоне Актау потушили за три часа",
        "Ақтаудың өнеркәсіп аймағындағы қоймада шыққан өрт үш сағатта сөндірілді",
    ),
    (
        "Казгидромет объявил штормовое предупреждение для западных регионов",
        "Қазгидромет батыс өңірлерге дауыл туралы ескерту жариялады",
    ),
    (
        "В нескольких микрорайонах Актау на сутки отключат воду",
        "Ақтаудың бірнеше шағын ауданында бір тәулікке су өшіріледі",
    ),
    (
        "Порт Актау нарастил перевалку грузов по Транскаспийскому маршруту",
        "Ақтау порты Транскаспий бағыты бойынша жүк ауыстырып тиеуді арттырды",
    ),
    (
        "В Актау запустят три новых автобусных маршрута",
        "Ақтауда үш жаңа автобус бағыты іске қосылады",
    ),
    (
        "Жители 15-го микрорайона жалуются на тёмные дворы",
        "15-шағын аудан тұрғындары қараңғы аулаларға шағымданады",
    ),
    (
        "Волонтёры провели учёт каспийских тюленей на побережье Мангистау",
        "Еріктілер Маңғыстау жағалауындағы Каспий итбалықтарын санақтан өткізді",
    ),
    (
        "ДТП на трассе Актау — Жанаозен: погибли два человека",
        "Ақтау — Жаңаөзен тасжолындағы жол апатында екі адам қаза тапты",
    ),
    (
        "Паромный комплекс в Курыке обработал рекордное число вагонов",
        "Құрықтағы паром кешені рекордтық мөлшерде вагон өңдеді",
    ),
    (
        "Справку о несудимости теперь можно получить в eGov Mobile за несколько минут",
        "Соттылығы жоқ екені туралы анықтаманы енді eGov Mobile-де бірнеше минутта алуға болады",
    ),
    (
        "«Каспий» в последние минуты вырвал победу в домашнем матче",
        "«Каспий» үй алаңындағы матчта соңғы минуттарда жеңіске жетті",
    ),
]


@pytest.fixture
def news(make_article):
    """Twelve published articles over the last day and a half, the newest with a photo."""
    now = timezone.now()
    articles = [
        make_article(
            title_ru=title_ru,
            title_kk=title_kk,
            published_at=now - timedelta(hours=3 * index + 1),
            is_breaking=index == 1,
            views=15970 - index,
        )
        for index, (title_ru, title_kk) in enumerate(HEADLINES)
    ]
    Photo.objects.create(
        article=articles[0],
        image=SimpleUploadedFile("shkola.jpg", photo_files.jpeg(size=(1600, 900), color="#3b7dd8")),
        caption_ru="Новая школа",
        caption_kk="Жаңа мектеп",
    )
    return articles


# Headlines whose link and time are both wholly inside the viewport.
COUNT_HEADLINES = """() => {
  const inView = (element) => {
    if (!element) return false;
    const box = element.getBoundingClientRect();
    return box.height > 0 && box.top >= 0 && box.left >= 0
      && box.bottom <= innerHeight && box.right <= innerWidth;
  };
  const shown = (selector, link) => [...document.querySelectorAll(selector)].filter(
    (item) => inView(item.querySelector(link)) && inView(item.querySelector("time"))).length;
  return {lead: shown(".lead-story", ".lead-story__title a"), feed: shown(".news-feed__item", "a")};
}"""


@pytest.mark.parametrize("prefix", ["", "/kk"])
def test_home_shows_a_news_feed_above_the_fold(page, live_server, news, prefix):
    page.set_viewport_size(DESKTOP)
    page.goto(f"{live_server.url}{prefix}/")
    counts = page.evaluate(COUNT_HEADLINES)
    assert counts["lead"] == 1
    assert counts["feed"] >= 8, counts

    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}{prefix}/")
    counts = page.evaluate(COUNT_HEADLINES)
    assert counts["lead"] == 1, counts
    assert counts["feed"] >= 3, counts


ROWS = """() => [...document.querySelectorAll(".imprint > div")].map((row) => {
  const label = row.querySelector("dt").getBoundingClientRect();
  const value = row.querySelector("dd").getBoundingClientRect();
  return {labelTop: label.top, valueTop: value.top, valueLeft: value.left, labelLeft: label.left};
})"""


@pytest.mark.parametrize("prefix", ["", "/kk"])
@pytest.mark.parametrize("layout", [(DESKTOP, 2), (PHONE, 1)], ids=["desktop", "phone"])
def test_imprint_labels_and_values_share_a_line_in_aligned_rows(
    page, live_server, article, prefix, layout
):
    viewport, columns = layout
    page.set_viewport_size(viewport)
    page.goto(f"{live_server.url}{prefix}/")
    rows = page.evaluate(ROWS)
    assert len(rows) >= 7
    for row in rows:
        assert abs(row["labelTop"] - row["valueTop"]) < 2, row  # "Регистрация:" and its value
    # Every value of a column starts at the same x: one per column.
    assert len({round(row["valueLeft"]) for row in rows}) == columns, rows
    assert len({round(row["labelLeft"]) for row in rows}) == columns, rows


HINTS = """() => {
  const menu = document.querySelector(".rubric-menu");
  return {
    after: getComputedStyle(menu, "::after").display !== "none",
    before: getComputedStyle(menu, "::before").display !== "none",
  };
}"""


@pytest.fixture
def rubrics(db):
    names = [
        ("Мангыстау", "Маңғыстау"),
        ("Новости Казахстана", "Қазақстан жаңалықтары"),
        ("Экономика", "Экономика"),
        ("Происшествия", "Оқиғалар"),
        ("Общество", "Қоғам"),
        ("Спорт", "Спорт"),
        ("Культура", "Мәдениет"),
    ]
    for position, (name_ru, name_kk) in enumerate(names, start=2):
        Rubric.objects.create(
            name_ru=name_ru, name_kk=name_kk, slug=f"rubric-{position}", position=position
        )


@pytest.mark.parametrize("prefix", ["", "/kk"])
def test_phone_rubric_menu_shows_that_it_scrolls(page, live_server, article, rubrics, prefix):
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}{prefix}/")
    assert page.evaluate(HINTS) == {"after": True, "before": False}
    page.evaluate(
        "() => { const list = document.querySelector('.rubric-menu ul');"
        " list.scrollLeft = list.scrollWidth; }"
    )
    page.wait_for_function("() => !document.querySelector('.rubric-menu[data-more-after]')")
    assert page.evaluate(HINTS) == {"after": False, "before": True}

    page.set_viewport_size(DESKTOP)  # all rubrics fit: no hint
    page.goto(f"{live_server.url}{prefix}/")
    assert page.evaluate(HINTS) == {"after": False, "before": False}


# Each list's height, and where each item starts below the list's top.
LIST_BOXES = """() => [...document.querySelectorAll(".article__body ul")].map((list) => {
  const top = list.getBoundingClientRect().top;
  return [Math.round(list.getBoundingClientRect().height),
          ...[...list.children].map((item) => Math.round(item.getBoundingClientRect().top - top))];
})"""


def test_lists_from_the_editor_look_like_typed_lists(page, live_server, make_article):
    plain = "<ul><li>пытки,</li><li>рецидивисты.</li></ul>"
    editor = "<ul><li><p>пытки,</p></li><li><p>рецидивисты.</p></li></ul>"
    article = make_article(body_ru="<p>Кроме:</p>" + plain + "<p>И:</p>" + editor)
    # A body saved before the sanitizer unwrapped list paragraphs: the stylesheet
    # spaces it the same.
    Article.objects.filter(pk=article.pk).update(
        body_ru="<p>Кроме:</p>" + plain + "<p>И:</p>" + editor
    )
    with translation.override("ru"):
        url = article.get_absolute_url("ru")
    page.goto(f"{live_server.url}{url}")
    typed, from_editor = page.evaluate(LIST_BOXES)
    assert typed == from_editor
