"""Blocks of the Kompas Aanpak Mensenhandel: legal basis, steps, risks with case law, examples.

Built on the shared block library (``ContentStructBlock``, ``WebURLBlock``,
``LimitedRichTextBlock``) so wagtail-localize translates their text and the API shapes match the
story blocks. An ECLI is a RegexBlock, which wagtail-localize copies unchanged: a court decision
has one identifier in every language.
"""

import re

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from comensha_content.blocks.fields import (
    PARAGRAPH_FEATURES,
    LimitedRichTextBlock,
    RequiredCharBlock,
    WebURLBlock,
    output_url,
)
from comensha_content.blocks.paths import stable_paths
from comensha_content.blocks.stored import TolerantStoredValueMixin
from comensha_content.blocks.struct import ContentStructBlock

GROUP_KOMPAS = _("Kompas")

#: Block picker previews load the Kompas styles as well as the story blocks' styles.
KOMPAS_PREVIEW_TEMPLATE = "comensha_content/kompas/block_preview.html"

#: European Case Law Identifier: ECLI:<country>:<court>:<year>:<ordinal>.
ECLI_PATTERN = r"^ECLI:[A-Z]{2}:[A-Z0-9]{1,7}:[0-9]{4}:[A-Z0-9.]{1,25}$"

#: Dutch decisions have a stable deep link at the judiciary's site.
DUTCH_ECLI_URL = "https://deeplink.rechtspraak.nl/uitspraak?id={ecli}"


