"""The Content-Security-Policy blocks nothing we need: no violation on the site
or in the admin, and the prose editor, language tabs and 2FA pages still work."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# Records violations from inside the page too (console wording varies).
LISTEN = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline'));
});
"""


@pytest.fixture
def violations(page):
    found = []
    page.add_init_script(LISTEN)
    page.on(
        "console",
        lambda message: (
            found.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.on("pageerror", lambda error: found.append(f"pageerror: {error}"))
    return found


def _visit(page, url, violations):
    page.goto(url)
    page.wait_for_load_state("networkidle")
    violations.extend(page.evaluate("window.__csp || []"))


def test_reader_pages_run_under_the_policy(page, live_server, make_article, violations):
    article = make_article()
    for path in ("/", "/kk/", article.get_absolute_url("ru"), article.get_absolute_url("kk")):
        _visit(page, live_server.url + path, violations)
        assert page.locator("h1, h2").first.is_visible()
    assert violations == []


def test_admin_editor_and_tabs_work_under_the_policy(  # noqa: PLR0917
    page, live_server, make_staff, admin_login, make_article, violations
):
    make_staff("asel", "Editors")
    article = make_article()
    admin_login(page, "asel")
    for path in (
        "/admin/",
        "/admin/articles/article/",
        "/admin/audit/auditentry/",
        "/admin/articles/article/add/",
        f"/kk/admin/articles/article/{article.pk}/change/",
        f"/admin/articles/article/{article.pk}/change/",
    ):
        _visit(page, live_server.url + path, violations)
    # The editor (an ES module behind the import map) and the tabs came up.
    ru = page.locator(".field-body_ru [contenteditable=true].ProseMirror")
    kk = page.locator(".field-body_kk [contenteditable=true].ProseMirror")
    expect(ru).to_be_visible()
    page.locator('a[href="#tab_id_body_kk"]').click()
    expect(kk).to_be_visible()
    kk.click()
    page.keyboard.press("End")
    page.keyboard.type(" Қосымша")
    expect(kk).to_contain_text("Қосымша")
    assert violations == []


def test_second_factor_setup_shows_its_code_under_the_policy(
    page, live_server, make_staff, settings, violations
):
    settings.ADMIN_REQUIRE_2FA = True
    make_staff("asel", "Editors")
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "asel")
    page.fill("#id_password", "browser-pass-2026")
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/2fa/setup/**")
    expect(page.locator(".two-factor-qr svg")).to_be_visible()
    expect(page.locator("input[name=code]")).to_be_focused()
    violations.extend(page.evaluate("window.__csp || []"))
    assert violations == []
