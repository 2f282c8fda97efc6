"""Longread stories: experience stories of victims and professionals, and their index.

Consent of the person in a story is not page content: it is a ``StoryConsent`` record of its own
(``comensha_content.safety.consent``), keyed on the story's translation key and edited by consent
officers; the page shows editors its status only. Never in ``api_fields``, ``search_fields``,
templates, revisions or translation sources (tests prove each with sentinel values).
"""

from collections.abc import Sequence

from django.core.paginator import Paginator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from comensha_content.blocks import FactsBlock, SourcesBlock, StoryBodyBlock, table_of_contents
from comensha_content.blocks.choosers import PageChooserBlock
from comensha_content.blocks.people import PSEUDONYM_HELP
from comensha_content.core.conf import get_setting
from comensha_content.core.listing import BadFilterValue
from comensha_content.core.pages import BasePage
from comensha_content.core.text_stats import count_words, iter_text, reading_minutes
from comensha_content.core.translation_panels import TranslationStatusPanel
from comensha_content.longread.choices import NarratorKind
from comensha_content.longread.editor_suggestions import EditorSuggestionsPanel
from comensha_content.longread.filters import StoryFilterSet
from comensha_content.longread.forms import LongreadPageForm
from comensha_content.safety.consent_lifecycle import ConsentSubjectMixin
from comensha_content.safety.consent_panels import ConsentStatusPanel
from comensha_content.safety.models import SearchEngineVisibilityMixin
from comensha_content.taxonomy.models import FormOfExploitation, Role

INTRO_FEATURES = ["bold", "italic", "link"]

HERO_ALT_REQUIRED = _(
    "Describe the hero image for people who cannot see it, here or in the image's description "
    "under Images, or tick 'hero image is decorative' if it adds nothing to the story. A draft "
    "can be saved without it."
)
HERO_ALT_HELP = _(
    "What the image shows, for people who cannot see it. Leave empty to use the description "
    "saved with the image under Images. Needed before publishing, unless the image is decorative."
)


