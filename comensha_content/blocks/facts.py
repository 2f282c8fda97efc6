"""Facts with their sources, and timelines.

Numbers are stored as numbers and formatted for the reader's language when shown (5.000–7.500
in Dutch, 5,000–7,500 in English); the API gives the raw numbers plus that ``display`` text.
Editors type them in Dutch or English notation; ``numbers.parse_number`` refuses what could be
read two ways ("1.500").
"""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from comensha_content.blocks.fields import (
    GROUP_FACTS,
    INLINE_FEATURES,
    PREVIEW_TEMPLATE,
    LimitedRichTextBlock,
    RequiredCharBlock,
    WebURLBlock,
    YearBlock,
)
from comensha_content.blocks.numbers import TypedNumberBlock
from comensha_content.blocks.paths import stable_paths
from comensha_content.blocks.stored import TolerantStoredValueMixin
from comensha_content.blocks.struct import ContentStructBlock

#: Between the ends of a range (an en dash, no spaces), as in "5.000–7.500".
RANGE_SEPARATOR = "\u2013"


def plain_number(value):
    """A whole Decimal as int, any other without trailing zeros (5000.00 -> 5000, 1.50 -> 1.5).

    None for no value, and for stored text that is no number ("veel", see TypedNumberBlock).
    """
    if value is None:
        return None
    try:
        value = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return None
    if not value.is_finite():
        return None
    if value == value.to_integral_value():
        return int(value)
    return value.normalize()


def format_number(value):
    """The number written the way the active language writes it, with thousands grouped."""
    number = plain_number(value)
    if number is None:
        return ""
    return formats.number_format(number, force_grouping=True)


def json_number(value):
    """The number for JSON: int when whole, else float."""
    number = plain_number(value)
    return float(number) if isinstance(number, Decimal) else number


class FactValue(blocks.StructValue):
    @property
    def value_display(self):
        return format_number(self.get("value"))

    @property
    def maximum_display(self):
        return format_number(self.get("maximum"))

    @property
    def display(self):
        """ "5.000–7.500" (range) or "791" (single number), in the active language."""
        if self.get("maximum") is None:
            return self.value_display
        return f"{self.value_display}{RANGE_SEPARATOR}{self.maximum_display}"

    @property
    def year_display(self):
        # A year is never written with a thousands separator.
        return str(self["year"]) if self.get("year") else ""


FACT_PREVIEW = {
    "value": Decimal("5000"),
    "maximum": Decimal("7500"),
    "unit": "",
    "label": _("estimated victims of human trafficking a year"),
    "source_title": "Nationaal Rapporteur Mensenhandel",
    "source_url": "https://www.nationaalrapporteur.nl/",
    "year": None,
}


class FactBlock(ContentStructBlock):
    """A number with what it counts and its source, e.g. "5.000–7.500 victims a year"."""

    value = TypedNumberBlock(
        label=_("Number"),
        max_digits=15,
        decimal_places=3,
        help_text=_(
            "The number, or the lower end of a range, e.g. 5000, 2.500.000 or 12,5. "
            "Type thousands without a separator: 5000, not 5.000 (which could also be 5,0)."
        ),
    )
    maximum = TypedNumberBlock(
        label=_("Upper end of range"),
        required=False,
        max_digits=15,
        decimal_places=3,
        help_text=_("Only for a range such as 5000 to 7500."),
    )
    unit = blocks.CharBlock(
        label=_("Unit"), required=False, max_length=40, help_text=_("E.g. '%' or 'euro'.")
    )
    label = RequiredCharBlock(
        label=_("What it counts"),
        max_length=250,
        help_text=_("E.g. 'victims of human trafficking a year (estimate)'."),
        required_message=_("Say what the number counts, e.g. 'victims a year'."),
    )
    source_title = RequiredCharBlock(
        label=_("Source"),
        max_length=250,
        help_text=_("E.g. 'Nationaal Rapporteur Mensenhandel'."),
        required_message=_("Name the source of this fact."),
    )
    source_url = WebURLBlock(label=_("Web address of the source"), required=False)
    year = YearBlock(label=_("Year"), help_text=_("The year the number is about or was published."))

    class Meta:
        icon = "decimal"
        label = _("Fact")
        group = GROUP_FACTS
        template = "comensha_content/blocks/fact.html"
        preview_template = PREVIEW_TEMPLATE
        description = _(
            "A number with what it counts and its source, such as 5,000–7,500 victims a year."
        )
        preview_value = FACT_PREVIEW
        value_class = FactValue

    def field_errors(self, value):
        errors = {}
        minimum, maximum = value.get("value"), value.get("maximum")
        if minimum is not None and maximum is not None and maximum <= minimum:
            errors["maximum"] = ValidationError(
                _(
                    "The upper end (%(maximum)s) must be larger than the number (%(minimum)s). "
                    "Leave it empty for a single number."
                ),
                code="range_order",
                params={"maximum": plain_number(maximum), "minimum": plain_number(minimum)},
            )
        return errors

    def get_api_representation(self, value, context=None):
        data = super().get_api_representation(self.api_value(value), context)
        # JSON numbers (int when whole), not the DecimalBlocks' Decimals
        data["value"] = json_number(data["value"])
        data["maximum"] = json_number(data["maximum"])
        data["display"] = value.display
        # The source's fields are given together, under "source"
        data["source"] = {
            "title": data.pop("source_title"),
            "url": data.pop("source_url"),
            "year": data.pop("year"),
        }
        return data


