"""The body editor's toolbar on the editors' change form speaks the admin's language
(issue #22, item 5: undo and redo were in English on the Kazakh change form)."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)

BODY = "#tab_id_body_{} .tiptap.ProseMirror"
NAMES = {"/kk": ("болдырмау", "қайталау"), "": ("отменить", "повторить")}


@pytest.fixture
def editor_page(page, make_staff, admin_login):
    """An editor's browser, signed in to the admin in the language of ``prefix``."""

    def sign_in(prefix):
        make_staff("asel", "Editors")
        admin_login(page, "asel", prefix=prefix)
        return page

    return sign_in


@pytest.mark.parametrize("prefix", ["/kk", ""])
def test_undo_and_redo_are_named_in_the_admins_language_on_the_change_form(
    editor_page, live_server, article, prefix
):
    page = editor_page(prefix)
    undo, redo = NAMES[prefix]
    page.goto(f"{live_server.url}{prefix}/admin/articles/article/{article.pk}/change/")
    for language in ("ru", "kk"):
        page.locator(f"a[href='#tab_id_body_{language}']").first.click()
        menubar = page.locator(f"#tab_id_body_{language} .prose-menubar")
        # Typed and taken back: both buttons have been enabled and redrawn.
        page.locator(BODY.format(language)).click()
        page.keyboard.type("x")
        page.keyboard.press("Control+z")
        for name, title in (("history:undo", undo), ("history:redo", redo)):
            button = menubar.locator(f"button[data-name='{name}']")
            expect(button).to_have_attribute("title", title)
            expect(button).to_have_attribute("aria-label", title)
    # The buttons' own text is the icon's name ("undo"): it must be drawn as the icon.
    icons_drawn = page.evaluate(
        """async () => {
            await document.fonts.ready;
            return [...document.fonts].some(
                (face) => face.family.includes("Material Icons") && face.status === "loaded"
            );
        }"""
    )
    assert icons_drawn
    english = page.locator(".prose-menubar [title='undo'], .prose-menubar [title='redo']")
    expect(english).to_have_count(0)
