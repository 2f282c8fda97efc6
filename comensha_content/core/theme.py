"""The site's look without forking templates: logo and brand colour as a site setting.

Everything else a site may want to change (fonts, sizes, further colours) is a CSS custom
property in comensha_content/core/comensha_content.css (docs/theming.md). The brand colour
carries white text on buttons and is the colour of links on white, so it must reach WCAG 2.2
AA contrast (4.5:1) against white: the form refuses a colour that does not, instead of letting
an editor publish unreadable links.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.images import get_image_model_string

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
#: WCAG 2.2 AA for normal text (1.4.3).
MINIMUM_CONTRAST = 4.5
WHITE_LUMINANCE = 1.0


def relative_luminance(hex_colour):
    """WCAG's relative luminance of a ``#rrggbb`` colour."""

    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(hex_colour[index : index + 2], 16) for index in (1, 3, 5))
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast_with_white(hex_colour):
    """The contrast ratio of ``hex_colour`` against white, e.g. 9.6 for #8a1538."""
    return (WHITE_LUMINANCE + 0.05) / (relative_luminance(hex_colour) + 0.05)


def validate_brand_colour(value):
    if not HEX_COLOUR.match(value or ""):
        raise ValidationError(
            _("Enter a colour as # followed by six hexadecimal digits, for example #8a1538."),
            code="invalid",
        )
    ratio = contrast_with_white(value)
    if ratio < MINIMUM_CONTRAST:
        raise ValidationError(
            _(
                "This colour is too light: its contrast with white is %(ratio)s:1, and links "
                "and buttons need at least 4.5:1 to be readable. Choose a darker colour."
            ),
            code="contrast",
            params={"ratio": number_format(ratio, 1)},
        )


@register_setting(icon="image")
class ThemeSettings(BaseSiteSetting):
    """Per site: the logo in the header and the brand colour of links, buttons and accents."""

    logo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown in the header of every page, next to nothing else: the site's name is its "
            "text alternative. Leave empty to show the site's name in text."
        ),
    )
    brand_colour = models.CharField(
        _("brand colour"),
        max_length=7,
        blank=True,
        validators=[validate_brand_colour],
        help_text=_(
            "Colour of links, buttons and accents, as #rrggbb. It must contrast at least "
            "4.5:1 with white. Leave empty for the default dark red (#8a1538)."
        ),
    )

    panels = [FieldPanel("logo"), FieldPanel("brand_colour")]

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
