"""View counting (placeholder: counts straight into the database).

The beacon view is the contract: POST /_/views/<id>/ answers 204.
"""

from django.db.models import F
from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .models import Article


@csrf_exempt
@require_POST
def beacon(request, pk):
    Article.objects.published().filter(pk=pk).update(views=F("views") + 1)
    return HttpResponse(status=204)
