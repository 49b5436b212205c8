"""The admin asks nothing of a third-party host: every request of the article's
add and change pages (and the changelist) goes to our own server."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import expect

from articles.models import Photo
from tests.browser.editing import caret_settled

pytestmark = pytest.mark.browser


@pytest.fixture
def recorded(page, live_server):
    """Every URL the page requests, and every script error it raises."""
    requests, errors = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    return requests, errors


def foreign(urls, base):
    return [url for url in urls if not url.startswith((base + "/", "data:", "blob:"))]


def test_article_admin_pages_load_only_from_our_own_server(  # noqa: PLR0917
    page, live_server, make_staff, admin_login, make_article, recorded, jpeg_bytes
):
    requests, errors = recorded
    make_staff("asel", "Editors")
    article = make_article()
    Photo.objects.create(
        article=article,
        image=SimpleUploadedFile("p.jpg", jpeg_bytes, "image/jpeg"),
        caption_ru="Подпись",
    )
    admin_login(page, "asel")

    for path in (
        "/admin/articles/article/add/",
        f"/admin/articles/article/{article.pk}/change/",
        "/admin/articles/article/",
        f"/kk/admin/articles/article/{article.pk}/change/",
    ):
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        if "change" in path or "add" in path:
            # jQuery UI came from our static files: the language tabs work.
            expect(page.locator(".ui-tabs").first).to_be_visible()
            expect(
                page.locator("[contenteditable=true].ProseMirror >> visible=true")
            ).to_have_count(1)

    assert len(requests) > 20
    assert any("/static/vendor/jquery-ui/jquery-ui.min.js" in url for url in requests)
    assert foreign(requests, live_server.url) == []
    assert errors == []


def test_prose_editor_works_in_both_language_tabs(
    page, live_server, make_staff, admin_login, make_article
):
    make_staff("asel", "Editors")
    article = make_article()
    admin_login(page, "asel")
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    ru = page.locator(".field-body_ru [contenteditable=true].ProseMirror")
    kk = page.locator(".field-body_kk [contenteditable=true].ProseMirror")
    expect(ru).to_be_visible()
    expect(kk).to_be_hidden()
    page.locator('a[href="#tab_id_body_kk"]').click()
    expect(kk).to_be_visible()
    expect(kk).to_contain_text("Ақтаудың 17 шағын ауданында")
    kk.click()
    page.keyboard.press("End")
    caret_settled(page)
    page.keyboard.press("Enter")
    page.keyboard.press("Control+i")
    page.keyboard.type("Қосымша")
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist .success")).to_be_visible()
    article.refresh_from_db()
    assert "<em>Қосымша</em>" in article.body_kk
