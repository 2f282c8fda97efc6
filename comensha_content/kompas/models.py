"""The Kompas Aanpak Mensenhandel: a landing page, chapters and administrative instruments.

A municipality's policy officer reads the Kompas by its three questions (Wat? Hoe? Met wie?),
finds an instrument by form of exploitation, Kader theme, plateau and competent body, shares a
section with a colleague and prints a one-page card (``cards.py``) for a meeting. Taxonomy terms
are shown in the page's own locale by their code (``comensha_content.core.locales``).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from comensha_content.blocks import DocumentBlock, StoryBodyBlock, table_of_contents
from comensha_content.blocks.choosers import PageChooserBlock
from comensha_content.core.bulk_scope import recalled
from comensha_content.core.locales import localized_page, localized_term, terms_for_locale
from comensha_content.core.pages import BasePage
from comensha_content.core.publishing import PublishRulesMixin
from comensha_content.core.representation import term_representation
from comensha_content.core.translation_panels import TranslationStatusPanel
from comensha_content.core.visibility import is_publicly_visible
from comensha_content.kompas.api_fields import (
    CallableField,
    LocalizedTermField,
    LocalizedTermsField,
    choice_api,
    page_link_in,
)
from comensha_content.kompas.api_listing import remember_kompas_chapters, remember_sibling_chapters
from comensha_content.kompas.blocks import (
    CaseLawBlock,
    LegalBasisBlock,
    PracticeExampleBlock,
    RiskBlock,
    StepBlock,
)
from comensha_content.kompas.cards import KompasCardMixin
from comensha_content.kompas.choices import CompetentBody, KompasSection
from comensha_content.kompas.filters import InstrumentFilterSet
from comensha_content.kompas.finder import InstrumentFinder, finder_api_description
from comensha_content.kompas.forms import InstrumentPageForm, KompasPageForm
from comensha_content.safety.models import SearchEngineVisibilityMixin
from comensha_content.taxonomy.models import (
    FormOfExploitation,
    KaderTheme,
    Organisation,
    Plateau,
    Role,
)

__all__ = ["CompetentBody", "InstrumentPage", "KompasChapterPage", "KompasPage", "KompasSection"]


class KompasPage(SearchEngineVisibilityMixin, BasePage):
    """The Kompas's landing: the three questions, the Kader themes and plateaus, the finder."""

    intro = models.TextField(_("introduction"), blank=True)
    what_intro = models.TextField(
        _("introduction to 'What?'"),
        blank=True,
        help_text=_("What the chapters under 'What?' are about, in one or two sentences."),
    )
    how_intro = models.TextField(_("introduction to 'How?'"), blank=True)
    with_whom_intro = models.TextField(_("introduction to 'With whom?'"), blank=True)

    content_panels = BasePage.content_panels + [
        TranslationStatusPanel(),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("what_intro"), FieldPanel("how_intro"), FieldPanel("with_whom_intro")],
            heading=_("The three questions"),
        ),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    subpage_types = ["comensha_content.KompasChapterPage", "comensha_content.InstrumentPage"]
    template = "comensha_content/kompas/kompas_page.html"

    api_fields = [
        APIField("intro"),
        APIField("sections", serializer=CallableField("get_sections_api")),
        APIField("kader_themes", serializer=CallableField("get_kader_themes_api")),
        APIField("plateaus", serializer=CallableField("get_plateaus_api")),
        APIField("finder", serializer=CallableField("get_finder_api")),
    ]

    class Meta:
        verbose_name = _("Kompas")
        verbose_name_plural = _("Kompas pages")

    def section_intro(self, code):
        return {
            KompasSection.WHAT: self.what_intro,
            KompasSection.HOW: self.how_intro,
            KompasSection.WITH_WHOM: self.with_whom_intro,
        }[code]

    def get_chapters(self):
        return (
            KompasChapterPage.objects.child_of(self)
            .live()
            .public()
            .order_by("number", "path")
            .specific()
        )

    prepare_api_listing = staticmethod(remember_kompas_chapters)  # API v2 listings

    def get_sections(self):
        """The three questions in order, each with its introduction and chapters."""
        chapters = recalled(("kompas chapters", self.path), lambda: list(self.get_chapters()))
        return [
            {
                "code": code,
                "label": label,
                "intro": self.section_intro(code),
                "chapters": [chapter for chapter in chapters if chapter.section == code],
            }
            for code, label in KompasSection.choices
        ]

    @cached_property
    def kader_themes(self):
        return terms_for_locale(KaderTheme, self.locale)

    @cached_property
    def plateaus(self):
        return terms_for_locale(Plateau, self.locale)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_sections()
        context["finder"] = InstrumentFinder(
            self, request.GET, InstrumentPage.objects.live().public().descendant_of(self)
        )
        return context

    def get_sections_api(self) -> list[dict]:
        return [
            {
                "code": section["code"],
                "label": choice_api(KompasSection, section["code"], self.locale)["label"],
                "intro": section["intro"],
                "chapters": [
                    {**page_link_in(chapter, self.locale), "number": chapter.number}
                    for chapter in section["chapters"]
                ],
            }
            for section in self.get_sections()
        ]

    def get_kader_themes_api(self) -> list[dict]:
        return [term_representation(term) for term in self.kader_themes]

    def get_plateaus_api(self) -> list[dict]:
        return [term_representation(term) for term in self.plateaus]

    def get_finder_api(self) -> dict:
        with override(self.locale.language_code):
            return finder_api_description(self)


