"""Signing in and commenting as readers met it: the number kept, a way back, the limit said.

Also the page structure validators asked for: the comment form's section has
a heading, and each search landmark has a name of its own.
"""

import re
from html.parser import HTMLParser

import pytest
from django.test import Client

from .readers import PHONE_TYPED, sign_in

pytestmark = pytest.mark.django_db


def test_the_code_page_shows_the_number_as_people_write_it(client, caplog):
    client.post("/comments/signin/", {"phone": PHONE_TYPED})
    page = client.get("/comments/code/").content.decode()
    assert "+7 701 123 45 12" in page
    assert "+77011234512" not in page


def test_requesting_a_new_code_keeps_the_number_typed(client, caplog):
    client.post("/kk/comments/signin/", {"phone": PHONE_TYPED})
    code_page = client.get("/kk/comments/code/").content.decode()
    assert 'href="/kk/comments/signin/"' in code_page
    page = client.get("/kk/comments/signin/").content.decode()
    assert 'value="+7 701 123 45 12"' in page
    # …and sending it again from there works as before.
    assert client.post("/kk/comments/signin/", {"phone": "+7 701 123 45 12"}).status_code == 302


def test_a_fresh_sign_in_form_is_empty(client):
    page = client.get("/comments/signin/").content.decode()
    assert re.search(r'<input type="tel" name="phone"[^>]*>', page)
    assert "value=" not in re.search(r'<input type="tel" name="phone"[^>]*>', page).group(0)


@pytest.mark.parametrize("prefix", ["", "/kk"])
def test_the_too_many_codes_page_leads_back_to_the_article(client, article, settings, prefix):
    settings.READER_CODES_PER_PHONE_HOUR = 1
    language = "kk" if prefix else "ru"
    client.get(f"{prefix}/comments/signin/?next={prefix}/comments/{article.pk}/%23form")
    assert client.post(f"{prefix}/comments/signin/", {"phone": PHONE_TYPED}).status_code == 302
    response = client.post(f"{prefix}/comments/signin/", {"phone": PHONE_TYPED})
    assert response.status_code == 429
    page = response.content.decode()
    back = "Мақалаға оралу" if prefix else "Вернуться к статье"
    assert re.search(
        rf'<a class="button" href="{re.escape(article.get_absolute_url(language))}">{back}</a>',
        page,
    ), page


def test_the_too_many_page_without_an_article_leads_to_the_news(client, settings):
    settings.READER_CODES_PER_PHONE_HOUR = 0
    response = client.post("/comments/signin/", {"phone": PHONE_TYPED})
    assert response.status_code == 429
    page = response.content.decode()
    assert "Вернуться к статье" not in page and 'href="/"' in page


@pytest.mark.parametrize(
    ("prefix", "said"),
    [("", "Только текст, до 2\xa0000 символов"), ("/kk", "Тек мәтін, 2\xa0000 таңбаға дейін")],
)
def test_the_comment_box_says_its_limit_before_anything_is_typed(
    client, caplog, article, prefix, said
):
    sign_in(client, caplog, prefix=prefix)
    page = client.get(f"{prefix}/comments/{article.pk}/").content.decode()
    help_at = page.index(said)
    box = re.search(r"<textarea[^>]*>", page)
    assert help_at < box.start()  # above the box, not after it
    assert 'aria-describedby="id_text_helptext"' in box.group(0)
    assert 'id="id_text_helptext"' in page
    assert 'data-max-length="2000"' in box.group(0)  # for the live counter
    assert "js/comments-form" in page


class _Landmarks(HTMLParser):
    """Sections with their first heading, and search landmarks with their names."""

    def __init__(self):
        super().__init__()
        self.sections, self.searches, self.ids = [], [], {}
        self._open = []
        self._text_for = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section":
            self.sections.append({"id": attrs.get("id"), "heading": None, "labelledby": None})
            self.sections[-1]["labelledby"] = attrs.get("aria-labelledby")
            self._open.append(self.sections[-1])
        if tag in {"h1", "h2", "h3"} and self._open and self._open[-1]["heading"] is None:
            self._open[-1]["heading"] = attrs.get("id") or tag
        if attrs.get("role") == "search":
            named = attrs.get("aria-label") or ("#" + attrs.get("aria-labelledby", ""))
            self.searches.append(named)
        if attrs.get("id"):
            self._text_for = attrs["id"]
            self.ids[self._text_for] = ""

    def handle_endtag(self, tag):
        if tag == "section" and self._open:
            self._open.pop()
        if tag in {"h1", "h2"}:
            self._text_for = None

    def handle_data(self, data):
        if self._text_for:
            self.ids[self._text_for] += data


@pytest.mark.parametrize("who", ["anonymous", "reader"])
def test_the_comment_forms_section_has_a_heading(client, caplog, article, who):
    if who == "reader":
        sign_in(client, caplog)
    page = client.get(f"/comments/{article.pk}/").content.decode()
    parser = _Landmarks()
    parser.feed(page)
    form = next(section for section in parser.sections if section["id"] == "form")
    assert form["heading"] == "form-title" and form["labelledby"] == "form-title"
    expected = "Ваш комментарий" if who == "reader" else "Написать комментарий"
    assert parser.ids["form-title"].strip() == expected
    for section in parser.sections:
        assert section["heading"], section


@pytest.mark.parametrize("prefix", ["", "/kk"])
def test_each_search_landmark_has_a_name_of_its_own(prefix):
    page = Client().get(f"{prefix}/search/?q=школа").content.decode()
    parser = _Landmarks()
    parser.feed(page)
    names = [
        parser.ids.get(name[1:], "").strip() if name.startswith("#") else name
        for name in parser.searches
    ]
    assert len(names) == 2
    assert all(names) and len(set(names)) == 2, names
