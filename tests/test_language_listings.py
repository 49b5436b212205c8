"""Listings show an article in a language exactly when it exists in it, without reading bodies."""

import json

import pytest
from django.core import serializers
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article

TEXTS = {
    "both": {"title_kk": "Ақтауда жаңа мектеп ашылды", "body_kk": "<p>Мектеп ашылды.</p>"},
    "headline only": {"title_kk": "Ақтауда жаңа мектеп ашылды", "body_kk": ""},
    "body only": {"title_kk": "", "body_kk": "<p>Мектеп ашылды.</p>"},
    "none": {"title_kk": None, "body_kk": None},
}


@pytest.mark.parametrize("case", TEXTS)
def test_listings_agree_with_exists_in(make_article, case):
    article = make_article(**TEXTS[case])
    in_kazakh = Article.objects.in_language("kk").filter(pk=article.pk).exists()
    missing = Article.objects.missing_language("kk").filter(pk=article.pk).exists()
    assert in_kazakh == article.exists_in("kk") == (case == "both")
    assert missing is not in_kazakh
    assert Article.objects.in_language("ru").filter(pk=article.pk).exists()


def test_emptying_the_kazakh_text_takes_the_article_off_kazakh_pages(client, make_article):
    article = make_article()
    assert "Ақтауда жаңа мектеп ашылды" in client.get("/kk/").content.decode()

    article.title_kk = ""
    article.body_kk = ""
    article.save()

    assert "Ақтауда жаңа мектеп ашылды" not in client.get("/kk/").content.decode()
    assert "Ақтауда жаңа мектеп ашылды" not in client.get("/kk/aktau/").content.decode()
    assert "В Актау открыли новую школу" in client.get("/aktau/").content.decode()


def test_a_partial_save_keeps_the_language_right(client, make_article):
    article = make_article(title_kk="", body_kk="")
    assert not Article.objects.in_language("kk").filter(pk=article.pk).exists()

    article.title_kk = "Ақтауда жаңа мектеп ашылды"
    article.body_kk = "<p>Мектеп ашылды.</p>"
    article.save(update_fields=["title_kk", "body_kk"])

    assert Article.objects.in_language("kk").filter(pk=article.pk).exists()
    assert "Ақтауда жаңа мектеп ашылды" in client.get("/kk/aktau/").content.decode()


@pytest.mark.parametrize("url", ["/aktau/", "/kk/aktau/"])
def test_counting_a_rubric_reads_no_body(client, make_article, url):
    make_article()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    # The paginator's count (the listing's own query also counts each
    # article's comments in a subquery: that one reads the articles).
    counts = [q["sql"] for q in queries if q["sql"].startswith("SELECT COUNT(")]
    assert counts
    assert not [sql for sql in counts if "body" in sql or "title" in sql]


def test_a_backup_from_before_the_language_flags_restores_readable_articles(
    client, make_article, tmp_path
):
    article = make_article()
    rows = json.loads(serializers.serialize("json", [article]))
    for row in rows:
        del row["fields"]["in_ru"], row["fields"]["in_kk"]  # an older backup
    fixture = tmp_path / "articles.json"
    fixture.write_text(json.dumps(rows), encoding="utf-8")
    Article.objects.all().delete()

    call_command("loaddata", str(fixture), verbosity=0)

    assert "Ақтауда жаңа мектеп ашылды" in client.get("/kk/aktau/").content.decode()
    assert "В Актау открыли новую школу" in client.get("/aktau/").content.decode()
