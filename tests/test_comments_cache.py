"""Comments live outside the page cache: the article page is one page for everyone.

The block of comments and their count come from a small endpoint of their
own, cached per article and language; approving, hiding or deleting a
comment empties that block only, never a page.
"""

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.utils import translation

from comments.models import Comment

from .readers import make_comment, make_reader, sign_in

pytestmark = pytest.mark.django_db


def _moderator_client():
    user = User.objects.create_user("moder", password="a-long-secret-phrase", is_staff=True)
    user.groups.add(Group.objects.get(name="Moderators"))
    client = Client()
    client.force_login(user)
    return client


def _pages(article):
    urls = []
    for code in ("ru", "kk"):
        with translation.override(code):
            prefix = "/kk" if code == "kk" else ""
            urls += [f"{prefix}/", f"{prefix}/aktau/", article.get_absolute_url(code)]
    return urls


def test_the_article_page_has_no_session_csrf_or_reader_in_it(client, article, caplog):
    anonymous = client.get(article.get_absolute_url("ru"))
    assert anonymous["X-Page-Cache"] == "miss"
    assert "Set-Cookie" not in anonymous and "csrfmiddlewaretoken" not in anonymous.content.decode()
    reader = Client()
    sign_in(reader, caplog, name="Айгерим")
    signed_in = reader.get(article.get_absolute_url("ru"))
    # A signed-in reader gets the very same page, from the cache.
    assert signed_in["X-Page-Cache"] == "hit"
    assert signed_in.content == anonymous.content
    assert Client().get(article.get_absolute_url("ru")).content == anonymous.content


def test_a_page_a_signed_in_reader_renders_is_the_page_everyone_gets(client, article, caplog):
    reader = Client()
    sign_in(reader, caplog, name="Айгерим")
    for url in _pages(article):
        first = reader.get(url)
        assert first["X-Page-Cache"] == "miss", url
        assert "Айгерим" not in first.content.decode()
        assert "Set-Cookie" not in first and "csrfmiddlewaretoken" not in first.content.decode()
        anonymous = client.get(url)
        assert anonymous["X-Page-Cache"] == "hit", url
        assert anonymous.content == first.content
    # Their own pages stay theirs.
    account = reader.get("/comments/account/")
    assert account.status_code == 200 and "Айгерим" in account.content.decode()
    assert "X-Page-Cache" not in account or account["X-Page-Cache"] != "hit"


def test_without_javascript_a_link_leads_to_the_articles_comments_page(client, article):
    html = client.get(article.get_absolute_url("kk")).content.decode()
    assert f'data-comments-block="/kk/comments/{article.pk}/block/"' in html
    assert f'href="/kk/comments/{article.pk}/"' in html
    comments_page = client.get(f"/kk/comments/{article.pk}/")
    assert comments_page.status_code == 200
    # Not a second copy of the article for search engines.
    assert '<meta name="robots" content="noindex, follow">' in comments_page.content.decode()


def test_the_block_is_cached_per_article_and_language(client, article, django_assert_num_queries):
    make_comment(article, make_reader(), text="Отличная школа")
    first = client.get(f"/comments/{article.pk}/block/")
    assert "Отличная школа" in first.content.decode() and "1 комментарий" in first.content.decode()
    with django_assert_num_queries(1):  # the article; the block itself comes from the cache
        again = client.get(f"/comments/{article.pk}/block/")
    assert again.content == first.content
    assert "1 пікір" in client.get(f"/kk/comments/{article.pk}/block/").content.decode()


@pytest.mark.parametrize("action", ["approve", "hide", "delete_selected"])
def test_a_moderators_decision_empties_that_articles_block(client, article, make_article, action):
    other = make_article()
    make_comment(article, make_reader(), text="Уже видно")
    waiting = make_comment(
        article, make_reader(phone="+77000000002"), text="Ждёт решения", status="pending"
    )
    if action != "approve":
        waiting.status = "approved"
        waiting.save()
    make_comment(other, make_reader(phone="+77000000003"), text="Другая статья")
    url = f"/comments/{article.pk}/block/"
    before = client.get(url).content.decode()
    other_before = client.get(f"/comments/{other.pk}/block/")
    data = {"action": action, "_selected_action": [waiting.pk], "post": "yes"}
    response = _moderator_client().post("/admin/comments/comment/?status=all", data)
    assert response.status_code == 302
    after = client.get(url).content.decode()
    assert ("Ждёт решения" in after) == (action == "approve")
    assert after != before and "Уже видно" in after
    assert client.get(f"/comments/{other.pk}/block/").content == other_before.content


def test_posting_or_approving_a_comment_empties_no_page(client, article, caplog, settings):
    pages = _pages(article)
    for url in pages:
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit", url
    reader = Client()
    sign_in(reader, caplog)
    assert reader.post(f"/comments/{article.pk}/", {"text": "Новый"}).status_code == 302
    comment = Comment.objects.get()
    response = _moderator_client().post(
        "/admin/comments/comment/",
        {"action": "approve", "_selected_action": [comment.pk]},
    )
    assert response.status_code == 302
    assert Comment.objects.get().status == "approved"
    for url in pages:
        assert client.get(url)["X-Page-Cache"] == "hit", url
    # The block, loaded by the page, shows it at once.
    assert "Новый" in client.get(f"/comments/{article.pk}/block/").content.decode()