class LongreadIndexPage(SearchEngineVisibilityMixin, BasePage):
    """The landing page of a longread: intro, highlighted facts and its stories, filterable."""

    intro = RichTextField(_("intro"), blank=True, features=INTRO_FEATURES)
    highlighted_facts = StreamField(
        [("facts", FactsBlock())],
        verbose_name=_("highlighted facts"),
        blank=True,
        max_num=1,
        use_json_field=True,
    )

    template = "comensha_content/longread/longread_index_page.html"
    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("highlighted_facts"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    subpage_types = ["comensha_content.LongreadPage"]
    api_fields = [APIField("intro"), APIField("highlighted_facts")]

    class Meta:
        verbose_name = _("longread index page")
        verbose_name_plural = _("longread index pages")

    def get_stories(self):
        return (
            LongreadPage.objects.child_of(self)
            .live()
            .public()
            .select_related("hero_image", "role", "form_of_exploitation", "locale")
            .order_by("path")
        )

    def route(self, request, path_components):
        """A story and what its page shows beside the body (hero image, role, form of
        exploitation, with their locales) in one query, instead of Wagtail's two plus one per
        relation; anything else (or nothing) is routed by Wagtail as usual."""
        if path_components:
            # Unordered: a slug is unique among siblings, and ordering by path costs more to
            # compile than the query takes to run.
            story = next(
                iter(
                    LongreadPage.objects.child_of(self)
                    .select_related("locale", *LongreadPage.api_select_related)
                    .filter(slug=path_components[0])
                    .order_by()[:1]
                ),
                None,
            )
            if story is not None:
                story._cached_parent_obj = self  # as Wagtail's route() does
                return story.route(request, path_components[1:])
        return super().route(request, path_components)

    def filter_options(self):
        """Filter choices in this page's language (codes are the same in every language)."""
        return {
            "narrator": NarratorKind.choices,
            "form": [
                (term.code, term.name)
                for term in FormOfExploitation.objects.filter(locale_id=self.locale_id)
            ],
            "role": [
                (term.code, term.name) for term in Role.objects.filter(locale_id=self.locale_id)
            ],
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stories = self.get_stories()
        try:
            stories = LongreadPage.filterset_class(request.GET, stories).filtered()
            context["active_filters"] = {
                name: request.GET.getlist(name)
                for name in LongreadPage.api_filter_parameters
                if request.GET.get(name)
            }
        except BadFilterValue as error:
            context["filter_error"] = error.message
            context["active_filters"] = {}
        paginator = Paginator(stories, get_setting("PAGINATE_BY"))
        stories_page = paginator.get_page(request.GET.get("page"))  # bad numbers: nearest page
        query = request.GET.copy()
        query.pop("page", None)
        context.update(
            stories=stories_page,
            paginator=paginator,
            filter_options=self.filter_options(),
            filter_querystring=query.urlencode(),
        )
        return context


class LongreadPage(ConsentSubjectMixin, SearchEngineVisibilityMixin, BasePage):
    """One experience story, composed from storytelling blocks."""

    lede = models.TextField(_("lede"), help_text=_("One or two sentences that open the story."))
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Never an identifiable photo of a victim: use an illustration or silhouette."),
    )
    hero_image_alt = models.CharField(
        _("hero image alt text"), max_length=255, blank=True, help_text=HERO_ALT_HELP
    )
    hero_image_decorative = models.BooleanField(
        _("hero image is decorative"),
        default=False,
        help_text=_("Decorative images get an empty alt text and are skipped by screen readers."),
    )
    hero_image_caption = models.CharField(_("hero image caption"), max_length=255, blank=True)
    hero_image_credit = models.CharField(_("hero image credit"), max_length=255, blank=True)
    plain_language_summary = models.TextField(
        _("plain-language summary"),
        blank=True,
        help_text=_("Optional short summary in plain language (B1)."),
    )
    narrator_kind = models.CharField(
        _("narrator"), max_length=16, choices=NarratorKind.choices, default=NarratorKind.VICTIM
    )
    shown_name = models.CharField(
        _("shown name"),
        max_length=100,
        help_text=_("The first name shown to readers, usually a changed name."),
    )
    # One wording for changed names: the testimony's and the pull quote's own
    shown_name_is_pseudonym = models.BooleanField(
        _("The name is changed"), default=True, help_text=PSEUDONYM_HELP
    )
    role = models.ForeignKey(
        Role,
        verbose_name=_("role"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    form_of_exploitation = models.ForeignKey(
        FormOfExploitation,
        verbose_name=_("form of exploitation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    region = models.CharField(_("region"), max_length=100, blank=True)
    content_warning = models.CharField(
        # Not "content warning" alone: that is the block for one passage in the body
        _("content warning for the whole story"),
        max_length=255,
        blank=True,
        help_text=_("Topic of a warning shown before the whole story, e.g. 'sexual violence'."),
    )
    body = StreamField(
        StoryBodyBlock(),
        verbose_name=_("chapters and blocks"),
        help_text=_(
            "The story itself: chapters, paragraphs, testimonies, facts and images. Chapter "
            "headings make the reader's table of contents."
        ),
        use_json_field=True,
    )
    sources = StreamField(
        [("sources", SourcesBlock())],
        verbose_name=_("sources and footnotes"),
        blank=True,
        max_num=1,
        use_json_field=True,
    )
    related_stories = StreamField(
        [("story", PageChooserBlock(page_type="comensha_content.LongreadPage", label=_("Story")))],
        verbose_name=_("related stories"),
        blank=True,
        use_json_field=True,
    )

    template = "comensha_content/longread/longread_page.html"
    base_form_class = LongreadPageForm
    parent_page_types = ["comensha_content.LongreadIndexPage"]
    subpage_types = []

    content_panels = BasePage.content_panels + [
        FieldPanel("lede"),
        MultiFieldPanel(
            [
                FieldPanel("hero_image"),
                FieldPanel("hero_image_alt"),
                FieldPanel("hero_image_decorative"),
                FieldPanel("hero_image_caption"),
                FieldPanel("hero_image_credit"),
            ],
            heading=_("Hero image"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("narrator_kind"),
                FieldPanel("shown_name"),
                FieldPanel("shown_name_is_pseudonym"),
                FieldPanel("role"),
                FieldPanel("form_of_exploitation"),
                FieldPanel("region"),
            ],
            heading=_("Narrator"),
        ),
        FieldPanel("content_warning"),
        FieldPanel("plain_language_summary"),
        FieldPanel("body"),
        FieldPanel("sources"),
        FieldPanel("related_stories"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    ConsentStatusPanel(),
                    TranslationStatusPanel(),
                    EditorSuggestionsPanel(),
                    *content_panels,
                ],
                heading=_("Story"),
            ),
            ObjectList(SearchEngineVisibilityMixin.promote_panels, heading=_("Promote")),
            ObjectList(BasePage.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = BasePage.search_fields + [
        index.SearchField("lede"),
        index.SearchField("plain_language_summary"),
        index.SearchField("body"),
        index.FilterField("narrator_kind"),
    ]
    override_translatable_fields = [
        SynchronizedField("hero_image"),
        SynchronizedField("hero_image_decorative"),
        SynchronizedField("narrator_kind"),
        SynchronizedField("shown_name_is_pseudonym"),
        TranslatableField("shown_name"),
        TranslatableField("role"),
        TranslatableField("form_of_exploitation"),
    ]
    # A translation starts with the source's shown name, editable (core.prefilled_translations)
    translation_prefilled_fields = ("shown_name",)

    #: API v2 details of stories are kept per live revision (core.revision_cache).
    revision_cached = True

    #: Query parameters of the index page and API v2 (comensha_content.core.listing).
    filterset_class = StoryFilterSet
    api_filter_parameters = StoryFilterSet.api_parameters()

    def serve(self, request, *args, **kwargs):
        """Rendered in one ``bulk_scope``: lookups the blocks share (view restrictions, locales,
        the active locale) are made once per response, not once per block type. The article
        comes from the revision cache when it can (``{% revision_cache %}``,
        ``core.revision_cache``), after the consent check (``ConsentSubjectMixin.serve``)."""
        from comensha_content.core.bulk_scope import bulk_scope

        with bulk_scope():
            response = super().serve(request, *args, **kwargs)
            if callable(getattr(response, "render", None)) and not response.is_rendered:
                response.render()
        return response

    #: What the computed API fields read, loaded with each page of an API listing (api.v2).
    api_select_related = ("hero_image", "role__locale", "form_of_exploitation__locale")

    @classmethod
    def prepare_api_listing(cls, pages):
        """API v2 listing: the hero images' renditions for all listed stories in one query."""
        from comensha_content.core.representation import prefetch_image_renditions

        prefetch_image_renditions([page.hero_image for page in pages if page.hero_image])

    api_fields = [
        APIField("lede"),
        APIField("api_hero_image"),
        APIField("plain_language_summary"),
        APIField("narrator_kind"),
        APIField("shown_name"),
        APIField("shown_name_is_pseudonym"),
        APIField("api_role"),
        APIField("api_form_of_exploitation"),
        APIField("region"),
        APIField("content_warning"),
        APIField("reading_time"),
        APIField("table_of_contents"),
        APIField("body"),
        APIField("sources"),
        APIField("api_related_stories"),
    ]

    class Meta:
        verbose_name = _("longread story")
        verbose_name_plural = _("longread stories")

    # -- computed from the body on the server -----------------------------------------
    @cached_property
    def table_of_contents(self):
        return table_of_contents(self.body)

    @cached_property
    def word_count(self):
        return count_words(self.lede, *iter_text(self.body))

    @property
    def reading_time(self):
        """Reading time in whole minutes at COMENSHA_CONTENT_WORDS_PER_MINUTE."""
        return reading_minutes(self.word_count, get_setting("WORDS_PER_MINUTE"))

    # -- the hero image's text alternative --------------------------------------------
    @property
    def hero_alt(self):
        """The hero's alt attribute: the story's alt text, else the image's own description
        (written once, in the image library); empty for a decorative image."""
        from comensha_content.blocks.media import image_description

        if self.hero_image_decorative or self.hero_image is None:
            return ""
        return (self.hero_image_alt or "").strip() or image_description(self.hero_image)

    @staticmethod
    def hero_alt_problem(image, alt, decorative):
        """Why a hero image chosen with ``alt`` and ``decorative`` may not be published, or None."""
        from comensha_content.blocks.media import image_description

        if image is None or decorative or (alt or "").strip() or image_description(image):
            return None
        return HERO_ALT_REQUIRED

    def publish_problems(self):
        """Bulk publishing (core.publishing) refuses what the story's form refuses."""
        problems = list(super().publish_problems())
        problem = self.hero_alt_problem(
            self.hero_image, self.hero_image_alt, self.hero_image_decorative
        )
        return problems + ([problem] if problem else [])

    # -- API representations ----------------------------------------------------------
    @property
    def api_hero_image(self):
        from comensha_content.core.representation import image_representation

        if self.hero_image is None:
            return None
        return image_representation(
            self.hero_image,
            alt=self.hero_alt,
            decorative=self.hero_image_decorative,
            caption=self.hero_image_caption,
            credit=self.hero_image_credit,
        )

    @cached_property
    def localized_role(self):
        """The role in the served language (no query when it is already in that language)."""
        from comensha_content.core.locales import localized_instance

        return localized_instance(self.role)[0]

    @cached_property
    def localized_form_of_exploitation(self):
        """The form of exploitation in the served language, as ``localized_role``."""
        from comensha_content.core.locales import localized_instance

        return localized_instance(self.form_of_exploitation)[0]

    @property
    def api_role(self):
        from comensha_content.core.representation import snippet_representation

        return snippet_representation(self.role) if self.role else None

    @property
    def api_form_of_exploitation(self):
        from comensha_content.core.representation import snippet_representation

        return (
            snippet_representation(self.form_of_exploitation) if self.form_of_exploitation else None
        )

    @property
    def api_related_stories(self):
        from comensha_content.core.representation import public_page_links

        return public_page_links(block.value for block in self.related_stories if block.value)

    def localized_related_stories(self):
        """Related stories in the served language, falling back to the source (flagged)."""
        from comensha_content.core.representation import localized_instance
        from comensha_content.core.visibility import is_publicly_visible

        stories = []
        for block in self.related_stories:
            if block.value is None:
                continue
            page, is_fallback = localized_instance(block.value)
            if is_publicly_visible(page):
                stories.append({"page": page.specific, "is_fallback": is_fallback})
        return stories

    # -- consent (comensha_content.safety.consent) ---------------------------------------
    def needs_consent(self):
        """A victim's story, or any story quoting a testimony, is published only with consent."""
        return self.narrator_kind == NarratorKind.VICTIM or holds_block(
            self.body.raw_data, "testimony"
        )


def holds_block(raw_stream, block_type):
    """Whether a stored StreamField value holds a block of ``block_type`` at any depth."""
    if isinstance(raw_stream, dict):
        if raw_stream.get("type") == block_type:
            return True
        return any(holds_block(value, block_type) for value in raw_stream.values())
    if isinstance(raw_stream, Sequence) and not isinstance(raw_stream, str):
        # lists, and the RawDataView of a StreamValue
        return any(holds_block(item, block_type) for item in raw_stream)
    return False
