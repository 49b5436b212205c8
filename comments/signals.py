"""What the comments app plugs into the rest of the site, connected in ``ready()``.

- Every list of teasers, the article page and the feeds count approved
  comments in the query that reads the articles (``comment_total``, through
  ``articles.models.LISTING_ANNOTATIONS``: articles never imports this app).
- A saved or deleted comment empties its article's comments blocks, and
  nothing else (blocks.py).
"""

from django.db.models.signals import post_delete, post_save

from articles.models import LISTING_ANNOTATIONS

from . import blocks
from .models import Comment, approved_count


def _comment_changed(sender, instance, **kwargs):
    blocks.forget([instance.article_id])


def connect():
    LISTING_ANNOTATIONS["comment_total"] = approved_count
    post_save.connect(_comment_changed, sender=Comment, dispatch_uid="comments:block:save")
    post_delete.connect(_comment_changed, sender=Comment, dispatch_uid="comments:block:delete")