class EcliBlock(TolerantStoredValueMixin, blocks.RegexBlock):
    """A European Case Law Identifier, normalised to upper case (ECLI:NL:RVS:2017:1317)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "error_messages",
            {
                "invalid": _(
                    "Enter a European Case Law Identifier such as ECLI:NL:RVS:2017:1317 "
                    "(ECLI, country, court, year and number, separated by colons)."
                )
            },
        )
        super().__init__(ECLI_PATTERN, *args, **kwargs)

    def clean(self, value):
        return super().clean(re.sub(r"\s+", "", value or "").upper())


def ecli_url(ecli):
    """The official page of a decision, where one is known for its country (NL)."""
    if ecli and ecli.startswith("ECLI:NL:"):
        return DUTCH_ECLI_URL.format(ecli=ecli)
    return ""


class LegalBasisValue(blocks.StructValue):
    @property
    def citation(self):
        """'Gemeentewet, art. 174' - the short form used on cards and in lists."""
        law, article = self.get("law"), self.get("article")
        if not article:
            return law
        return _("%(law)s, art. %(article)s") % {"law": law, "article": article}


class LegalBasisBlock(ContentStructBlock):
    """One legal basis of an instrument: the law, the article and a link to the official text."""

    law = RequiredCharBlock(
        label=_("Law or regulation"),
        max_length=255,
        help_text=_("E.g. 'Gemeentewet' or 'Wet Bibob'."),
        required_message=_("Name the law or regulation, e.g. 'Gemeentewet'."),
    )
    article = blocks.CharBlock(
        label=_("Article"),
        max_length=100,
        required=False,
        help_text=_("E.g. '174' or '3, first paragraph'. Leave empty for the law as a whole."),
    )
    url = WebURLBlock(
        label=_("Official text"),
        required=False,
        help_text=_("Link to the official text, e.g. on wetten.overheid.nl."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Legal basis")
        group = GROUP_KOMPAS
        description = _("A law or regulation with article and a link to the official text.")
        template = "comensha_content/kompas/legal_basis_block.html"
        preview_template = KOMPAS_PREVIEW_TEMPLATE
        value_class = LegalBasisValue
        preview_value = {
            "law": "Gemeentewet",
            "article": "174",
            "url": "https://wetten.overheid.nl/BWBR0005416",
        }

    def get_api_representation(self, value, context=None):
        data = super().get_api_representation(self.api_value(value), context)
        data["citation"] = str(value.citation)
        return data


class StepBlock(ContentStructBlock):
    """One step of an instrument's procedure; the stream's order is the order of the steps."""

    title = RequiredCharBlock(
        label=_("Step"),
        max_length=255,
        required_message=_("Say in a few words what happens in this step."),
    )
    description = LimitedRichTextBlock(label=_("Description"), required=False)
    responsible = blocks.CharBlock(
        label=_("Who"),
        max_length=255,
        required=False,
        help_text=_("Who takes this step, e.g. 'burgemeester' or 'RIEC'."),
    )

    class Meta:
        icon = "list-ol"
        label = _("Step")
        group = GROUP_KOMPAS
        description = _("One step of the procedure, in order.")
        template = "comensha_content/kompas/step_block.html"
        preview_template = KOMPAS_PREVIEW_TEMPLATE

        @staticmethod
        def preview_value():
            return {
                "title": str(_("Discuss the signals in the local triangle")),
                "description": str(
                    _("<p>Mayor, police and public prosecutor weigh the signals.</p>")
                ),
                "responsible": str(_("Mayor")),
            }


class CaseLawValue(blocks.StructValue):
    @property
    def link(self):
        """The given link, else the official page of a Dutch decision."""
        return output_url(self.get("url")) or ecli_url(self.get("ecli"))


class CaseLawBlock(ContentStructBlock):
    """A court decision referred to by its ECLI, with what it means for the instrument."""

    ecli = EcliBlock(label=_("ECLI"), help_text=_("E.g. ECLI:NL:RVS:2017:1317."))
    court = blocks.CharBlock(label=_("Court"), max_length=255, required=False)
    date = blocks.DateBlock(label=_("Date of the decision"), required=False)
    summary = RequiredCharBlock(
        label=_("What the court decided"),
        max_length=600,
        help_text=_("One or two sentences: what the decision means for this instrument."),
        required_message=_("Say in one or two sentences what the court decided."),
    )
    url = WebURLBlock(
        label=_("Link to the decision"),
        required=False,
        help_text=_("Leave empty for Dutch decisions: the link to rechtspraak.nl is made for you."),
    )

    class Meta:
        icon = "openquote"
        label = _("Case law")
        group = GROUP_KOMPAS
        description = _("A court decision (ECLI) and what it means for the instrument.")
        template = "comensha_content/kompas/case_law_block.html"
        preview_template = KOMPAS_PREVIEW_TEMPLATE
        value_class = CaseLawValue

        @staticmethod
        def preview_value():
            return {
                "ecli": "ECLI:NL:RVS:2017:1317",
                "court": str(_("Administrative Jurisdiction Division of the Council of State")),
                "summary": str(_("A closure on suspicion of human trafficking was quashed.")),
            }

    def get_api_representation(self, value, context=None):
        data = super().get_api_representation(self.api_value(value), context)
        decided = value.get("date")
        # An ISO date string, not the DateBlock's date
        data["date"] = decided.isoformat() if decided else None
        # The given link, else the official page of a Dutch decision
        data["url"] = value.link
        return data


class RiskBlock(ContentStructBlock):
    """A risk of using an instrument, with the case law that shows it."""

    title = RequiredCharBlock(
        label=_("Risk"),
        max_length=255,
        required_message=_("Name the risk in a few words."),
    )
    explanation = LimitedRichTextBlock(label=_("Explanation"), required=False)
    case_law = blocks.ListBlock(CaseLawBlock(), label=_("Case law"), min_num=0)

    class Meta:
        icon = "warning"
        label = _("Risk")
        group = GROUP_KOMPAS
        description = _("A risk of the instrument, with the case law that shows it.")
        template = "comensha_content/kompas/risk_block.html"
        preview_template = KOMPAS_PREVIEW_TEMPLATE

        @staticmethod
        def preview_value():
            return {
                "title": str(_("Insufficient grounds")),
                "explanation": str(_("<p>A closure must rest on facts that can be proven.</p>")),
                "case_law": [CaseLawBlock().meta.preview_value()],
            }


class PracticeExampleBlock(ContentStructBlock):
    """How a municipality used the instrument; invented examples are marked as example text."""

    title = RequiredCharBlock(
        label=_("Title"),
        max_length=255,
        required_message=_("Give the example a title."),
    )
    municipality = blocks.CharBlock(
        label=_("Municipality or region"), max_length=255, required=False
    )
    text = LimitedRichTextBlock(label=_("Text"), features=PARAGRAPH_FEATURES)
    illustrative = blocks.BooleanBlock(
        label=_("Example text"),
        required=False,
        help_text=_("Tick when the example is invented for illustration; readers see a label."),
    )

    class Meta:
        icon = "pick"
        label = _("Practice example")
        group = GROUP_KOMPAS
        description = _("How a municipality used the instrument.")
        template = "comensha_content/kompas/practice_example_block.html"
        preview_template = KOMPAS_PREVIEW_TEMPLATE

        @staticmethod
        def preview_value():
            return {
                "title": str(_("Checking together")),
                "municipality": str(_("Example municipality")),
                "text": str(
                    _("<p>Enforcement officers and police check licensed businesses together.</p>")
                ),
                "illustrative": True,
            }


DECONSTRUCT_ALIASES = stable_paths(__name__, "comensha_content.kompas.blocks")
