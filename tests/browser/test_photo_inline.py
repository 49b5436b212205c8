"""In Chromium: photos added with "Add another photo" keep the order they were added in."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import expect

from articles.models import Article

pytestmark = pytest.mark.browser


def test_photos_added_in_the_page_go_last_in_the_order_added(  # noqa: PLR0917
    page, live_server, make_staff, admin_login, rubric, jpeg_file, jpeg_bytes
):
    make_staff("asel", "Editors")
    article = Article.objects.create(
        title_ru="Шторм на Каспии", body_ru="<p>Ветер.</p>", rubric=rubric
    )
    old = SimpleUploadedFile("old.jpg", jpeg_bytes, "image/jpeg")
    article.photos.create(image=old, caption_ru="Старая", position=0)
    admin_login(page, "asel")
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")

    for index, caption in ((1, "Вторая"), (2, "")):
        page.locator("#photos-group .add-row a").click()
        page.set_input_files(f"#id_photos-{index}-image", str(jpeg_file))
        page.fill(f"#id_photos-{index}-caption_ru", caption)
        expect(page.locator(f"#id_photos-{index}-position")).to_have_value("")
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist .success")).to_be_visible()

    assert [(p.caption_ru or "", p.position) for p in article.photos.order_by("position")] == [
        ("Старая", 0),
        ("Вторая", 1),
        ("", 2),
    ]
    labels = page.locator("#photos-group .inline_label")
    expect(labels.nth(0)).to_contain_text("Старая")
    expect(labels.nth(1)).to_contain_text("Вторая")
    expect(labels.nth(2)).to_contain_text("Фото 3")
