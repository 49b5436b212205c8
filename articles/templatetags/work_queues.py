"""The admin index's work queues, with how much is waiting in each."""

from django import template

from ..models import Article, Tag

register = template.Library()


@register.simple_tag(takes_context=True)
def work_queue_counts(context):
    """``{queue: count}`` for the queues the user works on (one COUNT each)."""
    user = context["request"].user
    counts = {"review": Article.objects.in_review().count()}
    if user.has_perm("articles.translate_article"):
        counts["translate"] = Article.objects.to_translate().count()
    if user.has_perm("articles.change_tag"):
        counts["tags"] = Tag.objects.filter(name_kk="").count()
    return counts
