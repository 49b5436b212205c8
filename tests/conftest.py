"""Shared fixtures: small factories for the content model, and the browser."""

import os
import shutil
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone, translation

from articles.models import Article, Rubric, Source

# Playwright's sync API runs an event loop in the test thread; Django's ORM
# refuses to run there unless told it is safe (it is: one thread drives both).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# The fake Telegram Bot API's fixture (``telegram_api``).
pytest_plugins = ["tests.telegram_fake"]

CHROMIUM = "/usr/bin/chromium"
_skipped_browser_tests = []


@pytest.fixture(autouse=True)
def _isolated(settings, tmp_path):
    """Every test gets its own media folder, an empty cache and the default
    language (a request to /kk/ leaves Kazakh active in the thread after it)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    translation.activate(settings.LANGUAGE_CODE)
    yield
    cache.clear()
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def rubric(db):
    return Rubric.objects.create(name_ru="Актау", name_kk="Ақтау", slug="aktau", position=1)


@pytest.fixture
def source(db):
    return Source.objects.create(
        name_ru="Казинформ", name_kk="Қазақпарат", url="https://www.inform.kz", kind="agency"
    )


@pytest.fixture
def make_article(db, rubric):
    """Make an article; by default published an hour ago in both languages."""

    def make(**fields):
        defaults = {
            "title_ru": "В Актау открыли новую школу",
            "lead_ru": "Школа на 1200 мест открылась в 17 микрорайоне.",
            "body_ru": "<p>Школа на 1200 мест открылась в 17 микрорайоне Актау.</p>",
            "title_kk": "Ақтауда жаңа мектеп ашылды",
            "lead_kk": "17 шағын ауданда 1200 орындық мектеп ашылды.",
            "body_kk": "<p>Ақтаудың 17 шағын ауданында 1200 орындық мектеп ашылды.</p>",
            "rubric": rubric,
            "status": Article.Status.PUBLISHED,
            "published_at": timezone.now() - timedelta(hours=1),
        }
        defaults.update(fields)
        return Article.objects.create(**defaults)

    return make


@pytest.fixture
def article(make_article):
    return make_article()


# Browser tests -------------------------------------------------------------


def _browser_available():
    return os.path.exists(CHROMIUM) or shutil.which("chromium") is not None


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (no browser download needed)."""
    if not _browser_available():
        if os.environ.get("CI"):
            pytest.fail(f"Chromium is missing at {CHROMIUM}: browser tests cannot run in CI.")
        _skipped_browser_tests.append(1)
        pytest.skip(f"Chromium not found at {CHROMIUM}; install it with: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--disable-background-networking", "--disable-gpu", "--no-sandbox"],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(locale="ru-RU", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def pytest_terminal_summary(terminalreporter):
    if _skipped_browser_tests:
        terminalreporter.write_sep(
            "!",
            "BROWSER TESTS SKIPPED: /usr/bin/chromium is missing (apt-get install chromium)",
            red=True,
            bold=True,
        )
