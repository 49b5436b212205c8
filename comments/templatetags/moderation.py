"""The admin home's line for moderators: how many comments wait."""

from django import template

from ..models import Comment

register = template.Library()


@register.simple_tag
def pending_comment_count():
    return Comment.objects.pending().count()
