"""BaselinePage: the content of a story in RichTextBlock, ImageChooserBlock and CharBlock only."""

from wagtail import blocks
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page


class BaselinePage(Page):
    body = StreamField(
        [
            ("heading", blocks.CharBlock()),
            ("text", blocks.RichTextBlock()),
            ("image", ImageChooserBlock()),
        ],
        use_json_field=True,
    )

    template = "baseline/baseline_page.html"
    api_fields = [APIField("body")]
