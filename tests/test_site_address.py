"""Absolute links (canonical, Open Graph, share links, feeds, sitemaps, robots.txt)
follow the address the site is served on in development, and SITE_URL in production."""

import re
import subprocess
from pathlib import Path

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def development(settings):
    """`make run` without SITE_URL: DEBUG on, SITE_URL left at its default."""
    settings.DEBUG = True
    settings.SITE_URL_FROM_REQUEST = True
    settings.SITE_URL = "http://127.0.0.1:8000"
    return settings


def _links(client, article, host):
    page = client.get(article.get_absolute_url("ru"), HTTP_HOST=host).content.decode()
    return {
        "canonical": re.search(r'<link rel="canonical" href="([^"]+)"', page).group(1),
        "og": re.search(r'<meta property="og:url" content="([^"]+)"', page).group(1),
        "share": re.search(r'class="copy-link" href="([^"]+)"', page).group(1),
        "telegram": re.search(r'href="(https://t\.me/share/url\?[^"]+)"', page).group(1),
    }


def test_in_development_links_follow_the_address_served_on(development, article):
    client = Client()
    path = article.get_absolute_url("ru")
    links = _links(client, article, "localhost:8123")
    assert links["canonical"] == links["og"] == links["share"] == f"http://localhost:8123{path}"
    assert "localhost%3A8123" in links["telegram"]
    feed = client.get("/rss/", HTTP_HOST="localhost:8123").content.decode()
    assert f"<link>http://localhost:8123{path}</link>" in feed
    assert "127.0.0.1:8000" not in feed
    sitemap = client.get("/sitemap-articles.xml", HTTP_HOST="localhost:8123").content.decode()
    assert f"<loc>http://localhost:8123{path}</loc>" in sitemap
    robots = client.get("/robots.txt", HTTP_HOST="localhost:8123").content.decode()
    assert "Sitemap: http://localhost:8123/sitemap.xml" in robots


def test_a_page_cached_for_one_address_is_not_served_with_its_links_to_another(
    development, article
):
    client = Client()
    assert _links(client, article, "localhost:8123")["canonical"].startswith(
        "http://localhost:8123/"
    )
    response = client.get(article.get_absolute_url("ru"), HTTP_HOST="localhost:8123")
    assert response["X-Page-Cache"] == "hit"  # the cache is on
    links = _links(client, article, "127.0.0.1:8000")
    assert links["canonical"].startswith("http://127.0.0.1:8000/")
    assert "8123" not in client.get("/rss/", HTTP_HOST="127.0.0.1:8000").content.decode()


def test_a_site_url_set_in_development_decides(development, article):
    development.SITE_URL_FROM_REQUEST = False
    development.SITE_URL = "https://news.example.kz"
    links = _links(Client(), article, "localhost:8123")
    assert links["canonical"].startswith("https://news.example.kz/")


def test_in_production_site_url_decides_whatever_the_host(settings, article):
    settings.DEBUG = False
    settings.SITE_URL_FROM_REQUEST = True  # even left unset: check --deploy complains
    settings.SITE_URL = "https://news.example.kz"
    settings.ALLOWED_HOSTS = ["news.example.kz", "evil.example.com"]
    client = Client()
    links = _links(client, article, "evil.example.com")
    assert links["canonical"].startswith("https://news.example.kz/")
    assert (
        "evil.example.com" not in client.get("/rss/", HTTP_HOST="evil.example.com").content.decode()
    )


@pytest.mark.parametrize(
    ("arguments", "address"),
    [
        ([], "127.0.0.1:8000"),
        (["PORT=8123"], "127.0.0.1:8123"),
        (["HOST=0.0.0.0", "PORT=8124"], "0.0.0.0:8124"),
    ],
)
def test_make_run_serves_on_the_port_and_host_given(arguments, address):
    # -n: what make would run, without running it.
    result = subprocess.run(
        ["make", "-n", "run", *arguments], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert f"manage.py devserver {address}\n" in result.stdout
