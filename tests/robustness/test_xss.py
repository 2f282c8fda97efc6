"""Nothing an editor or an import puts into a text, rich-text or URL field becomes executable.

An XSS corpus goes into every such field of every block of the package (found by
introspection) and of a published story page; the rendered HTML is parsed and must hold no
<script>, no on* attribute and no javascript:/vbscript:/data: address; API output must hold no
such HTML either. Rich text enters as an editor's Draftail content (Wagtail converts it to its
database format with a whitelist) and, for the text corpus, as stored database HTML text.
"""

import json
import re

import pytest
from bs4 import BeautifulSoup
from django.template import Context, Template
from wagtail import blocks
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from comensha_content.models import LongreadPage
from tests.robustness.test_robust_blocks import BLOCKS

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.filterwarnings("ignore::bs4.MarkupResemblesLocatorWarning"),
]

#: Text payloads: markup, event handlers, SVG, broken HTML, entity and case obfuscation.
TEXT_PAYLOADS = [
    "<script>alert('xss-1')</script>",
    "<ScRiPt>alert('xss-2')</ScRiPt>",
    "<img src=x onerror=alert('xss-3')>",
    '"><img src=x onerror=alert(4)>',
    "'><svg onload=alert(5)>",
    "<svg><script>alert(6)</script></svg>",
    '<svg><a xlink:href="javascript:alert(7)"><text>x</text></a></svg>',
    "<iframe src=javascript:alert(8)></iframe>",
    '<a href="javascript:alert(9)">click</a>',
    "<body onload=alert(10)>",
    "<p>unclosed <b>bold <i onmouseover=alert(11)>",
    "<<script>alert(12)//<</script>",
    '<math><mtext><table><mglyph><style><img src=x onerror="alert(13)">',
    "&lt;script&gt;alert(14)&lt;/script&gt;",
    '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxNSk8L3NjcmlwdD4="></object>',
    '<div style="background:url(javascript:alert(16))">x</div>',
    "{{ 7|add:7 }}{% now 'Y' %}",
    "</textarea><script>alert(17)</script>",
]

#: URL payloads: dangerous schemes, obfuscated by case, whitespace, control characters and
#: entities; all must be refused by ``clean`` and never reach an href or src.
URL_PAYLOADS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(2)",
    " javascript:alert(3)",
    "java\tscript:alert(4)",
    "java\nscript:alert(5)",
    "\x01javascript:alert(6)",
    "javascript&colon;alert(7)",
    "&#106;avascript:alert(8)",
    "&#x6A;avascript:alert(9)",
    "vbscript:msgbox(10)",
    "VBSCRIPT:msgbox(11)",
    "data:text/html,<script>alert(12)</script>",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxMyk8L3NjcmlwdD4=",
    "data:image/svg+xml,<svg onload=alert(14)>",
    'https://example.org/" onmouseover="alert(15)',
    "https://example.org/'><script>alert(16)</script>",
    "//evil.example/%0a%0djavascript:alert(17)",
]

DANGEROUS_SCHEME = re.compile(r"^(javascript|vbscript|data):", re.IGNORECASE)
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset"}
URL_DATA_ATTRIBUTES = {"data-embed-url"}  # read by our JS to build an iframe


def normalised_url(value):
    """A URL as a browser reads it (entities are decoded by the parser already): whitespace
    and control characters gone."""
    return re.sub(r"[\x00-\x20\x7f]+", "", value)


def executable_parts(markup):
    """Descriptions of what in ``markup`` a browser would execute; empty when it is safe."""
    found = []
    for tag in BeautifulSoup(str(markup), "html.parser").find_all(True):
        if tag.name in ("script", "iframe", "object", "embed"):
            found.append(f"<{tag.name}>")
        if tag.name == "meta" and str(tag.get("http-equiv", "")).lower() == "refresh":
            found.append("<meta refresh>")
        for attribute, value in tag.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            if attribute.lower().startswith("on"):
                found.append(f"{tag.name}[{attribute}]")
            elif attribute.lower() in URL_ATTRIBUTES | URL_DATA_ATTRIBUTES and (
                DANGEROUS_SCHEME.match(normalised_url(text))
            ):
                found.append(f"{tag.name}[{attribute}={text[:30]}]")
            elif attribute.lower() == "style" and "javascript:" in normalised_url(text).lower():
                found.append(f"{tag.name}[style]")
    return found


