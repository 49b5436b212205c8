"""In Chromium: the admin's header buttons and tables fit the screen, nothing covers a headline."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import Article, Rubric
from audit import trail as audit

pytestmark = pytest.mark.browser

LONG_TITLE = (
    "Мангистауские борцы завоевали пять медалей чемпионата Казахстана по казахской "
    "национальной борьбе"
)


def box(page, selector):
    return page.locator(selector).first.bounding_box()


def overlap(a, b):
    return (
        a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    )


@pytest.mark.parametrize("width", [1440, 1280, 390])
@pytest.mark.parametrize("prefix", ["", "/kk"])
def test_change_form_buttons_leave_a_long_headline_readable(  # noqa: PLR0917
    browser, live_server, make_staff, admin_login, rubric, width, prefix
):
    make_staff("asel", "Editors")
    article = Article.objects.create(title_ru=LONG_TITLE, body_ru="<p>Текст.</p>", rubric=rubric)
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    admin_login(page, "asel", prefix)
    page.goto(f"{live_server.url}{prefix}/admin/articles/article/{article.pk}/change/")

    headline = box(page, "#content > h2")
    buttons = page.locator("#content-main > .object-tools a")
    # Translate into Kazakh, preview RU, preview KK, history, view on site
    assert buttons.count() == 5
    for index in range(buttons.count()):
        button = buttons.nth(index).bounding_box()
        assert not overlap(button, headline), (index, button, headline)
        assert button["x"] + button["width"] <= width
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()


def fits(page, table, container):
    """The table's right edge is inside its container and the page does not scroll sideways."""
    table_box, container_box = box(page, table), box(page, container)
    assert table_box["x"] + table_box["width"] <= container_box["x"] + container_box["width"] + 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280


@pytest.mark.parametrize("prefix", ["", "/kk"])
def test_history_and_audit_log_fit_1280(  # noqa: PLR0917
    browser, live_server, make_staff, admin_login, rubric, prefix
):
    editor = make_staff("asel", "Editors")
    article = Article.objects.create(title_ru=LONG_TITLE, body_ru="<p>Текст.</p>", rubric=rubric)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    admin_login(page, "asel", prefix)
    change = f"{live_server.url}/admin/articles/article/{article.pk}/change/"
    for title in (LONG_TITLE + " и в Актау", LONG_TITLE):
        page.goto(change)
        page.fill("#id_title_ru", title)
        page.click("input[name=_continue]")
        page.wait_for_selector(".messagelist .success")
    for action in ("publish", "unpublish", "schedule"):
        audit.record(editor, action, article, published_at=article.created_at.isoformat())
    audit.record(
        editor,
        "role_change",
        editor,
        added=["Editors", "Reporters", "Translators"],
        removed=[],
        is_staff=True,
        is_superuser=True,
    )
    audit.record(None, "login_locked", username="aigerim.nurlanova", ip_address="192.168.100.200")

    page.goto(f"{live_server.url}{prefix}/admin/articles/article/{article.pk}/history/")
    fits(page, "#change-history", "#content-main")
    page.goto(f"{live_server.url}{prefix}/admin/audit/auditentry/")
    fits(page, "#result_list", "#changelist .changelist-form-container")
    context.close()


@pytest.mark.parametrize(("prefix", "language"), [("", "ru"), ("/kk", "kk")])
def test_language_switch_names_the_tabs_it_opens_on(  # noqa: PLR0917
    browser, live_server, make_staff, admin_login, make_article, prefix, language
):
    make_staff("asel", "Editors")
    article = make_article()
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    admin_login(page, "asel", prefix)
    page.goto(f"{live_server.url}{prefix}/admin/articles/article/{article.pk}/change/")
    switch = page.locator("#modeltranslation-main-switch")
    active = page.locator(".field-title_ru, .field-title_kk").locator("visible=true")
    assert active.count() == 1
    assert f"field-title_{language}" in active.get_attribute("class")
    assert switch.evaluate("select => select.selectedOptions[0].textContent") == language
    # Switching changes every tab.
    other = "kk" if language == "ru" else "ru"
    switch.select_option(label=other)
    expect(page.locator(f".field-title_{other}")).to_be_visible()
    expect(page.locator(f".field-lead_{other}")).to_be_visible()
    context.close()


@pytest.mark.parametrize("prefix", ["", "/kk"])
def test_the_article_list_shows_every_column_at_1440_beside_sidebar_and_filters(  # noqa: PLR0917
    browser, live_server, make_staff, admin_login, settings, prefix
):
    settings.TELEGRAM_BOT_TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1"
    settings.TELEGRAM_CHANNEL_RU, settings.TELEGRAM_CHANNEL_KK = "@news_ru", "@news_kk"
    settings.TELEGRAM_API_URL = "http://127.0.0.1:9"
    make_staff("asel", "Editors")
    rubric = Rubric.objects.create(
        name_ru="Новости Казахстана", name_kk="Қазақстан жаңалықтары", slug="kz"
    )
    Article.objects.create(
        title_ru=LONG_TITLE,
        body_ru="<p>Текст.</p>",
        rubric=rubric,
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() + timedelta(days=2),
        views=12169,
    )
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    admin_login(page, "asel", prefix)
    page.goto(f"{live_server.url}{prefix}/admin/articles/article/")
    expect(page.locator("#nav-sidebar")).to_be_visible()
    expect(page.locator("#changelist-filter")).to_be_visible()
    results = box(page, "#changelist .results")
    headers = page.locator("#result_list thead th")
    # Checkbox, photo, headline, rubric, status and time, views, Kazakh, Telegram.
    assert headers.count() == 8
    last = headers.nth(7).bounding_box()
    assert last["x"] + last["width"] <= results["x"] + results["width"] + 1
    assert page.evaluate("document.querySelector('#changelist .results').scrollWidth") <= (
        page.evaluate("document.querySelector('#changelist .results').clientWidth")
    )
    row = page.locator("#result_list tbody tr").first
    expect(row.locator(".field-view_count")).to_have_text("12\xa0169")
    expect(row.locator(".field-publication")).to_contain_text(
        "жоспарланған" if prefix else "запланировано"
    )
    expect(row.locator(".field-publication time")).to_have_text(
        re.compile(r"\d\d\.\d\d\.\d{4}, \d\d:\d\d")
    )
    title = box(page, "#content > h1")
    for index in range(page.locator("#content-main > .object-tools a").count()):
        button = page.locator("#content-main > .object-tools a").nth(index).bounding_box()
        assert not overlap(button, title), (index, button, title)
    context.close()
