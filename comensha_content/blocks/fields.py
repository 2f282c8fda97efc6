"""Leaf blocks, validators and constants shared by every block family.

Text leaves are Wagtail's CharBlock / TextBlock / RichTextBlock (or thin subclasses of them), so
wagtail-localize offers them to translators. Codes, anchors, URLs, numbers, years and choices
are other field blocks, which wagtail-localize keeps in sync across languages (URLs may be
overridden per language by a translator).
"""

import re
from urllib.parse import urlsplit

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, MinValueValidator, RegexValidator, URLValidator
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from comensha_content.blocks.paths import stable_paths
from comensha_content.blocks.stored import TolerantStoredValueMixin
from comensha_content.core.representation import (
    rich_text_format_from_context,
    rich_text_representation,
)

#: Rich text of running text: emphasis, links (also "#fn-<code>" footnote anchors) and lists.
PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul"]
#: Rich text of short quoted or inline text: emphasis and links, no lists.
INLINE_FEATURES = ["bold", "italic", "link"]

#: Groups of the block picker.
GROUP_TEXT = _("Text")
GROUP_PEOPLE = _("People")
GROUP_FACTS = _("Facts and sources")
GROUP_MEDIA = _("Media")
GROUP_SAFETY = _("Safety")
GROUP_NAVIGATION = _("Navigation")

#: Template of every block's preview in the admin block picker (loads the blocks' CSS and JS).
PREVIEW_TEMPLATE = "comensha_content/blocks/preview.html"

WEB_SCHEMES = ("https", "http")
LINK_SCHEMES = ("https", "http", "mailto")
EMBED_SCHEMES = ("https",)

EARLIEST_YEAR = 1800


#: Never part of a valid URL (RFC 3986); in HTML or a front end they can end an attribute.
UNSAFE_URL_CHARACTERS = re.compile(r'[\x00-\x20\x7f<>"`]')


@deconstructible(path="comensha_content.blocks.SafeURLValidator")
class SafeURLValidator:
    """Accept only absolute URLs with one of ``schemes``: never javascript:, data: or vbscript:."""

    def __init__(self, schemes, message):
        self.schemes = tuple(schemes)
        self.message = message

    def __call__(self, value):
        try:
            scheme = urlsplit(value).scheme.lower()
        except ValueError:  # e.g. "http://[::1": an unclosed IPv6 host
            raise ValidationError(self.message, code="url_scheme") from None
        if scheme not in self.schemes:
            raise ValidationError(self.message, code="url_scheme")
        if UNSAFE_URL_CHARACTERS.search(value):
            raise ValidationError(
                _("A web address cannot contain spaces, quotes or < and >."), code="url_characters"
            )
        if scheme == "mailto":
            address = value.split(":", 1)[1].split("?", 1)[0]
            EmailValidator(message=_("Enter a valid email address after mailto:."))(address)
        else:
            URLValidator(
                schemes=[s for s in self.schemes if s != "mailto"],
                message=_("Enter a complete web address, such as https://www.comensha.nl/."),
            )(value)

    def __eq__(self, other):
        return (
            isinstance(other, SafeURLValidator)
            and self.schemes == other.schemes
            and self.message == other.message
        )


class UnsafeStoredURL(str):
    """A stored URL that is not allowed: a template renders it as nothing (``__html__``)."""

    def __html__(self):
        return ""


def output_url(url):
    """``url`` for output (API, links built in code): empty when it is an UnsafeStoredURL."""
    return "" if isinstance(url, UnsafeStoredURL) else url


class SafeURLBlock(TolerantStoredValueMixin, blocks.URLBlock):
    """A URLBlock restricted to ``schemes``, with a message saying what is allowed.

    Subclasses set ``schemes`` and ``scheme_message``. Being a URLBlock, wagtail-localize keeps
    the value in sync across languages (a translator may override it).
    """

    schemes = WEB_SCHEMES
    scheme_message = _(
        "Enter a web address that starts with https:// or http://. Other kinds of links, "
        "such as javascript:, are not allowed."
    )

    def __init__(
        self,
        required=True,
        help_text=None,
        max_length=None,
        min_length=None,
        validators=(),
        **kwargs,
    ):
        super().__init__(required=required, help_text=help_text, **kwargs)
        self.field = forms.CharField(
            required=required,
            help_text=help_text,
            max_length=max_length,
            min_length=min_length,
            validators=[SafeURLValidator(self.schemes, self.scheme_message), *validators],
            widget=forms.URLInput,
        )

    def to_python(self, value):
        """A stored address that is not allowed (javascript:, data:, ...) is read as an
        ``UnsafeStoredURL``: ``clean`` still reports it, saving keeps it, it is never output.

        Editors cannot enter one, but an import or an older definition may have stored one.
        """
        value = super().to_python(value)
        if value and not isinstance(value, UnsafeStoredURL):
            try:
                SafeURLValidator(self.schemes, self.scheme_message)(value)
            except ValidationError:
                return UnsafeStoredURL(value)
        return value

    def get_api_representation(self, value, context=None):
        return "" if isinstance(value, UnsafeStoredURL) else value


