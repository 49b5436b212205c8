"""Readers sign in with a phone number and a one-time SMS code, and accept the rules once."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client

from comments import phones
from comments.models import Reader, SignInCode

from .readers import PHONE, PHONE_TYPED, last_code, make_reader, sign_in

pytestmark = pytest.mark.django_db


def test_first_sign_in_normalises_the_number_and_stores_the_accepted_terms(client, caplog):
    reader = sign_in(client, caplog, phone=PHONE_TYPED, name="Айгерим")
    assert reader.phone == "+77011234512"
    assert reader.display_name == "Айгерим"
    assert reader.terms_version == "2026-12-01"
    assert reader.terms_accepted_at is not None
    # Signed in: the account page shows the masked number only.
    page = client.get("/comments/account/").content.decode()
    assert "+7 7** *** **12" in page and "1234512" not in page


@pytest.mark.parametrize(
    "typed", ["+7 701 123 45 12", "87011234512", "7011234512", "+7(701)123-45-12"]
)
def test_every_usual_spelling_reaches_the_same_number(client, caplog, typed):
    client.post("/comments/signin/", {"phone": typed})
    assert client.session["comments_phone"] == PHONE


def test_the_code_is_stored_hashed(client, caplog):
    client.post("/comments/signin/", {"phone": PHONE_TYPED})
    code = last_code(caplog)
    stored = SignInCode.objects.get(phone=PHONE)
    assert stored.code_hash != code and len(stored.code_hash) == 64


def test_a_returning_reader_skips_the_terms(client, caplog):
    make_reader()
    client.post("/comments/signin/", {"phone": PHONE_TYPED})
    response = client.post("/comments/code/", {"code": last_code(caplog)})
    assert response.status_code == 302 and "/terms/" not in response["Location"]
    assert client.session["comments_reader"] == Reader.objects.get().pk


def test_new_rules_are_accepted_again(client, caplog, settings):
    make_reader()
    settings.COMMENTS_TERMS_VERSION = "2027-01-01"
    client.post("/comments/signin/", {"phone": PHONE_TYPED})
    response = client.post("/comments/code/", {"code": last_code(caplog)})
    assert response["Location"].endswith("/comments/terms/")
    client.post("/comments/terms/", {"display_name": "Айгерим", "accept": "on"})
    assert Reader.objects.get().terms_version == "2027-01-01"


def test_terms_must_be_accepted(client, caplog):
    client.post("/kk/comments/signin/", {"phone": PHONE_TYPED})
    client.post("/kk/comments/code/", {"code": last_code(caplog)})
    response = client.post("/kk/comments/terms/", {"display_name": "Айгерим"})
    assert "ережелерді қабылдасаңыз ғана" in response.content.decode()
    assert not Reader.objects.exists()


def test_a_code_expires_after_five_minutes(client, caplog):
    client.post("/comments/signin/", {"phone": PHONE_TYPED})
    code = last_code(caplog)
    SignInCode.objects.update(
        created_at=SignInCode.objects.get().created_at - timedelta(minutes=5, seconds=1)
    )
    response = client.post("/comments/code/", {"code": code})
    assert response.status_code == 400
    assert "Срок действия кода истёк" in response.content.decode()
    assert "comments_reader" not in client.session


def test_a_code_guessed_more_than_five_times_is_refused_even_when_right(client, caplog):
    client.post("/comments/signin/", {"phone": PHONE_TYPED})
    code = last_code(caplog)
    wrong = "000000" if code != "000000" else "111111"
    statuses = [client.post("/comments/code/", {"code": wrong}).status_code for _ in range(5)]
    assert statuses == [400, 400, 400, 400, 429]
    response = client.post("/comments/code/", {"code": code})
    assert response.status_code == 429
    assert "Запросите новый код" in response.content.decode()
    assert "comments_reader" not in client.session


def test_a_code_works_once(client, caplog):
    sign_in(client, caplog)
    code = last_code(caplog)
    other = Client()
    other.post("/comments/signin/", {"phone": "+77019999999"})  # puts a number in its session
    session = other.session
    session["comments_phone"] = PHONE
    session.save()
    assert other.post("/comments/code/", {"code": code}).status_code == 400


@pytest.mark.parametrize(
    "typed, language, message",
    [
        ("+7 701 ABC 45 12", "", "Номер телефона состоит только из цифр"),
        ("+7 701 ABC 45 12", "/kk", "Телефон нөмірі тек цифрлардан тұрады"),
        ("7" * 40, "", "Номер телефона состоит только из цифр"),
        ("7" * 40, "/kk", "Телефон нөмірі тек цифрлардан тұрады"),
        ("+1 202 555 01 01", "", "десять цифр после +7"),
        ("", "/kk", "Телефон нөміріңізді енгізіңіз"),
    ],
)
def test_a_number_with_letters_or_forty_digits_is_refused(client, typed, language, message):
    response = client.post(f"{language}/comments/signin/", {"phone": typed})
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert not SignInCode.objects.exists()


def test_codes_are_limited_per_number_in_the_readers_language(client, settings):
    settings.READER_CODES_PER_PHONE_HOUR = 2
    for address in ("10.0.0.1", "10.0.0.2"):
        assert (
            client.post(
                "/kk/comments/signin/", {"phone": PHONE_TYPED}, REMOTE_ADDR=address
            ).status_code
            == 302
        )
    response = client.post("/kk/comments/signin/", {"phone": PHONE_TYPED}, REMOTE_ADDR="10.0.0.3")
    assert response.status_code == 429
    assert "Код тым көп сұралды" in response.content.decode()


def test_codes_are_limited_per_address(client, settings):
    settings.READER_CODES_PER_ADDRESS_HOUR = 3
    for n in range(3):
        assert client.post("/comments/signin/", {"phone": f"+7701000000{n}"}).status_code == 302
    response = client.post("/comments/signin/", {"phone": "+77010000009"})
    assert response.status_code == 429
    assert "Слишком много запросов кода" in response.content.decode()


def test_answers_do_not_tell_whether_a_number_has_an_account(caplog):
    make_reader(phone=PHONE)
    answers = []
    for phone in (PHONE, "+77017654321"):
        client = Client()
        sent = client.post("/comments/signin/", {"phone": phone})
        page = client.get(sent["Location"])
        answers.append(
            (
                sent.status_code,
                sent["Location"],
                re.sub(
                    r'name="csrfmiddlewaretoken" value="[^"]+"',
                    "",
                    page.content.decode().replace(phones.display(phone), "N"),
                ),
            )
        )
    assert answers[0] == answers[1]


def test_a_readers_session_never_opens_the_admin(client, caplog):
    sign_in(client, caplog)
    for url in ("/admin/", "/kk/admin/", "/admin/comments/comment/"):
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"]
    assert not User.objects.exists()


def test_a_reader_closes_the_account_and_is_signed_out(client, caplog):
    reader = sign_in(client, caplog)
    response = client.post("/kk/comments/account/", {"close": "yes"})
    assert response.status_code == 200
    assert "Аккаунтыңыз жабылды" in response.content.decode()
    reader.refresh_from_db()
    assert reader.closed_at is not None
    assert "comments_reader" not in client.session
    # The same number signs in again later: a new account, the closed one kept for the law.
    again = sign_in(client, caplog)
    assert again.pk != reader.pk and Reader.objects.count() == 2


ENGLISH = re.compile(
    r"\b(Sign|Phone|Code|code|Send|Confirm|Rules|rules|Accept|Your|comments?|Comments?|Reply|"
    r"Write|account|Close|waiting|moderation|Version|version|Back)\b"
)
RUSSIAN_ONLY = re.compile(r"Комментари|комментари|Войти|Отправить|Подтвердить|Ваш|Правила|Закон")


@pytest.mark.parametrize("prefix", ["", "/kk"])
def test_every_reader_page_speaks_the_pages_language(client, caplog, article, prefix):
    pages = [client.get(f"{prefix}/comments/signin/")]
    client.post(f"{prefix}/comments/signin/", {"phone": PHONE_TYPED})
    pages.append(client.get(f"{prefix}/comments/code/"))
    client.post(f"{prefix}/comments/code/", {"code": last_code(caplog)})
    pages.append(client.get(f"{prefix}/comments/terms/"))
    client.post(f"{prefix}/comments/terms/", {"display_name": "Айгерим", "accept": "on"})
    pages.append(client.get(f"{prefix}/comments/account/"))
    pages.append(client.get(f"{prefix}/comments/{article.pk}/"))
    pages.append(client.get(f"{prefix}/comments/{article.pk}/block/"))
    for response in pages:
        assert response.status_code == 200
        # The page's own part: the header and the footer name the site in both languages.
        html = response.content.decode().split('id="main"')[-1].split('class="site-footer"')[0]
        text = re.sub(r"<[^>]+>", " ", html)
        assert ENGLISH.findall(text) == []
        if prefix == "/kk":
            assert RUSSIAN_ONLY.findall(text) == []
