"""Helpers for the readers' comment tests: signing in through the real pages."""

import re

from comments.models import Comment, Reader

PHONE = "+77011234512"
PHONE_TYPED = "8 (701) 123-45-12"


def last_code(caplog):
    """The code the console SMS backend wrote to the log last."""
    codes = re.findall(r"\b(\d{6})\b", "\n".join(r.getMessage() for r in caplog.records))
    assert codes, "no SMS code in the log"
    return codes[-1]


def sign_in(client, caplog, phone=PHONE_TYPED, name="Айгерим", prefix=""):
    """Phone, code from the console backend, terms: the reader is signed in."""
    response = client.post(f"{prefix}/comments/signin/", {"phone": phone})
    assert response.status_code == 302, response.content[:2000]
    response = client.post(f"{prefix}/comments/code/", {"code": last_code(caplog)})
    assert response.status_code == 302
    if response["Location"].endswith("/comments/terms/"):
        response = client.post(f"{prefix}/comments/terms/", {"display_name": name, "accept": "on"})
        assert response.status_code == 302
    return Reader.objects.get(phone="+7" + re.sub(r"\D", "", phone)[-10:], closed_at=None)


def make_reader(phone=PHONE, name="Айгерим", **fields):
    from django.utils import timezone

    return Reader.objects.create(
        phone=phone,
        display_name=name,
        terms_version="2026-12-01",
        terms_accepted_at=timezone.now(),
        **fields,
    )


def make_comment(article, reader, text="Хорошая новость", status="approved", **fields):
    return Comment.objects.create(
        article=article, reader=reader, text=text, status=status, language="ru", **fields
    )
