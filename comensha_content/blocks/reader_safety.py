"""Keeping readers safe: helplines to call and content warnings before distressing passages."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from comensha_content.blocks.choosers import SnippetChooserBlock
from comensha_content.blocks.fields import GROUP_SAFETY, PREVIEW_TEMPLATE, RequiredCharBlock
from comensha_content.blocks.media import ImageBlock
from comensha_content.blocks.navigation import AnchoredStreamBlock
from comensha_content.blocks.paths import stable_paths
from comensha_content.blocks.people import TestimonyBlock
from comensha_content.blocks.struct import ContentStructBlock
from comensha_content.blocks.text import ParagraphBlock, PullQuoteBlock
from comensha_content.core.locales import fallback_language, localized_instance
from comensha_content.core.representation import snippet_representation

HELPLINE_MODEL = "comensha_content.Helpline"


def tel_href(number):
    """A tel: link for a phone number as written ("+31 70 333 44 44" -> "tel:+31703334444")."""
    number = (number or "").strip()
    digits = "".join(ch for ch in number if ch.isdigit())
    if not digits:
        return ""
    return f"tel:{'+' if number.startswith('+') else ''}{digits}"


class HelplineValue(blocks.StructValue):
    def localized_helplines(self):
        """``[(helpline in the active language, is_fallback)]``, skipping deleted ones."""
        return [
            localized_instance(helpline)
            for helpline in self.get("helplines") or ()
            if helpline is not None
        ]

    @property
    def entries(self):
        """What the template shows per helpline, with tel: links and the fallback's language."""
        entries = []
        for helpline, is_fallback in self.localized_helplines():
            locale = helpline.locale.language_code
            entries.append(
                {
                    "helpline": helpline,
                    "phone_href": tel_href(helpline.phone_number),
                    "phone_abroad_href": tel_href(helpline.phone_number_abroad),
                    "lang": locale if is_fallback else "",
                    "fallback_language": fallback_language(
                        {"locale": locale, "is_fallback": is_fallback}
                    ),
                }
            )
        return entries


class HelplineBlock(ContentStructBlock):
    """Helplines to call or write to, e.g. after a story about exploitation."""

    heading = RequiredCharBlock(
        label=_("Heading"),
        max_length=150,
        default=_("Need help or want to report something?"),
        required_message=_("Give the helplines a heading, e.g. 'Need help?'."),
    )
    helplines = blocks.ListBlock(
        SnippetChooserBlock(HELPLINE_MODEL, label=_("Helpline")),
        label=_("Helplines"),
        min_num=1,
    )

    class Meta:
        icon = "mobile-alt"
        label = _("Helplines")
        group = GROUP_SAFETY
        template = "comensha_content/blocks/helpline.html"
        preview_template = PREVIEW_TEMPLATE
        description = _(
            "Helplines with phone numbers to tap, opening hours and whether callers can stay "
            "anonymous, in the reader's language."
        )
        value_class = HelplineValue

        @staticmethod
        def preview_value():
            from django.apps import apps
            from wagtail.models import Locale

            helpline_model = apps.get_model(HELPLINE_MODEL)
            return {
                "heading": _("Need help or want to report something?"),
                "helplines": list(helpline_model.objects.filter(locale=Locale.get_active())[:3]),
            }

    dom_id_prefix = "cc-helplines"

    def get_api_representation(self, value, context=None):
        # The helplines are represented below from the snippets (also when missing or None)
        data = super().get_api_representation(self.api_value({**value, "helplines": ()}), context)
        helplines = []
        for helpline in value.get("helplines") or ():
            if helpline is None:
                continue
            representation = snippet_representation(helpline)
            helplines.append(
                {
                    **representation,
                    "phone_href": tel_href(representation.get("phone_number")),
                    "phone_abroad_href": tel_href(representation.get("phone_number_abroad")),
                }
            )
        # The helplines' details with tel: links, not the chooser's ids; deleted ones left out
        data["helplines"] = helplines
        return data


class ContentWarningBodyBlock(AnchoredStreamBlock):
    """What a content warning hides: text, quotes, testimonies and images only."""

    paragraph = ParagraphBlock()
    pull_quote = PullQuoteBlock()
    testimony = TestimonyBlock()
    image = ImageBlock()


class ContentWarningValue(blocks.StructValue):
    @property
    def warning(self):
        """ "Content warning: <topic>", as the reader sees it before choosing to read on."""
        return gettext("Content warning: %(topic)s") % {"topic": self.get("topic", "")}


class ContentWarningBlock(ContentStructBlock):
    """A passage behind a content warning: the reader chooses to show it (without JS it shows)."""

    topic = RequiredCharBlock(
        label=_("Topic"),
        max_length=150,
        help_text=_("Clear but not graphic, e.g. 'sexual violence'."),
        required_message=_("Name the topic readers are warned about, e.g. 'sexual violence'."),
    )
    # Not "Content": in Dutch that is "Inhoud", the reader's table of contents
    body = ContentWarningBodyBlock(label=_("Passage behind the warning"))

    class Meta:
        icon = "warning"
        label = _("Content warning")
        group = GROUP_SAFETY
        template = "comensha_content/blocks/content_warning.html"
        preview_template = PREVIEW_TEMPLATE
        description = _(
            "Hides a distressing passage behind a warning; the reader chooses to show it."
        )
        preview_value = {
            "topic": _("violence"),
            "body": [("paragraph", _("<p>Example: the passage the warning is about.</p>"))],
        }
        value_class = ContentWarningValue

    dom_id_prefix = "cc-warning"

    def get_api_representation(self, value, context=None):
        data = super().get_api_representation(self.api_value(value), context)
        data["warning"] = value.warning
        return data


DECONSTRUCT_ALIASES = stable_paths(__name__, "comensha_content.blocks")
