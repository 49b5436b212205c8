"""Photo credits without a typed label: the page adds «Фото:»/«Сурет:» itself.

Credits saved before said «Фото: кадр YouTube» because the field's hint told
editors to type the label; the page now adds it, so it is taken off here
(only a leading «Фото:», «Сурет:», «Photo:», «Foto:» with a colon or a dash;
a credit that is nothing but the label is left as it is). The rule is copied
from articles/photocredits.py as it was when this was written. Going back
leaves the credits without the label: the page before this one showed them
as typed, and they read right either way.
"""

import re


from django.db import migrations, models


LABEL = re.compile(r"^\s*(?:фото|сурет|photo|foto)\s*[:：\-–—]\s*", re.IGNORECASE)


def strip_labels(apps, schema_editor):
    Photo = apps.get_model("articles", "Photo")
    fields = ("credit", "credit_ru", "credit_kk")
    changed = []
    for photo in Photo.objects.only("pk", *fields).iterator(chunk_size=2000):
        dirty = False
        for field in fields:
            value = getattr(photo, field) or ""
            stripped = LABEL.sub("", value, count=1).strip()
            if stripped and stripped != value:
                setattr(photo, field, stripped)
                dirty = True
        if dirty:
            changed.append(photo)
        if len(changed) >= 500:
            Photo.objects.bulk_update(changed, fields)
            changed = []
    if changed:
        Photo.objects.bulk_update(changed, fields)


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0017_models_moved_to_their_apps'),
    ]

    operations = [
        migrations.RunPython(strip_labels, migrations.RunPython.noop, elidable=True),
        migrations.AlterField(
            model_name='photo',
            name='credit',
            field=models.CharField(blank=True, help_text='Whose photo it is, for example: press service of the akimat. The page adds “Photo:” itself.', max_length=200, verbose_name='credit'),
        ),
        migrations.AlterField(
            model_name='photo',
            name='credit_kk',
            field=models.CharField(blank=True, help_text='Whose photo it is, for example: press service of the akimat. The page adds “Photo:” itself.', max_length=200, null=True, verbose_name='credit'),
        ),
        migrations.AlterField(
            model_name='photo',
            name='credit_ru',
            field=models.CharField(blank=True, help_text='Whose photo it is, for example: press service of the akimat. The page adds “Photo:” itself.', max_length=200, null=True, verbose_name='credit'),
        ),
    ]
