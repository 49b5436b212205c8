"""Security headers: a strict Content-Security-Policy, framing, sniffing, referrers."""

import re

import pytest
from django.contrib.auth.models import User

from articles.models import Tag
from tests.manage_process import PRODUCTION, run_manage
from tests.reader_content import reader_pages

# Data blocks are not executed, so CSP does not govern them.
DATA_TYPES = {"application/ld+json", "application/json"}
SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)


def _directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def _inline_scripts(html):
    """Opening tags of scripts that carry code in the page itself."""
    found = []
    for match in SCRIPT_TAG.finditer(html):
        attributes = match.group(1)
        kind = re.search(r'type="([^"]+)"', attributes)
        if "src=" in attributes or (kind and kind.group(1) in DATA_TYPES):
            continue
        found.append(match.group(0))
    return found


@pytest.fixture
def reader_urls(article):
    tag = Tag.objects.create(name="Актау", slug="aktau-tag")
    article.tags.add(tag)
    return reader_pages(article, tag, extra=["/nothing-here-at-all/"])


def test_reader_pages_have_a_strict_policy_and_no_inline_script(client, reader_urls):
    for url in reader_urls:
        response = client.get(url)
        directives = _directives(response)
        assert directives["script-src"] == ["'self'"], url
        assert directives["object-src"] == ["'none'"]
        assert directives["frame-ancestors"] == ["'none'"]
        assert directives["base-uri"] == ["'self'"]
        assert _inline_scripts(response.content.decode()) == [], url
        assert 'onclick="' not in response.content.decode()


def test_reader_policy_is_the_same_on_every_request_so_cached_pages_stay_valid(client, article):
    url = article.get_absolute_url("ru")
    first, second = client.get(url), client.get(url)
    assert first["Content-Security-Policy"] == second["Content-Security-Policy"]
    assert "nonce-" not in first["Content-Security-Policy"]


def test_every_page_sets_framing_sniffing_referrer_and_opener_headers(
    client, admin_client, reader_urls
):
    for response in [client.get(url) for url in reader_urls] + [
        client.get("/admin/login/"),
        admin_client.get("/admin/"),
        client.get("/healthz"),
    ]:
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.parametrize("prefix", ["", "/kk"])
def test_admin_scripts_are_external_or_carry_the_nonce(admin_client, article, prefix):
    pages = [
        f"{prefix}/admin/",
        f"{prefix}/admin/articles/article/",
        f"{prefix}/admin/articles/article/add/",
        f"{prefix}/admin/articles/article/{article.pk}/change/",
        f"{prefix}/admin/audit/auditentry/",
        f"{prefix}/admin/auth/user/",
    ]
    for url in pages:
        response = admin_client.get(url)
        assert response.status_code == 200, url
        directives = _directives(response)
        assert "'unsafe-inline'" not in directives["script-src"], url
        assert "'unsafe-eval'" not in directives["script-src"], url
        nonce = next((s for s in directives["script-src"] if s.startswith("'nonce-")), None)
        for tag in _inline_scripts(response.content.decode()):
            assert nonce is not None and f'nonce="{nonce[7:-1]}"' in tag, (url, tag)


def test_the_prose_editor_import_map_gets_a_fresh_nonce(admin_client, article):
    url = f"/admin/articles/article/{article.pk}/change/"
    first, second = admin_client.get(url), admin_client.get(url)
    assert '<script type="importmap" nonce=' in first.content.decode()
    assert first["Content-Security-Policy"] != second["Content-Security-Policy"]


def test_login_page_has_no_inline_script(client, db):
    for prefix in ("", "/kk"):
        response = client.get(f"{prefix}/admin/login/")
        assert _inline_scripts(response.content.decode()) == []


def test_session_and_csrf_cookies_are_not_readable_by_script(client, db):
    User.objects.create_user("asel", password="Kaspiy-Media-2026!", is_staff=True)
    client.get("/admin/login/")
    response = client.post("/admin/login/", {"username": "asel", "password": "Kaspiy-Media-2026!"})
    assert response.cookies["sessionid"]["httponly"]
    assert client.cookies["csrftoken"]["httponly"]


def test_production_settings_turn_on_hsts_and_secure_cookies():
    names = [
        "SECURE_HSTS_SECONDS",
        "SECURE_SSL_REDIRECT",
        "SESSION_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "CSRF_COOKIE_SECURE",
        "CSRF_COOKIE_HTTPONLY",
        "ADMIN_REQUIRE_2FA",
    ]
    code = f"from django.conf import settings as s; print(*[getattr(s, n) for n in {names!r}])"
    result = run_manage("shell", "-c", code, SECRET_KEY="s" * 60, **PRODUCTION)
    values = result.stdout.strip().splitlines()[-1].split()
    assert int(values[0]) >= 31536000, result.stderr
    assert values[1:] == ["True"] * 6
