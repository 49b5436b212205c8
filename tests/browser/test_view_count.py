"""A reader sees the article's current view count, though the page came from the page cache."""

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from articles.models import Article
from viewcounts import counters

pytestmark = pytest.mark.browser

# Headless Chromium says so in its user agent, and the beacon drops it as a bot.
READER = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36"
LANGUAGES = {"ru": ("41 просмотр", "43 просмотра"), "kk": ("41 қаралым", "43 қаралым")}


@pytest.fixture(autouse=True)
def _no_pending_counts():
    counters.discard_pending()
    yield
    counters.discard_pending()


@pytest.mark.parametrize("language", LANGUAGES)
def test_cached_page_shows_the_count_the_beacon_answers(
    browser, live_server, article, settings, language
):
    cached, current = LANGUAGES[language]
    settings.VIEW_AUTOFLUSH_SECONDS = 0
    Article.objects.filter(pk=article.pk).update(views=41)
    url = live_server.url + article.get_absolute_url(language)
    without_js = browser.new_context(user_agent=READER, java_script_enabled=False)
    with_js = browser.new_context(user_agent=READER)
    try:
        # Without JavaScript the page shows what the page cache keeps: 41.
        still = without_js.new_page()
        still.goto(url)
        expect(still.locator("[data-beacon] .meta__views")).to_have_text(cached)

        # Another reader came, and a flush wrote the count (42) to the database.
        Client().post(
            reverse("beacon", args=[article.pk]), HTTP_USER_AGENT=READER, REMOTE_ADDR="10.0.0.2"
        )
        call_command("flush_views", verbosity=0)

        # A reader with JavaScript is counted too, and the page shows the count now.
        page = with_js.new_page()
        response = page.goto(url)
        assert response.headers["x-page-cache"] == "hit"
        expect(page.locator("[data-beacon] .meta__views")).to_have_text(current)

        # The cached page itself is unchanged for everyone.
        still.reload()
        expect(still.locator("[data-beacon] .meta__views")).to_have_text(cached)
    finally:
        without_js.close()
        with_js.close()
