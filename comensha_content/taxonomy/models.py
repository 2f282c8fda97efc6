"""Translatable taxonomy snippets shared by the longread, the Kompas and the trackers.

Each term has a stable ``code`` (synchronised across languages, used in URLs, filters and the
API) and translated text. Default terms are seeded from gettext labels (see ``seeds.py``), so a
site gets them in its own default language.
"""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

code_validator = RegexValidator(
    r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
    _("Use lowercase letters, digits and hyphens only, e.g. 'labour-exploitation'."),
)


class TaxonomyTerm(TranslatableMixin, index.Indexed, models.Model):
    """Abstract base: a code, a name, a description and an order, translatable."""

    code = models.CharField(
        _("code"),
        max_length=64,
        validators=[code_validator],
        help_text=_(
            "Stable identifier used in web addresses, filters and the API. Not translated."
        ),
    )
    name = models.CharField(_("name"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("code"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]
    override_translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("code"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def get_api_representation(self):
        return {
            "id": self.pk,
            "code": self.code,
            "name": self.name,
            "locale": self.locale.language_code,
        }


class FormOfExploitation(TaxonomyTerm):
    """Verschijningsvorm: sexual, labour, criminal exploitation, forced organ removal."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("form of exploitation")
        verbose_name_plural = _("forms of exploitation")
        constraints = [
            models.UniqueConstraint(fields=["code", "locale"], name="unique_exploitation_code"),
        ]


class Role(TaxonomyTerm):
    """A role in a story or in the chain approach: a victim or a professional of some domain."""

    class Kind(models.TextChoices):
        VICTIM = "victim", _("Victim")
        PROFESSIONAL = "professional", _("Professional")

    kind = models.CharField(
        _("kind"), max_length=16, choices=Kind.choices, default=Kind.PROFESSIONAL
    )
    domain = models.CharField(
        _("domain"),
        max_length=100,
        blank=True,
        help_text=_("Domain shown above a professional's perspective, e.g. 'Enforcement'."),
    )

    panels = TaxonomyTerm.panels + [FieldPanel("kind"), FieldPanel("domain")]
    override_translatable_fields = TaxonomyTerm.override_translatable_fields + [
        SynchronizedField("kind"),
        TranslatableField("domain"),
    ]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.UniqueConstraint(fields=["code", "locale"], name="unique_role_code"),
        ]

    def get_api_representation(self):
        return {**super().get_api_representation(), "kind": self.kind, "domain": self.domain}


class Organisation(TaxonomyTerm):
    """A partner organisation in the chain approach (CoMensha, Politie, RIEC, ...)."""

    abbreviation = models.CharField(_("abbreviation"), max_length=50, blank=True)
    url = models.URLField(_("website"), blank=True)

    panels = TaxonomyTerm.panels + [FieldPanel("abbreviation"), FieldPanel("url")]
    # A translation starts with the source's name and abbreviation (core.prefilled_translations)
    translation_prefilled_fields = ("name", "abbreviation")
    override_translatable_fields = TaxonomyTerm.override_translatable_fields + [
        TranslatableField("abbreviation"),
        SynchronizedField("url"),
    ]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(fields=["code", "locale"], name="unique_organisation_code"),
        ]

    def get_api_representation(self):
        return {
            **super().get_api_representation(),
            "abbreviation": self.abbreviation,
            "url": self.url,
        }


class KaderTheme(TaxonomyTerm):
    """One of the five themes of the Kader Aanpak Mensenhandel."""

    number = models.PositiveSmallIntegerField(_("number"))

    panels = TaxonomyTerm.panels + [FieldPanel("number")]
    override_translatable_fields = TaxonomyTerm.override_translatable_fields + [
        SynchronizedField("number")
    ]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("Kader theme")
        verbose_name_plural = _("Kader themes")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["code", "locale"], name="unique_kadertheme_code"),
        ]

    def get_api_representation(self):
        return {**super().get_api_representation(), "number": self.number}


class Plateau(TaxonomyTerm):
    """A plateau of the Kader Aanpak Mensenhandel: basis (every municipality) or verdieping."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("plateau")
        verbose_name_plural = _("plateaus")
        constraints = [
            models.UniqueConstraint(fields=["code", "locale"], name="unique_plateau_code"),
        ]


class Helpline(TranslatableMixin, index.Indexed, models.Model):
    """A helpline readers can call or write to; shown by the helpline block."""

    name = models.CharField(_("name"), max_length=255)
    phone_number = models.CharField(
        _("phone number"),
        max_length=40,
        blank=True,
        validators=[
            RegexValidator(r"^[0-9 +()\-]+$", _("Use digits, spaces, +, - and brackets only."))
        ],
    )
    phone_number_abroad = models.CharField(
        _("phone number from abroad"),
        max_length=40,
        blank=True,
        validators=[
            RegexValidator(r"^[0-9 +()\-]+$", _("Use digits, spaces, +, - and brackets only."))
        ],
    )
    hours = models.CharField(_("opening hours"), max_length=255, blank=True)
    email = models.EmailField(_("email address"), blank=True)
    url = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    anonymous = models.BooleanField(
        _("anonymous"),
        default=False,
        help_text=_("Callers can stay anonymous (no caller ID, not recorded)."),
    )
    emergency = models.BooleanField(
        _("emergency number"), default=False, help_text=_("For acute danger, such as 112.")
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("phone_number"),
        FieldPanel("phone_number_abroad"),
        FieldPanel("hours"),
        FieldPanel("email"),
        FieldPanel("url"),
        FieldPanel("description"),
        FieldPanel("anonymous"),
        FieldPanel("emergency"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    override_translatable_fields = [
        TranslatableField("name"),
        TranslatableField("hours"),
        TranslatableField("description"),
        SynchronizedField("phone_number"),
        SynchronizedField("phone_number_abroad"),
        SynchronizedField("email"),
        SynchronizedField("url"),
        SynchronizedField("anonymous"),
        SynchronizedField("emergency"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("helpline")
        verbose_name_plural = _("helplines")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def get_api_representation(self):
        return {
            "id": self.pk,
            "locale": self.locale.language_code,
            "name": self.name,
            "phone_number": self.phone_number,
            "phone_number_abroad": self.phone_number_abroad,
            "hours": self.hours,
            "email": self.email,
            "url": self.url,
            "description": self.description,
            "anonymous": self.anonymous,
            "emergency": self.emergency,
        }
