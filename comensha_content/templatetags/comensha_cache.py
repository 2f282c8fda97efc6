"""``{% revision_cache "name" %}...{% endrevision_cache %}``: a page's fragment, kept per revision.

The fragment is rendered once per live revision and variant and then read from Django's cache
(``core.revision_cache``: keyed like the API's ETags, so every change that renews an ETag renews
the key). Rendered every time for previews, signed-in users, requests with credentials or a
session, pages under a view restriction, and when ``COMENSHA_CONTENT_PAGE_CACHE_SECONDS`` is 0.
The template's context must hold ``request`` and ``page``.
"""

from django import template
from django.template import TemplateSyntaxError

from comensha_content.core import revision_cache

register = template.Library()


class RevisionCacheNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        page = context.get("page")
        key = None
        if page is not None:
            key = revision_cache.article_key(context.get("request"), page, self.name)
        return revision_cache.cached(key, lambda: self.nodelist.render(context))


@register.tag("revision_cache")
def do_revision_cache(parser, token):
    """``{% revision_cache "cc-story" %}``: the fragment's name (a quoted string)."""
    nodelist = parser.parse(("endrevision_cache",))
    parser.delete_first_token()
    tokens = token.split_contents()
    if len(tokens) != 2 or tokens[1][0] not in "\"'" or tokens[1][0] != tokens[1][-1]:
        raise TemplateSyntaxError(f"{tokens[0]!r} tag takes one quoted fragment name.")
    return RevisionCacheNode(nodelist, tokens[1][1:-1])
