"""Content for the reader-site tests: articles with photos, tags and credited sources."""

from django.utils import translation

from articles.models import ArticleSource, Photo, Rubric, Source, Tag


def enrich(article, count=3):
    """Give ``article`` ``count`` photos, tags and credited sources."""
    for index in range(count):
        Photo.objects.create(
            article=article,
            image=f"photos/test/{article.pk}-{index}.jpg",
            width=1200,
            height=800,
            caption_ru=f"Набережная Актау, кадр {index}",
            caption_kk=f"Ақтау жағалауы, кадр {index}",
            credit_ru="пресс-служба акимата",
            credit_kk="әкімдіктің баспасөз қызметі",
            alt_ru="Набережная на закате",
            alt_kk="Күн батқандағы жағалау",
            position=index,
        )
        tag, _created = Tag.objects.get_or_create(
            name=f"Тег {index}", defaults={"slug": f"teg-{index}", "name_kk": f"Тег {index} kk"}
        )
        article.tags.add(tag)
        source = Source.objects.create(
            name_ru=f"Источник {index}",
            name_kk=f"Дереккөз {index}",
            url=f"https://source{index}.example.kz",
            kind=Source.Kind.OUTLET,
        )
        ArticleSource.objects.create(
            article=article,
            source=source,
            role=ArticleSource.Role.REPORTS if index == 0 else ArticleSource.Role.CITING,
            url=f"https://source{index}.example.kz/news/{article.pk}",
            position=index,
        )
    return article


def other_rubric():
    return Rubric.objects.create(
        name_ru="Происшествия", name_kk="Оқиғалар", slug="proisshestviya", position=2
    )


def reader_pages(article, tag, extra=()):
    """Home, rubric, article, tag and search pages in Russian and Kazakh.

    ``extra``: more paths, each under both languages' prefixes ("/rss/").
    """
    urls = []
    for prefix, language in (("", "ru"), ("/kk", "kk")):
        with translation.override(language):
            detail = article.get_absolute_url(language)
        urls += [
            f"{prefix}/",
            f"{prefix}/{article.rubric.slug}/",
            detail,
            f"{prefix}/tag/{tag.slug}/",
            f"{prefix}/search/?q=школа",
            *(prefix + path for path in extra),
        ]
    return urls
