"""Photos added together in the admin all got position 0: give them distinct positions.

Within an article whose photos share a position, they are numbered 0, 1, 2…
in the order readers already saw them (position, then id), so nothing moves
on the page; "Фото N" titles and later additions then follow that order.
"""

from django.db import migrations
from django.db.models import Count


def distinct_positions(apps, schema_editor):
    Photo = apps.get_model("articles", "Photo")
    articles = (
        Photo.objects.order_by()
        .values("article_id", "position")
        .annotate(photos=Count("id"))
        .filter(photos__gt=1)
        .values_list("article_id", flat=True)
        .distinct()
    )
    for article_id in list(articles):
        photos = list(Photo.objects.filter(article_id=article_id).order_by("position", "id"))
        for number, photo in enumerate(photos):
            photo.position = number
        Photo.objects.bulk_update(photos, ["position"])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0012_comments_setting_replaces_invented_count"),
    ]

    operations = [
        migrations.RunPython(distinct_positions, migrations.RunPython.noop, elidable=True),
    ]
