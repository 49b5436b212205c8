"""Template tags for the pieces of reader pages the page cache keeps apart.

``most_read_block`` and ``related_block`` give a page its "most read" sidebar
and its related articles: for readers served through the page cache, a
marker that the cache fills in each time it serves the page
(pagecache/fragments.py); for editors, the lists themselves. ``chrome``
renders a piece of the frame (rubric menu, footer) once per version of it.
"""

from django import template
from django.utils.safestring import mark_safe

from articles import languages

from .. import fragments

register = template.Library()


@register.simple_tag(takes_context=True)
def most_read_block(context):
    """``{% most_read_block as most_read %}``: the sidebar's lists, or its marker."""
    return fragments.most_read(context.get("request"), languages.current())


@register.simple_tag(takes_context=True)
def related_block(context, article):
    """``{% related_block article as related %}``: related articles, or their marker."""
    return fragments.related(context.get("request"), article, languages.current())


@register.simple_tag(takes_context=True)
def chrome(context, template_name, variant=""):
    """A piece of the page's frame (rubric menu, footer), rendered once per chrome version.

    ``variant`` tells apart what differs between pages (the current rubric).
    """

    def render():
        with context.push():
            return context.template.engine.get_template(template_name).render(context)

    name = f"{template_name}:{languages.current()}:{variant if variant is not None else ''}"
    return mark_safe(fragments.chrome(context.get("request"), name, render))  # noqa: S308 - a template's output
