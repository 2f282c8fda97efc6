"""``{% pagecache_if seconds "name" vary... %}``: Wagtail's ``{% wagtailpagecache %}``, skipped at 0.

Django's cache tag reads and writes the cache even with a timeout of 0 (a miss, then a set that
expires at once: with Redis two round trips per request, and the whole fragment pickled). With
COMENSHA_CONTENT_PAGE_CACHE_SECONDS at 0 (the default) the fragment is rendered without touching
the cache; otherwise it is exactly ``{% wagtailpagecache %}`` (previews are never cached).
"""

from django import template
from django.template import TemplateSyntaxError, VariableDoesNotExist
from wagtail.templatetags.wagtail_cache import WagtailPageCacheNode

register = template.Library()


class PageCacheIfNode(WagtailPageCacheNode):
    def render(self, context):
        try:
            if int(self.expire_time_var.resolve(context)) == 0:
                return self.nodelist.render(context)
        except (VariableDoesNotExist, TypeError, ValueError):
            pass  # None (forever) is cached; Django's tag reports what is wrong
        return super().render(context)


@register.tag("pagecache_if")
def do_pagecache_if(parser, token):
    """Parsed as Django's ``{% cache %}``: expire time, fragment name, vary-on values."""
    nodelist = parser.parse(("endpagecache_if",))
    parser.delete_first_token()
    tokens = token.split_contents()
    if len(tokens) < 3:
        raise TemplateSyntaxError(f"{tokens[0]!r} tag requires at least 2 arguments.")
    return PageCacheIfNode(
        nodelist,
        parser.compile_filter(tokens[1]),
        tokens[2],  # fragment name, not resolved
        [parser.compile_filter(token) for token in tokens[3:]],
        None,  # the default (or "template_fragments") cache, as {% wagtailpagecache %}
    )
