"""A page's sources list, and footnote references to it.

Each source has an anchor ``fn-<code>``: the code an editor gives, else its number in the list
(``fn-1``, ``fn-2``, ...). To cite a source in running text, select the words or the number and
add a link of the kind "Anchor link" with ``fn-1`` (stored as ``<a href="#fn-1">``). Rich text
links keep their href in translation (wagtail-localize synchronises it), so the English story's
footnotes point at the same sources. Give a source a code when it may move in the list, so its
references do not change with its number.
"""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from comensha_content.blocks.fields import (
    GROUP_FACTS,
    PREVIEW_TEMPLATE,
    AnchorBlock,
    RequiredCharBlock,
    WebURLBlock,
    YearBlock,
)
from comensha_content.blocks.paths import stable_paths
from comensha_content.blocks.stored import TolerantStoredValueMixin
from comensha_content.blocks.struct import ContentStructBlock

ANCHOR_PREFIX = "fn-"

source_code_validator = RegexValidator(
    r"^[a-z0-9]+(?:-[a-z0-9]+)*\Z",
    _("Use lowercase letters, digits and hyphens only, e.g. 'rapporteur-2021'."),
    code="invalid_source_code",
)


def source_anchor(code):
    return f"{ANCHOR_PREFIX}{code}" if code else ""


class SourceValue(blocks.StructValue):
    @property
    def year_display(self):
        return str(self["year"]) if self.get("year") else ""

    @property
    def anchor(self):
        """``fn-<code>`` for a source with its own code; numbered ones get it from the list."""
        return source_anchor(self.get("code"))


SOURCE_PREVIEW = {
    "code": "",
    "title": _("Annual report on human trafficking"),
    "publisher": "Nationaal Rapporteur Mensenhandel",
    "url": "https://www.nationaalrapporteur.nl/",
    "year": None,
    "note": "",
}


class SourceBlock(ContentStructBlock):
    """One source: title, publisher, web address, year and a note."""

    code = AnchorBlock(
        max_length=50,
        validator=source_code_validator,
        icon="tag",
        label=_("Code"),
        help_text=_(
            "Optional. Footnote links point to #fn-<code>. Left empty, the source's number in "
            "the list is used (#fn-1, #fn-2, ...)."
        ),
    )
    title = RequiredCharBlock(
        label=_("Title"), max_length=300, required_message=_("Enter the title of the source.")
    )
    publisher = blocks.CharBlock(label=_("Publisher"), required=False, max_length=200)
    url = WebURLBlock(label=_("Web address"), required=False)
    year = YearBlock(label=_("Year"))
    note = blocks.TextBlock(label=_("Note"), required=False)

    class Meta:
        icon = "clipboard-list"
        label = _("Source")
        group = GROUP_FACTS
        template = "comensha_content/blocks/source.html"
        preview_template = PREVIEW_TEMPLATE
        description = _("A source with title, publisher, web address and year.")
        preview_value = SOURCE_PREVIEW
        value_class = SourceValue

    def get_api_representation(self, value, context=None):
        data = super().get_api_representation(self.api_value(value), context)
        data["anchor"] = value.anchor
        return data


def numbered_sources(sources):
    """``[(source, number, code)]``: code is the editor's, else the number as text."""
    return [
        (source, number, source.get("code") or str(number))
        for number, source in enumerate(sources or (), start=1)
    ]


class SourcesBlock(TolerantStoredValueMixin, blocks.ListBlock):
    """The page's numbered list of sources, each with the anchor footnote links point to."""

    def __init__(self, **kwargs):
        super().__init__(SourceBlock(), **kwargs)

    class Meta:
        icon = "clipboard-list"
        label = _("Sources")
        group = GROUP_FACTS
        template = "comensha_content/blocks/sources.html"
        preview_template = PREVIEW_TEMPLATE
        description = _("Numbered sources; link to one from the text with #fn-1, #fn-2, ...")
        preview_value = [SOURCE_PREVIEW]

    def clean(self, value):
        cleaned = super().clean(value)
        errors, first_with_code = {}, {}
        for index, (_source, number, code) in enumerate(numbered_sources(cleaned)):
            if code in first_with_code:
                errors[index] = StructBlockValidationError(
                    block_errors={
                        "code": ValidationError(
                            _(
                                "Source %(number)s already has the anchor fn-%(code)s. "
                                "Give this source another code."
                            ),
                            code="duplicate_source_code",
                            params={"number": first_with_code[code], "code": code},
                        )
                    }
                )
            else:
                first_with_code[code] = number
        if errors:
            raise ListBlockValidationError(block_errors=errors)
        return cleaned

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["sources"] = [
            (source, number, source_anchor(code))
            for source, number, code in numbered_sources(value)
        ]
        return context

    def get_api_representation(self, value, context=None):
        return [
            {
                **self.child_block.get_api_representation(source, context),
                "number": number,
                "code": code,
                "anchor": source_anchor(code),
            }
            for source, number, code in numbered_sources(value)
        ]


DECONSTRUCT_ALIASES = stable_paths(__name__, "comensha_content.blocks")