def api_strings(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from api_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from api_strings(item)
    elif isinstance(value, str):
        yield value


def editor_rich_text(text, url):
    """Database HTML of what Draftail sends for ``text`` linked to ``url`` (Wagtail's path)."""
    contentstate = {
        "blocks": [
            {
                "key": "a1b2c",
                "type": "unstyled",
                "text": text,
                "depth": 0,
                "inlineStyleRanges": [{"offset": 0, "length": 3, "style": "BOLD"}],
                "entityRanges": [{"offset": 0, "length": min(len(text), 5), "key": 0}],
            }
        ],
        "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}},
    }
    converter = ContentstateConverter(["bold", "italic", "link", "ol", "ul"])
    return converter.to_database_format(json.dumps(contentstate))


def filled(block, text, url, plain=None):
    """A stored value of ``block`` with every rich text and text leaf ``text`` (text leaves
    ``plain`` when given) and every URL leaf ``url``."""
    if isinstance(block, blocks.StructBlock):
        return {name: filled(child, text, url, plain) for name, child in block.child_blocks.items()}
    if isinstance(block, blocks.StreamBlock):
        return [
            {"type": name, "value": filled(child, text, url, plain)}
            for name, child in block.child_blocks.items()
        ]
    if isinstance(block, blocks.ListBlock):
        return [filled(block.child_block, text, url, plain)]
    if isinstance(block, blocks.URLBlock):
        return url
    if isinstance(block, blocks.RichTextBlock):
        return editor_rich_text(text, url)
    if isinstance(block, (blocks.CharBlock, blocks.TextBlock, blocks.RegexBlock)):
        return text if plain is None else plain
    if isinstance(block, blocks.FieldBlock) and not isinstance(
        block, (blocks.ChooserBlock, blocks.PageChooserBlock, blocks.ChoiceBlock)
    ):
        return text if plain is None else plain
    return None


def render_in_page(block, value, request):
    """The block as a page template renders it: ``{% include_block %}`` (which escapes leaves)."""
    template = Template("{% load wagtailcore_tags %}{% include_block value %}")
    return template.render(Context({"value": block.bind(value), "request": request}))


def payload_pairs():
    """Each text payload with a URL payload (both lists are cycled through completely)."""
    count = max(len(TEXT_PAYLOADS), len(URL_PAYLOADS))
    return [
        (TEXT_PAYLOADS[i % len(TEXT_PAYLOADS)], URL_PAYLOADS[i % len(URL_PAYLOADS)])
        for i in range(count)
    ]


@pytest.mark.parametrize("name", sorted(BLOCKS))
def test_block_renders_no_executable_html(name, api_request):
    block = BLOCKS[name]
    for text, url in payload_pairs():
        value = block.to_python(filled(block, text, url))
        rendered = render_in_page(block, value, api_request)
        assert executable_parts(rendered) == [], (text, url)
        # plain text is data in JSON (a front end escapes it): the payload goes into rich text
        value = block.to_python(filled(block, text, url, plain="Plain text"))
        representation = block.get_api_representation(value, context={"request": api_request})
        for string in api_strings(representation):
            assert executable_parts(string) == [], (text, url, string)
            assert not DANGEROUS_SCHEME.match(normalised_url(string)), (url, string)


@pytest.mark.parametrize("url", URL_PAYLOADS)
def test_url_fields_refuse_dangerous_addresses(url):
    from comensha_content.blocks import EmbedURLBlock, LinkURLBlock, WebURLBlock

    for block in (WebURLBlock(), LinkURLBlock(), EmbedURLBlock()):
        with pytest.raises(Exception) as caught:
            block.clean(url)
        assert type(caught.value).__name__ == "ValidationError"
        assert caught.value.messages


def test_a_story_full_of_payloads_renders_and_serves_nothing_executable(client, demo, settings):
    story = LongreadPage.objects.get(slug="lisa", locale__language_code="nl")
    body_block = story.body.stream_block
    count = 0
    for text, url in payload_pairs():
        story.title = f"Lisa {text}"
        story.search_description = text
        story.seo_title = text
        story.body = body_block.to_python(filled(body_block, text, url))
        story.save_revision().publish()
        count += 1
        pages = [story.url, "/longread/"]
        for path in pages:
            response = client.get(path)
            assert response.status_code == 200, path
            page_html = response.content.decode()
            # the page's own scripts are allowed; none may carry a payload
            assert [p for p in executable_parts(page_html) if p != "<script>"] == [], (path, text)
            for script in BeautifulSoup(page_html, "html.parser").find_all("script"):
                assert "alert(" not in script.text and "msgbox(" not in script.text, (path, text)
                assert not script.get("src") or script["src"].startswith("/static/"), path
        apis = [f"/api/v2/pages/{story.pk}/"]
        if settings.WAGTAIL_8:
            apis.append(f"/api/v3/pages/{story.pk}/")
        for path in apis:
            response = client.get(path)
            assert response.status_code == 200, path
            for string in api_strings(response.json()):
                # plain-text fields carry the payload as data; nothing else may be executable
                assert executable_parts(string.replace(text, "")) == [], (path, string)
    assert count == len(payload_pairs())
