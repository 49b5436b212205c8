"""In Chromium: the admin's header buttons and tables fit the screen, nothing covers a headline."""

import pytest
from playwright.sync_api import expect

from articles.models import Article
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
