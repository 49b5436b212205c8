"""A reader on a phone switches "most read" between the last 24 hours and 7 days."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from viewcounts.models import ArticleViewDay

pytestmark = pytest.mark.browser


LANGUAGES = {
    "ru": ("", "За 24 часа", "За 7 дней", "Хит прошлой недели"),
    "kk": ("/kk", "24 сағатта", "7 күнде", "Өткен аптаның хиті"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_reader_switches_most_read_between_a_day_and_a_week(
    page, live_server, make_article, language
):
    prefix, day, week, hit = LANGUAGES[language]
    last_week = make_article(title_ru="Хит прошлой недели", title_kk="Өткен аптаның хиті")
    today = make_article(title_ru="Новость дня", title_kk="Күн жаңалығы")
    ArticleViewDay.objects.create(
        article=last_week, day=timezone.localdate() - timedelta(days=3), views=500
    )
    ArticleViewDay.objects.create(article=today, day=timezone.localdate(), views=10)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}{prefix}/")

    sidebar = page.locator("aside.sidebar")
    day_tab = sidebar.get_by_role("tab", name=day)
    week_tab = sidebar.get_by_role("tab", name=week)
    expect(day_tab).to_have_attribute("aria-selected", "true")
    expect(sidebar.get_by_role("tabpanel")).to_have_count(1)  # the other one is hidden
    expect(sidebar.get_by_role("tabpanel").get_by_role("link", name=hit)).to_have_count(0)

    week_tab.click()
    expect(week_tab).to_have_attribute("aria-selected", "true")
    expect(sidebar.get_by_role("tabpanel").get_by_role("link").first).to_have_text(hit)

    week_tab.press("ArrowLeft")  # the keyboard moves between the tabs too
    expect(day_tab).to_be_focused()
    expect(day_tab).to_have_attribute("aria-selected", "true")
