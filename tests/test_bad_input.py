"""Bad input is never a 500: absurd pages, huge ids, NUL bytes, broken UTF-8,
thousands of fields, megabyte bodies, foreign hosts and off-site ``next``.

Every reader page (home, rubric, article, tag, search, feeds, sitemaps) and
the admin login is swept in both languages; the test fails on any answer of
500 or more and lists them all.
"""

import pytest
from django.contrib.auth.models import User
from django.test import Client

from articles.models import Tag
from articles.sitemaps import SITEMAPS
from tests.reader_content import reader_pages

HUGE = "9" * 20
ENORMOUS = "9" * 5000

PAGE_VALUES = ["0", "-1", "abc", "1.5", "", HUGE, ENORMOUS, "%00", "%C3%28", "١٢"]

BAD_QUERIES = [
    *(f"page={value}" for value in PAGE_VALUES),
    "q=%00",
    "q=%FF%FE",
    # Full-text search syntax and oddities (PostgreSQL parses the query).
    "q=a+%26+b+%7C+%21c",
    "q=%28%28%28",
    "q=%27%22%5C",
    "q=a%3A*+%3C-%3E",
    "q=%25_%25",
    "q=%F0%9F%98%80%E2%80%AE",
    "q=" + "a" * 20000,
    "q=" + "ы" * 3000,
    "page=2&page=-5",
    "a=%ZZ",
    "&".join(f"f{n}=1" for n in range(1001)),
    "&".join(f"f{n}=1" for n in range(5000)),
    "next=//evil.example",
    "next=https://evil.example/",
]


def _client():
    return Client(raise_request_exception=False)


@pytest.fixture
def pages(article):
    tag = Tag.objects.create(name="Актау", slug="aktau-tag")
    article.tags.add(tag)
    rubric = article.rubric.slug
    urls = reader_pages(
        article,
        tag,
        extra=[
            "/rss/",
            "/rss/atom/",
            f"/{rubric}/rss/",
            "/admin/login/",
            "/comments/signin/",
            f"/comments/{article.pk}/",
            f"/comments/{article.pk}/block/",
        ],
    )
    urls += ["/sitemap.xml", "/news-sitemap.xml", "/robots.txt", "/healthz"]
    urls += [f"/sitemap-{section}.xml" for section in SITEMAPS]
    return urls


def _with_query(url, query):
    return f"{url}{'&' if '?' in url else '?'}{query}"


def _sweep(client, requests):
    failures = []
    for method, url, kwargs in requests:
        response = getattr(client, method)(url, **kwargs)
        if response.status_code >= 500:
            failures.append((method, url[:120], response.status_code))
    return failures


def test_every_page_answers_in_the_first_place(client, pages):
    for url in pages:
        assert client.get(url).status_code in (200, 301, 302), url


def test_bad_queries_never_answer_500(pages):
    requests = [("get", _with_query(url, query), {}) for url in pages for query in BAD_QUERIES]
    assert _sweep(_client(), requests) == []


def test_bad_paths_never_answer_500(article, pages):
    rubric = article.rubric.slug
    paths = []
    for prefix in ("", "/kk"):
        paths += [
            f"{prefix}/{rubric}/{HUGE}-slug/",
            f"{prefix}/{rubric}/{HUGE}/",
            f"{prefix}/{rubric}/{ENORMOUS}-slug/",
            f"{prefix}/{rubric}/-1-slug/",
            f"{prefix}/{rubric}/0/",
            f"{prefix}/{rubric}/{article.pk}-%00/",
            f"{prefix}/{rubric}%00/",
            f"{prefix}/%C3%28/",
            f"{prefix}/%FF%FE%FD/",
            f"{prefix}/tag/%00/",
            f"{prefix}/tag/{'x' * 5000}/",
            f"{prefix}/{'a' * 10000}/",
            f"{prefix}/../../etc/passwd",
        ]
    paths += [f"/_/views/{HUGE}/", f"/_/views/{ENORMOUS}/", "/sitemap-nosuch.xml"]
    paths += [f"/sitemap-{section}.xml?p={HUGE}" for section in SITEMAPS]
    paths += [f"/sitemap-{section}.xml?p=-1" for section in SITEMAPS]
    failures = _sweep(_client(), [("get", path, {}) for path in paths])
    failures += _sweep(_client(), [("post", path, {}) for path in paths[-8:]])
    assert failures == []


def test_huge_article_ids_are_not_found(client, article):
    for prefix in ("", "/kk"):
        for path in (f"/{article.rubric.slug}/{HUGE}-slug/", f"/{article.rubric.slug}/{HUGE}/"):
            assert client.get(f"{prefix}{path}").status_code == 404