class KompasChapterPage(SearchEngineVisibilityMixin, KompasCardMixin, BasePage):
    """A chapter of the Kompas under one of its three questions."""

    number = models.PositiveSmallIntegerField(
        _("chapter number"), help_text=_("Chapters are read in this order.")
    )
    section = models.CharField(_("question"), max_length=16, choices=KompasSection.choices)
    summary = models.TextField(_("summary"), help_text=_("Shown on the landing page and the card."))
    kader_themes = ParentalManyToManyField(
        KaderTheme, verbose_name=_("Kader themes"), blank=True, related_name="+"
    )
    kader_plateau = models.ForeignKey(
        Plateau,
        verbose_name=_("plateau"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(StoryBodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = BasePage.content_panels + [
        TranslationStatusPanel(),
        MultiFieldPanel(
            [FieldPanel("number"), FieldPanel("section")], heading=_("Place in the Kompas")
        ),
        FieldPanel("summary"),
        FieldPanel("kader_themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("kader_plateau"),
        FieldPanel("body"),
    ]
    base_form_class = KompasPageForm
    # Terms are shared by code: a translation keeps the source's terms (resolved to its own
    # language when shown), and a sync brings the editor's changes to them.
    override_translatable_fields = [
        SynchronizedField("number"),
        SynchronizedField("section"),
        SynchronizedField("kader_themes"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("section"),
    ]
    parent_page_types = ["comensha_content.KompasPage"]
    subpage_types = ["comensha_content.InstrumentPage"]
    template = "comensha_content/kompas/kompas_chapter_page.html"
    card_kicker_template = "comensha_content/kompas/card_chapter_kicker.html"
    card_body_template = "comensha_content/kompas/card_chapter.html"

    api_fields = [
        APIField("number"),
        APIField("section", serializer=CallableField("get_section_api")),
        APIField("summary"),
        APIField("kader_themes", serializer=LocalizedTermsField("kader_themes")),
        APIField("kader_plateau", serializer=LocalizedTermField("kader_plateau")),
        APIField("body"),
        APIField("sections", serializer=CallableField("get_body_sections")),
        APIField("previous_chapter", serializer=CallableField("get_previous_chapter_api")),
        APIField("next_chapter", serializer=CallableField("get_next_chapter_api")),
        APIField("card_url", serializer=CallableField("get_card_full_url")),
    ]

    class Meta:
        verbose_name = _("Kompas chapter")
        verbose_name_plural = _("Kompas chapters")

    def get_section_api(self) -> dict | None:
        return choice_api(KompasSection, self.section, self.locale)

    prepare_api_listing = staticmethod(remember_sibling_chapters)  # API v2 listings

    def chapter_sequence(self):
        """Live sibling chapters in reading order (number, then tree order)."""
        return recalled(
            ("chapter sequence", self.path[: -self.steplen]),
            lambda: list(
                KompasChapterPage.objects.sibling_of(self, inclusive=True)
                .live()
                .public()
                .order_by("number", "path")
            ),
        )

    @cached_property
    def previous_and_next(self):
        chapters = self.chapter_sequence()
        ids = [chapter.pk for chapter in chapters]
        if self.pk not in ids:
            return None, None
        index_ = ids.index(self.pk)
        previous = chapters[index_ - 1] if index_ > 0 else None
        following = chapters[index_ + 1] if index_ + 1 < len(chapters) else None
        return previous, following

    @property
    def previous_chapter(self):
        return self.previous_and_next[0]

    @property
    def next_chapter(self):
        return self.previous_and_next[1]

    def get_previous_chapter_api(self) -> dict | None:
        return page_link_in(self.previous_chapter, self.locale)

    def get_next_chapter_api(self) -> dict | None:
        return page_link_in(self.next_chapter, self.locale)

    def get_body_sections(self) -> list[dict]:
        """``[{anchor, title}]`` of the chapters in the body: the table of contents and share links."""
        return table_of_contents(self.body)

    @cached_property
    def themes(self):
        return self.localized_relation("kader_themes")

    @cached_property
    def plateau(self):
        return localized_term(self.kader_plateau, self.locale)

    def get_instruments(self):
        return InstrumentPage.objects.child_of(self).live().public().order_by("title")


class InstrumentPage(PublishRulesMixin, SearchEngineVisibilityMixin, KompasCardMixin, BasePage):
    """A bestuurlijk instrument: its legal basis, who may use it, how, with whom and its risks."""

    legal_basis_required_message = _(
        "An instrument needs at least one legal basis before it can be published. "
        "Add the law, the article and a link to the official text, or save a draft."
    )

    summary = models.TextField(
        _("summary"), help_text=_("What the instrument does, in two or three sentences.")
    )
    legal_basis = StreamField(
        [("legal_basis", LegalBasisBlock())],
        verbose_name=_("legal basis"),
        blank=True,
        help_text=_("Required before publishing."),
    )
    competent_body = models.CharField(
        _("competent body"), max_length=32, choices=CompetentBody.choices, blank=True
    )
    responsible_roles = ParentalManyToManyField(
        Role, verbose_name=_("responsible roles"), blank=True, related_name="+"
    )
    partners = ParentalManyToManyField(
        Organisation, verbose_name=_("partners"), blank=True, related_name="+"
    )
    forms_of_exploitation = ParentalManyToManyField(
        FormOfExploitation, verbose_name=_("forms of exploitation"), blank=True, related_name="+"
    )
    kader_themes = ParentalManyToManyField(
        KaderTheme, verbose_name=_("Kader themes"), blank=True, related_name="+"
    )
    kader_plateau = models.ForeignKey(
        Plateau,
        verbose_name=_("plateau"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    steps = StreamField([("step", StepBlock())], verbose_name=_("steps"), blank=True)
    risks = StreamField(
        [("risk", RiskBlock()), ("case_law", CaseLawBlock())],
        verbose_name=_("risks and case law"),
        blank=True,
    )
    practice_examples = StreamField(
        [("example", PracticeExampleBlock())], verbose_name=_("practice examples"), blank=True
    )
    related_instruments = StreamField(
        [
            (
                "instrument",
                PageChooserBlock(
                    page_type="comensha_content.InstrumentPage",
                    label=_("Instrument"),
                    icon="link",
                ),
            )
        ],
        verbose_name=_("related instruments"),
        blank=True,
    )
    documents = StreamField(
        [("document", DocumentBlock())], verbose_name=_("documents"), blank=True
    )

    content_panels = BasePage.content_panels + [
        TranslationStatusPanel(),
        FieldPanel("summary"),
        FieldPanel("legal_basis"),
        MultiFieldPanel(
            [
                FieldPanel("competent_body"),
                FieldPanel("responsible_roles", widget=forms.CheckboxSelectMultiple),
                FieldPanel("partners", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Who"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("forms_of_exploitation", widget=forms.CheckboxSelectMultiple),
                FieldPanel("kader_themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("kader_plateau"),
            ],
            heading=_("Finder"),
        ),
        FieldPanel("steps"),
        FieldPanel("risks"),
        FieldPanel("practice_examples"),
        FieldPanel("related_instruments"),
        FieldPanel("documents"),
    ]
    base_form_class = InstrumentPageForm
    override_translatable_fields = [
        SynchronizedField("competent_body"),
        SynchronizedField("responsible_roles"),
        SynchronizedField("partners"),
        SynchronizedField("forms_of_exploitation"),
        SynchronizedField("kader_themes"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("legal_basis"),
        index.SearchField("steps"),
        index.SearchField("risks"),
        index.SearchField("practice_examples"),
        index.FilterField("competent_body"),
    ]
    parent_page_types = ["comensha_content.KompasPage", "comensha_content.KompasChapterPage"]
    subpage_types = []
    template = "comensha_content/kompas/instrument_page.html"
    card_kicker_template = "comensha_content/kompas/card_instrument_kicker.html"
    card_body_template = "comensha_content/kompas/card_instrument.html"

    #: The finder's filters (HTML and API v2; comensha_content.kompas.filters).
    filterset_class = InstrumentFilterSet
    api_filter_parameters = InstrumentFilterSet.api_parameters()

    api_fields = [
        APIField("summary"),
        APIField("legal_basis"),
        APIField("competent_body", serializer=CallableField("get_competent_body_api")),
        APIField("responsible_roles", serializer=LocalizedTermsField("responsible_roles")),
        APIField("partners", serializer=LocalizedTermsField("partners")),
        APIField("forms_of_exploitation", serializer=LocalizedTermsField("forms_of_exploitation")),
        APIField("kader_themes", serializer=LocalizedTermsField("kader_themes")),
        APIField("kader_plateau", serializer=LocalizedTermField("kader_plateau")),
        APIField("steps"),
        APIField("risks"),
        APIField("practice_examples"),
        APIField("related_instruments", serializer=CallableField("get_related_instruments_api")),
        APIField("documents"),
        APIField("card_url", serializer=CallableField("get_card_full_url")),
    ]

    class Meta:
        verbose_name = _("Kompas instrument")
        verbose_name_plural = _("Kompas instruments")

    publish_problems_field = "legal_basis"

    def publish_problems(self):
        """Why this instrument may not be published yet (see comensha_content.core.publishing)."""
        return [] if self.legal_basis else [self.legal_basis_required_message]

    def save(self, *args, clean=True, **kwargs):
        # The admin form refuses to publish without a legal basis (InstrumentPageForm); this
        # refuses every other way of making such an instrument live (revision.publish(), code).
        # Not in clean(): the admin form validates a new page while it still defaults to live.
        if clean and self.live and not self.legal_basis:
            raise ValidationError({"legal_basis": [self.legal_basis_required_message]})
        return super().save(*args, clean=clean, **kwargs)

    def get_competent_body_api(self) -> dict | None:
        return choice_api(CompetentBody, self.competent_body, self.locale)

    def get_related_instruments(self):
        """Related instruments in this page's language where translated, public ones only."""
        pages = []
        for block in self.related_instruments:
            page = localized_page(block.value, self.locale)
            if is_publicly_visible(page):
                pages.append(page)
        return pages

    def get_related_instruments_api(self) -> list[dict]:
        return [page_link_in(page, self.locale) for page in self.get_related_instruments()]

    @cached_property
    def themes(self):
        return self.localized_relation("kader_themes")

    @cached_property
    def plateau(self):
        return localized_term(self.kader_plateau, self.locale)

    @cached_property
    def exploitation_forms(self):
        return self.localized_relation("forms_of_exploitation")

    @cached_property
    def roles(self):
        return self.localized_relation("responsible_roles")

    @cached_property
    def partner_organisations(self):
        return self.localized_relation("partners")

    def get_sections(self):
        """The sections shown on the page (each with an anchor to share); empty ones are left out."""
        candidates = [  # (anchor, title, shown)
            ("legal-basis", _("Legal basis"), bool(self.legal_basis)),
            (
                "who",
                _("Who"),
                bool(self.competent_body or self.roles or self.partner_organisations),
            ),
            ("steps", _("Steps"), bool(self.steps)),
            ("risks", _("Risks and case law"), bool(self.risks)),
            ("practice", _("Practice examples"), bool(self.practice_examples)),
            ("related", _("Related instruments"), bool(self.get_related_instruments())),
            ("documents", _("Documents"), bool(self.documents)),
        ]
        return [{"anchor": anchor, "title": title} for anchor, title, shown in candidates if shown]
