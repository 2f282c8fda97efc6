"""People in a story: testimonies in their own words and professionals' perspectives.

Only what a reader may see is stored here: a shown (often changed) first name, never consent or
identity data, which live apart from public content.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from comensha_content.blocks.fields import (
    GROUP_PEOPLE,
    INLINE_FEATURES,
    PREVIEW_TEMPLATE,
    LimitedRichTextBlock,
    RequiredCharBlock,
)
from comensha_content.blocks.paths import stable_paths
from comensha_content.blocks.struct import ContentStructBlock
from comensha_content.taxonomy.models import Role

#: Marker after a changed name, and the one note that explains it: the same wording for a
#: testimony, a pull quote and a story's narrator (templates: shown_name.html, pseudonym_note.html).
PSEUDONYM_MARKER = "*"
PSEUDONYM_NOTE = _("Name changed to protect their identity")
PSEUDONYM_HELP = _('Shows an asterisk and "Name changed to protect their identity".')


def marked_name(name, is_pseudonym):
    """ "Sara*" for a changed name, "Sara" otherwise."""
    name = name or ""
    return f"{name}{PSEUDONYM_MARKER}" if name and is_pseudonym else name


def pseudonym_note(is_pseudonym):
    return str(PSEUDONYM_NOTE) if is_pseudonym else ""


class TestimonyValue(blocks.StructValue):
    @property
    def display_name(self):
        """The name as printed: with an asterisk when it is a pseudonym."""
        return marked_name(self.get("name", ""), self.get("is_pseudonym"))

    @property
    def pseudonym_note(self):
        return pseudonym_note(self.get("is_pseudonym"))

    @property
    def speaker_label(self):
        return str(dict(Role.Kind.choices).get(self.get("speaker"), ""))


class TestimonyBlock(ContentStructBlock):
    """Someone's experience in their own words, under a shown name (a pseudonym by default)."""

    name = RequiredCharBlock(
        label=_("Shown name"),
        max_length=100,
        help_text=_("The first name shown to readers, usually a changed name."),
        required_message=_("Enter the name shown with this testimony (usually a changed name)."),
    )
    is_pseudonym = blocks.BooleanBlock(
        label=_("The name is changed"),
        required=False,
        default=True,
        help_text=PSEUDONYM_HELP,
    )
    speaker = blocks.ChoiceBlock(
        label=_("Speaker"), choices=Role.Kind.choices, default=Role.Kind.VICTIM.value
    )
    text = LimitedRichTextBlock(
        label=_("Their words"),
        features=INLINE_FEATURES,
        help_text=_("What they said, in their own words."),
    )

    class Meta:
        icon = "comment"
        label = _("Testimony")
        group = GROUP_PEOPLE
        template = "comensha_content/blocks/testimony.html"
        # A shown name stays the same in a translation (editable): core.prefilled_translations
        prefilled_from_source = ("name",)
        preview_template = PREVIEW_TEMPLATE
        description = _(
            "Someone's experience in their own words. Changed names are marked with an asterisk."
        )
        preview_value = {
            "name": "Sam",
            "is_pseudonym": True,
            "speaker": Role.Kind.VICTIM.value,
            "text": _("<p>Example: here someone tells, in their own words, what happened.</p>"),
        }
        value_class = TestimonyValue

    def get_api_representation(self, value, context=None):
        data = super().get_api_representation(self.api_value(value), context)
        # Always a bool, also for a value without one
        data["is_pseudonym"] = bool(value.get("is_pseudonym"))
        data["display_name"] = value.display_name
        data["pseudonym_note"] = value.pseudonym_note
        data["speaker_label"] = value.speaker_label
        return data


class ProfessionalPerspectiveValue(blocks.StructValue):
    @property
    def byline(self):
        """ "Name, job title, organisation": what follows the domain in the box's heading."""
        return ", ".join(
            str(part)
            for part in (self.get("name"), self.get("job_title"), self.get("organisation"))
            if part
        )

    @property
    def heading(self):
        """ "DOMAIN: name, job title, organisation" (the domain is set in capitals by CSS)."""
        return f"{self.get('domain', '')}: {self.byline}"


class ProfessionalPerspectiveBlock(ContentStructBlock):
    """A professional's view inside a victim's story, in a box headed by their domain."""

    domain = RequiredCharBlock(
        label=_("Domain"),
        max_length=100,
        help_text=_("E.g. 'Enforcement', 'Care', 'Prosecution'. Shown in capitals."),
        required_message=_("Enter the professional's domain, e.g. 'Enforcement'."),
    )
    name = RequiredCharBlock(
        label=_("Name"),
        max_length=200,
        required_message=_("Enter the professional's name."),
    )
    job_title = RequiredCharBlock(
        label=_("Job title"),
        max_length=200,
        required_message=_("Enter the professional's job title, e.g. 'Labour inspector'."),
    )
    organisation = blocks.CharBlock(label=_("Organisation"), required=False, max_length=200)
    text = LimitedRichTextBlock(label=_("Text"))

    class Meta:
        # Names stay the same in a translation (editable): core.prefilled_translations
        prefilled_from_source = ("name", "organisation")
        icon = "user"
        label = _("Professional's perspective")
        group = GROUP_PEOPLE
        template = "comensha_content/blocks/perspective.html"
        preview_template = PREVIEW_TEMPLATE
        description = _('A box with a professional\'s view, headed "DOMAIN: name, job title".')
        preview_value = {
            "domain": _("Enforcement"),
            "name": _("Example name"),
            "job_title": _("Labour inspector"),
            "organisation": _("Netherlands Labour Authority"),
            "text": _("<p>Example: how an inspection revealed signs of labour exploitation.</p>"),
        }
        value_class = ProfessionalPerspectiveValue

    dom_id_prefix = "cc-perspective"

    def get_api_representation(self, value, context=None):
        data = super().get_api_representation(self.api_value(value), context)
        data["heading"] = value.heading
        return data


DECONSTRUCT_ALIASES = stable_paths(__name__, "comensha_content.blocks")