class FactsBlock(TolerantStoredValueMixin, blocks.ListBlock):
    """Highlighted facts, e.g. on an index page."""

    def __init__(self, **kwargs):
        super().__init__(FactBlock(), **kwargs)

    class Meta:
        icon = "decimal"
        label = _("Facts")
        group = GROUP_FACTS
        template = "comensha_content/blocks/facts.html"
        preview_template = PREVIEW_TEMPLATE
        description = _("A row of highlighted facts, each with its source.")
        preview_value = [FACT_PREVIEW]


class TimelineItemValue(blocks.StructValue):
    @property
    def display_date(self):
        """The editor's description ("Spring 2019") or the date in the active language."""
        if self.get("date_label"):
            return self["date_label"]
        if self.get("date"):
            return formats.date_format(self["date"], "DATE_FORMAT")
        return ""

    @property
    def iso_date(self):
        return self["date"].isoformat() if self.get("date") else ""


class TimelineItemBlock(ContentStructBlock):
    """One moment on a timeline: a date (or a description of when), a title and text."""

    date = blocks.DateBlock(label=_("Date"), required=False)
    date_label = blocks.CharBlock(
        label=_("When"),
        required=False,
        max_length=100,
        help_text=_("E.g. 'Spring 2019'. Shown instead of the date."),
    )
    title = RequiredCharBlock(
        label=_("Title"), max_length=200, required_message=_("Give this moment a title.")
    )
    text = LimitedRichTextBlock(label=_("Text"), required=False, features=INLINE_FEATURES)

    class Meta:
        icon = "date"
        label = _("Moment")
        template = "comensha_content/blocks/timeline_item.html"
        value_class = TimelineItemValue

    def field_errors(self, value):
        if self.is_saving_draft or value.get("date") or value.get("date_label"):
            return {}
        return {
            "date": ValidationError(
                _("Give a date, or describe when it happened under 'When'."), code="no_date"
            )
        }

    def get_api_representation(self, value, context=None):
        data = super().get_api_representation(self.api_value(value), context)
        # An ISO date string, not the DateBlock's date
        data["date"] = value.iso_date or None
        data["display_date"] = value.display_date
        return data


class TimelineBlock(TolerantStoredValueMixin, blocks.ListBlock):
    """Moments in order, e.g. the steps from recruitment to getting out."""

    def __init__(self, **kwargs):
        super().__init__(TimelineItemBlock(), **kwargs)

    class Meta:
        min_num = 1
        icon = "calendar-alt"
        label = _("Timeline")
        group = GROUP_FACTS
        template = "comensha_content/blocks/timeline.html"
        preview_template = PREVIEW_TEMPLATE
        description = _("Moments in time order, each with a date, a title and a short text.")
        preview_value = [
            {
                "date": None,
                "date_label": _("Spring 2019"),
                "title": _("Recruited with a job offer"),
                "text": "",
            },
            {
                "date": None,
                "date_label": _("Summer 2020"),
                "title": _("Reported to CoMensha"),
                "text": "",
            },
        ]


DECONSTRUCT_ALIASES = stable_paths(__name__, "comensha_content.blocks")