@pytest.mark.parametrize(
    "url",
    ["/?q=%00", "/search/?q=a%00b", "/%00/", "/kk/tag/a%00/", "/kk/search/?q=%C3%28", "/?q=%FF"],
)
def test_nul_bytes_and_broken_utf8_in_the_query_are_a_bad_request(client, db, url):
    assert client.get(url).status_code == 400


@pytest.mark.parametrize("url", ["/%C3%28/", "/kk/tag/%FF/", "/%FF%FE/"])
def test_broken_utf8_in_the_path_is_not_found(client, db, url):
    assert client.get(url).status_code == 404


def test_a_thousand_query_fields_are_a_bad_request(client, db):
    fields = "&".join(f"f{n}=1" for n in range(1001))
    assert client.get(f"/?{fields}").status_code == 400
    assert client.get(f"/kk/search/?q=a&{fields}").status_code == 400


@pytest.mark.parametrize("value", PAGE_VALUES[:7])
def test_absurd_page_numbers_show_a_real_page(client, article, value):
    for prefix in ("", "/kk"):
        response = client.get(f"{prefix}/{article.rubric.slug}/?page={value}")
        assert response.status_code == 200


def test_megabyte_bodies_are_refused_calmly(pages):
    body = "x=" + "a" * (6 * 1024 * 1024)
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    requests = [
        ("post", url, {"data": body, "content_type": "application/x-www-form-urlencoded"})
        for url in pages
    ]
    requests += [
        ("post", url, {"data": b"\xff" * (3 * 1024 * 1024), "content_type": "text/plain"})
        for url in pages
    ]
    assert _sweep(client, requests) == []
    response = client.post("/admin/login/", body, content_type="application/x-www-form-urlencoded")
    assert response.status_code in (400, 403)


def test_hostile_cookies_and_headers_never_answer_500(pages):
    cookies = [
        'sessionid="aaaaaaaaaa\\000"',  # octal escape: a NUL after parsing
        'csrftoken="\\000\\377"; sessionid=' + "x" * 5000,
        "sessionid=" + "%00" * 10,
        "=; ;;; sessionid",
    ]
    requests = [("get", url, {"HTTP_COOKIE": cookie}) for url in pages for cookie in cookies]
    requests += [("get", "/admin/", {"HTTP_COOKIE": cookie}) for cookie in cookies]
    requests += [
        ("post", "/admin/login/", {"data": {"username": "a", "password": "b"}, **headers})
        for headers in (
            {"HTTP_USER_AGENT": "Mozilla\x00"},
            {"HTTP_X_FORWARDED_FOR": "1.2.3.4\x00"},
            {"HTTP_COOKIE": cookies[0]},
        )
    ]
    requests += [
        ("post", "/admin/login/", {"data": {"username": "a\x00b", "password": "c\x00"}}),
        ("post", "/admin/login/", {"data": {"username": "ы" * 5000, "password": "x"}}),
    ]
    assert _sweep(_client(), requests) == []


def test_nul_in_a_header_is_a_bad_request(client, db):
    assert client.get("/", HTTP_USER_AGENT="Mozilla\x00").status_code == 400


def test_unknown_host_is_a_bad_request(pages):
    client = _client()
    for url in pages:
        assert client.get(url, HTTP_HOST="evil.example").status_code == 400, url


@pytest.mark.parametrize("prefix", ["", "/kk"])
@pytest.mark.parametrize(
    "target", ["//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"]
)
def test_login_next_never_leaves_the_site(db, prefix, target):
    User.objects.create_user("asel", password="Kaspiy-Media-2026!", is_staff=True)
    client = _client()
    page = client.get(f"{prefix}/admin/login/", {"next": target})
    assert page.status_code == 200
    response = client.post(
        f"{prefix}/admin/login/",
        {"username": "asel", "password": "Kaspiy-Media-2026!", "next": target},
    )
    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith("/") and not location.startswith(("//", "/\\")), location


def test_huge_ids_in_the_admin_are_not_errors(admin_client, article):
    client = admin_client
    client.raise_request_exception = False
    for prefix in ("", "/kk"):
        for object_id in (HUGE, ENORMOUS[:400], "-1", "abc", "%00"):
            for view in ("change", "delete", "history"):
                url = f"{prefix}/admin/articles/article/{object_id}/{view}/"
                assert client.get(url).status_code < 500, url
        url = f"{prefix}/admin/articles/article/?p={HUGE}&o=99&q=%00"
        assert client.get(url).status_code < 500
        for model, field in (
            ("articles/article", "published_at"),
            ("audit/auditentry", "created_at"),
        ):
            for query in (
                f"{field}__year={HUGE[:11]}",
                f"{field}__year=2026&{field}__month=13&{field}__day=40",
                f"{field}__year=-5",
                f"rubric__id__exact={HUGE}",
                "views__gt=abc",
                "o=abc",
            ):
                url = f"{prefix}/admin/{model}/?{query}"
                assert client.get(url).status_code < 500, url