class WebURLBlock(SafeURLBlock):
    """A web address: http or https only."""


class LinkURLBlock(SafeURLBlock):
    """A link target: a web address or a mailto: link."""

    schemes = LINK_SCHEMES
    scheme_message = _(
        "Enter a web address that starts with https:// or http://, or an email link that "
        "starts with mailto:. Other kinds of links, such as javascript:, are not allowed."
    )


class EmbedURLBlock(SafeURLBlock):
    """The address of a video or audio player on another site: https only."""

    schemes = EMBED_SCHEMES
    scheme_message = _(
        "Enter the player's address as given by the video or audio site; it must start "
        "with https://."
    )


class SoftLimitTextarea(forms.Textarea):
    """A textarea that counts characters and warns past ``soft_limit`` without blocking a save.

    The texts are data attributes, translated when the form is rendered, so the script
    (soft-limit.js) needs no catalog of its own.
    """

    def __init__(self, soft_limit, attrs=None):
        self.soft_limit = soft_limit
        super().__init__({"rows": 2, "data-controller": "w-autosize", **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"].update(
            {
                "class": "w-field__autosize",
                "data-cc-soft-limit": str(self.soft_limit),
                "data-cc-soft-limit-count": _("%(count)s of %(limit)s characters"),
                "data-cc-soft-limit-warning": _(
                    "Longer than %(limit)s characters: a short quote is read, a long one is "
                    "skipped. Consider shortening it; you can still save."
                ),
            }
        )
        return context

    class Media:
        js = ["comensha_content/blocks/soft-limit.js"]


class SoftLimitTextBlock(TolerantStoredValueMixin, blocks.TextBlock):
    """A TextBlock with a character count that warns past ``soft_limit`` (never refuses)."""

    def __init__(self, soft_limit, **kwargs):
        self.soft_limit = soft_limit
        super().__init__(**kwargs)

    @cached_property
    def field(self):
        return forms.CharField(widget=SoftLimitTextarea(self.soft_limit), **self.field_options)


class RequiredCharBlock(TolerantStoredValueMixin, blocks.CharBlock):
    """A required CharBlock whose error says what is missing (whitespace alone counts as empty)."""

    def __init__(self, required_message=None, **kwargs):
        kwargs.pop("required", None)
        super().__init__(required=True, **kwargs)
        if required_message:
            self.field.error_messages["required"] = required_message


def validate_not_future_year(value):
    current_year = timezone.localdate().year
    if value is not None and value > current_year:
        raise ValidationError(
            _("The year %(year)s is in the future. Enter a year up to %(current_year)s."),
            code="future_year",
            params={"year": value, "current_year": current_year},
        )


class YearBlock(TolerantStoredValueMixin, blocks.IntegerBlock):
    """A year of publication or measurement: not before 1800, not in the future."""

    def __init__(self, required=False, help_text=None, **kwargs):
        super().__init__(
            required=required,
            help_text=help_text,
            validators=[
                MinValueValidator(
                    EARLIEST_YEAR,
                    message=_("Enter a year from %(limit_value)s on."),
                ),
                validate_not_future_year,
            ],
            **kwargs,
        )

    class Meta:
        icon = "date"


anchor_validator = RegexValidator(
    r"^[-\w]+\Z",
    _("Use letters, digits, hyphens and underscores only, without spaces, e.g. 'how-it-began'."),
    code="invalid_anchor",
)


class AnchorBlock(TolerantStoredValueMixin, blocks.FieldBlock):
    """An HTML id for links to a part of a page (``#how-it-began``), or a code that makes one.

    Not a CharBlock on purpose: wagtail-localize keeps it the same in every language, so a link
    to ``/en/story/#how-it-began`` keeps working when the story is translated.
    """

    def __init__(
        self, required=False, help_text=None, max_length=80, validator=anchor_validator, **kwargs
    ):
        self.field = forms.CharField(
            required=required,
            help_text=help_text,
            max_length=max_length,
            validators=[validator],
        )
        super().__init__(**kwargs)

    class Meta:
        icon = "link"


def slug_anchor(text, fallback="section"):
    """An anchor made from a heading: a Unicode slug, so non-Latin headings keep their words."""
    return slugify(text or "", allow_unicode=True) or fallback


class LimitedRichTextBlock(TolerantStoredValueMixin, blocks.RichTextBlock):
    """Rich text with a limited feature list (default PARAGRAPH_FEATURES).

    Its API output follows ``rich_text_representation``: WAGTAILAPI_RICH_TEXT_FORMAT or the
    format the API caller asked for (on Wagtail 7.4 and 8 alike).
    """

    def __init__(self, features=None, required_message=None, **kwargs):
        self.required_message = required_message
        super().__init__(features=list(features or PARAGRAPH_FEATURES), **kwargs)

    @cached_property
    def field(self):
        field = super().field
        if self.required_message:
            field.error_messages["required"] = self.required_message
        return field

    def get_api_representation(self, value, context=None):
        return rich_text_representation(value, rich_text_format_from_context(context))


DECONSTRUCT_ALIASES = stable_paths(__name__, "comensha_content.blocks")
