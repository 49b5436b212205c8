"""The editor of "a newsroom's day" (bench/day.py): saves and publishes through the models.

Only in the bench's URLs (bench/urls.py), under /_/ (never cached). Saving
goes through ``Article.save()`` and publishing through ``Article.objects.create()``
plus tags, so the page cache hears of both as it would from the admin.
"""

import random

from django.http import HttpResponseNotAllowed, JsonResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from articles.models import Article

# An editor updates the stories of the day: one of the newest few.
RECENT = 30
_rng = random.Random(7)


def _save():
    ids = list(Article.objects.published().latest().values_list("pk", flat=True)[:RECENT])
    article = Article.objects.get(pk=_rng.choice(ids))
    stamp = timezone.now().strftime("%H:%M:%S")
    article.body_ru = article.body_ru.split("<p>Обновлено")[0] + f"<p>Обновлено в {stamp}.</p>"
    article.body_kk = (article.body_kk or "").split("<p>Жаңартылды")[0] + (
        f"<p>{stamp} жаңартылды.</p>" if article.body_kk else ""
    )
    article.save()
    return article


def _publish():
    model = Article.objects.published().latest().select_related("rubric").first()
    stamp = timezone.now().strftime("%H:%M:%S")
    article = Article.objects.create(
        title_ru=f"Срочно: {model.title_ru} ({stamp})",
        lead_ru=model.lead_ru,
        body_ru=model.body_ru,
        title_kk=f"Шұғыл: {model.title_kk} ({stamp})" if model.title_kk else "",
        lead_kk=model.lead_kk,
        body_kk=model.body_kk,
        rubric=model.rubric,
        status=Article.Status.PUBLISHED,
        published_at=timezone.now(),
    )
    article.tags.set(list(model.tags.all()))
    return article


@csrf_exempt
def editor(request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    article = _publish() if request.POST.get("action") == "publish" else _save()
    return JsonResponse({"id": article.pk, "path": article.get_absolute_url("ru")})
