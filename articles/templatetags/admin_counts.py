"""How many objects a changelist holds, said as the language says it.

Django's pagination puts the model's plural name after any number ("6
мақалалар", "5 статьи"); a ModelAdmin with ``sentences``
(groundwork/admin_messages.py) has the count sentence with every plural form.
"""

from django import template

register = template.Library()


@register.simple_tag
def result_count(cl):
    sentences = getattr(cl.model_admin, "sentences", None)
    if sentences is not None and sentences.count is not None:
        return sentences.count % {"count": cl.result_count}
    name = cl.opts.verbose_name if cl.result_count == 1 else cl.opts.verbose_name_plural
    return f"{cl.result_count} {name}"
