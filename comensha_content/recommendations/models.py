"""Policy reports, their recommendations and the progress on each: the data of the tracker.

``Recommendation`` is a translatable snippet (TranslatableMixin + ClusterableModel + index.Indexed)
with a ``report`` key to its ``PolicyReportPage``, not an inline child of the report page, because:

- it carries its own ordered history (``ProgressUpdate`` inline children), and Wagtail does not
  nest inline panels, so a recommendation inside a page form could not hold its history;
- the tracker filters, searches and exports recommendations across reports, and the API serves
  them as an endpoint of their own: that needs one table, one search index and one admin listing;
- it is translated on its own with wagtail-localize. ``report`` is synchronised (wagtail-localize
  can only translate keys to the base Page model, not to a page type) and ``save()`` moves it to
  the report's translation in the recommendation's language when there is one, so the English
  recommendation belongs to the English report; until the report is translated it keeps the
  source report, which pages and the API then show marked with its language.

Addressees are ``Organisation`` terms of the shared taxonomy rather than a fixed choice list: who a
recommendation addresses (a ministry, municipalities, the agency sector, "states") varies per
report, editors must be able to add one without a code change, and the taxonomy already gives each
a stable code for filters and a translated name.

The current status and its date are never stored: they are the latest ``ProgressUpdate`` (by date,
then order). ``current_status``/``current_status_date`` read it in Python;
``Recommendation.objects.with_current_status()`` annotates it for filtering and counting.
A recommendation without any update counts as "not started" (and has no status date).

Codes, statuses, dates, numbers and web addresses are synchronised across languages; titles,
texts and explanations are translated. Themes and addressees are synchronised as chosen (the
source language's terms); rendering and the API show each in the served language by its
translation key, falling back visibly to the source term.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents import get_document_model_string
from wagtail.fields import StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from comensha_content.blocks import StoryBodyBlock
from comensha_content.core.pages import BasePage
from comensha_content.core.translation_panels import TranslationStatusPanel
from comensha_content.core.visibility import public_pages
from comensha_content.recommendations.choices import (
    DocumentType,
    GovernmentResponse,
    ProgressStatus,
    Urgency,
    http_url_validator,
    recommendation_code_validator,
)
from comensha_content.recommendations.filters import RecommendationFilterSet
from comensha_content.recommendations.forms import RecommendationAdminForm
from comensha_content.recommendations.serializers import (
    RepresentationField,
    recommendation_api_fields,
    recommendation_api_meta_fields,
)
from comensha_content.recommendations.tracker import (
    csv_response,
    recommendation_detail_context,
    report_context,
    tracker_context,
)
from comensha_content.safety.models import SearchEngineVisibilityMixin
from comensha_content.taxonomy.models import Organisation, TaxonomyTerm


class RecommendationTheme(TaxonomyTerm):
    """A theme of recommendations, e.g. housing (Aanjaagteam) or residence permit (REST)."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("recommendation theme")
        verbose_name_plural = _("recommendation themes")
        constraints = [
            models.UniqueConstraint(
                fields=["code", "locale"], name="unique_recommendationtheme_code"
            ),
        ]


class PolicyReportPage(SearchEngineVisibilityMixin, BasePage):
    """A source document: an advice, a government response, a progress report, a policy paper."""

    @classmethod
    def prepare_api_listing(cls, pages):
        """API v2 listing: all listed reports' recommendations at once (``api.v2``)."""
        from comensha_content.recommendations.serializers import prepare_reports_listing

        prepare_reports_listing(pages)

    publisher = models.CharField(
        _("publisher"),
        max_length=255,
        help_text=_("Who published the document, e.g. 'Aanjaagteam Bescherming Arbeidsmigranten'."),
    )
    publication_date = models.DateField(_("publication date"))
    document_type = models.CharField(
        _("document type"), max_length=32, choices=DocumentType.choices, default=DocumentType.ADVICE
    )
    reference = models.CharField(
        _("reference"),
        max_length=255,
        blank=True,
        help_text=_("Official reference, e.g. 'Kamerstuk 29861 nr. 55'."),
    )
    external_url = models.URLField(
        _("external link"),
        max_length=500,
        blank=True,
        validators=[http_url_validator],
        help_text=_("Where the document is published, e.g. on officielebekendmakingen.nl."),
    )
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    summary = models.TextField(_("summary"), blank=True)
    body = StreamField(StoryBodyBlock(), blank=True, use_json_field=True, verbose_name=_("body"))

    content_panels = BasePage.content_panels + [
        TranslationStatusPanel(),
        MultiFieldPanel(
            [
                FieldPanel("publisher"),
                FieldPanel("publication_date"),
                FieldPanel("document_type"),
                FieldPanel("reference"),
                FieldPanel("external_url"),
                FieldPanel("document"),
            ],
            heading=_("Document"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("publisher"),
        index.SearchField("reference"),
        index.FilterField("publication_date"),
        index.FilterField("document_type"),
    ]
    override_translatable_fields = [
        TranslatableField("publisher"),
        TranslatableField("summary"),
        TranslatableField("body"),
        SynchronizedField("publication_date"),
        SynchronizedField("document_type"),
        SynchronizedField("reference"),
        SynchronizedField("external_url"),
        SynchronizedField("document"),
    ]
    api_fields = [
        APIField("publisher"),
        APIField("publication_date"),
        APIField("document_type", serializer=RepresentationField("serialize_document_type")),
        APIField("reference"),
        APIField("external_url"),
        APIField("document", serializer=RepresentationField("serialize_report_document")),
        APIField("summary"),
        APIField("body"),
        APIField(
            "recommendations", serializer=RepresentationField("serialize_report_recommendations")
        ),
    ]

    subpage_types = []
    template = "comensha_content/recommendations/policy_report_page.html"

    class Meta:
        verbose_name = _("policy report")
        verbose_name_plural = _("policy reports")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(report_context(self, request))
        return context


class RecommendationQuerySet(models.QuerySet):
    def with_current_status(self):
        """Annotate ``latest_status`` and ``latest_status_date`` from the latest progress update."""
        latest = ProgressUpdate.objects.filter(recommendation=OuterRef("pk")).order_by(
            "-date", "-sort_order", "-pk"
        )
        return self.annotate(
            latest_status=Coalesce(
                Subquery(latest.values("status")[:1]),
                Value(ProgressStatus.NOT_STARTED.value),
                output_field=models.CharField(),
            ),
            latest_status_date=Subquery(latest.values("date")[:1]),
        )

    def public(self):
        """Recommendations whose report is public: live, not expired, not view-restricted."""
        return self.filter(report__in=public_pages(PolicyReportPage).values("pk"))


class Recommendation(TranslatableMixin, index.Indexed, ClusterableModel):
    """One recommendation of a report, with its themes, addressees, response and history."""

    report = models.ForeignKey(
        PolicyReportPage,
        verbose_name=_("report"),
        on_delete=models.CASCADE,
        related_name="recommendations",
        help_text=_("The document that makes this recommendation."),
    )
    code = models.CharField(
        _("code"),
        max_length=32,
        validators=[recommendation_code_validator],
        help_text=_("The recommendation's number in its report, e.g. '4.4.B'. Not translated."),
    )
    title = models.CharField(_("title"), max_length=255)
    text = models.TextField(_("text"), help_text=_("The recommendation as the report words it."))
    page_number = models.PositiveIntegerField(
        _("page number"), null=True, blank=True, help_text=_("Page of the report it is on.")
    )
    themes = ParentalManyToManyField(
        RecommendationTheme, verbose_name=_("themes"), blank=True, related_name="recommendations"
    )
    addressees = ParentalManyToManyField(
        Organisation,
        verbose_name=_("addressees"),
        blank=True,
        related_name="addressed_recommendations",
        help_text=_("Who the recommendation asks to act."),
    )
    urgency = models.CharField(
        _("urgency"),
        max_length=16,
        choices=Urgency.choices,
        blank=True,
        help_text=_(
            "How strongly the report asks, in GRETA's terms; leave empty if it does not say."
        ),
    )
    government_response = models.CharField(
        _("government response"),
        max_length=16,
        choices=GovernmentResponse.choices,
        default=GovernmentResponse.NONE_YET,
    )

    objects = RecommendationQuerySet.as_manager()

    base_form_class = RecommendationAdminForm
    panels = [
        FieldPanel("report"),
        FieldPanel("code"),
        FieldPanel("title"),
        FieldPanel("text"),
        FieldPanel("page_number"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("addressees", widget=forms.CheckboxSelectMultiple),
        FieldPanel("urgency"),
        FieldPanel("government_response"),
        InlinePanel("progress_updates", heading=_("Progress"), label=_("Progress update")),
    ]
    search_fields = [
        index.SearchField("code", boost=2),
        index.SearchField("title", boost=2),
        index.SearchField("text"),
        index.AutocompleteField("title"),
        index.FilterField("locale"),
        index.FilterField("report"),
        index.FilterField("government_response"),
    ]
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("text"),
        SynchronizedField("report"),
        TranslatableField("progress_updates"),
        SynchronizedField("code"),
        SynchronizedField("page_number"),
        SynchronizedField("themes"),
        SynchronizedField("addressees"),
        SynchronizedField("urgency"),
        SynchronizedField("government_response"),
    ]
    api_fields = recommendation_api_fields()  # one declaration: serializers.RECOMMENDATION_FIELDS
    api_meta_fields = recommendation_api_meta_fields()
    #: The tracker's filters (comensha_content.core.listing; API v2: RecommendationAPIFilterSet).
    filterset_class = RecommendationFilterSet
    api_filter_parameters = RecommendationFilterSet.api_parameters()

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["-report__publication_date", "report_id", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "code", "locale"], name="unique_recommendation_code_per_report"
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.title}"

    def report_in_own_language(self):
        """The chosen report, or its translation in this recommendation's language if it has one."""
        report = self.report if self.report_id else None
        if report is None or not self.locale_id or report.locale_id == self.locale_id:
            return report
        translated = PolicyReportPage.objects.filter(
            translation_key=report.translation_key, locale_id=self.locale_id
        ).first()
        return translated or report

    def save(self, *args, **kwargs):
        report = self.report_in_own_language()
        if report is not None and report.pk != self.report_id:
            self.report = report
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {}
        report = self.report_in_own_language()
        if report is not None and self.locale_id and report.locale_id != self.locale_id:
            errors["report"] = _(
                "Choose a report in the same language as the recommendation, or translate the "
                "report first."
            )
        if report is not None and self.code:
            duplicates = Recommendation.objects.filter(
                report=report, code__iexact=self.code, locale_id=self.locale_id
            ).exclude(pk=self.pk)
            if duplicates.exists():
                errors["code"] = _(
                    "Recommendation %(code)s already exists in “%(report)s”. "
                    "Each code can occur only once per report."
                ) % {"code": self.code, "report": report.title}
        if errors:
            raise ValidationError(errors)

    # --- Derived status: the latest progress update, never stored ------------------------------

    @property
    def history(self):
        """Progress updates, oldest first (by date, then the editor's order)."""
        return sorted(
            self.progress_updates.all(), key=lambda u: (u.date, u.sort_order or 0, u.pk or 0)
        )

    @property
    def current_update(self):
        history = self.history
        return history[-1] if history else None

    @property
    def current_status(self):
        if "latest_status" in self.__dict__:
            return self.latest_status
        update = self.current_update
        return update.status if update else ProgressStatus.NOT_STARTED.value

    @property
    def current_status_date(self):
        if "latest_status_date" in self.__dict__:
            return self.latest_status_date
        update = self.current_update
        return update.date if update else None

    def get_current_status_display(self):
        return ProgressStatus(self.current_status).label

    get_current_status_display.short_description = _("current status")


class ProgressUpdate(TranslatableMixin, Orderable):
    """One step in a recommendation's history, with the source that reports it."""

    recommendation = ParentalKey(
        Recommendation, on_delete=models.CASCADE, related_name="progress_updates"
    )
    date = models.DateField(_("date"))
    status = models.CharField(_("status"), max_length=32, choices=ProgressStatus.choices)
    explanation = models.TextField(_("explanation"), blank=True)
    source_title = models.CharField(
        _("source"),
        max_length=255,
        blank=True,
        help_text=_(
            "The document that reports this step, e.g. 'Jaarrapportage Arbeidsmigranten 2022'."
        ),
    )
    source_url = models.URLField(
        _("source link"), max_length=500, blank=True, validators=[http_url_validator]
    )

    panels = [
        FieldPanel("date"),
        FieldPanel("status"),
        FieldPanel("explanation"),
        FieldPanel("source_title"),
        FieldPanel("source_url"),
    ]
    override_translatable_fields = [
        TranslatableField("explanation"),
        TranslatableField("source_title"),
        SynchronizedField("date"),
        SynchronizedField("status"),
        SynchronizedField("source_url"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        ordering = ["date", "sort_order"]

    def __str__(self):
        return f"{self.date}: {self.get_status_display()}"

    @staticmethod
    def date_error(date, report):
        """The form error for an update dated before its report was published, else None."""
        if date is None or report is None or report.publication_date is None:
            return None
        if date < report.publication_date:
            return _(
                "This update is dated before its report “%(report)s” was published "
                "(%(report_date)s). Check the date or the report."
            ) % {"report": report.title, "report_date": report.publication_date.isoformat()}
        return None


class RecommendationIndexPage(SearchEngineVisibilityMixin, RoutablePageMixin, BasePage):
    """The tracker: recommendations across reports, with filters, a status chart and a CSV.

    Routes (below the tracker's own URL, stable and documented):
    ``""`` the filtered list; ``r/<pk>/`` one recommendation with its timeline;
    ``export-csv/`` the filtered list as CSV (UTF-8 with BOM; Wagtail's page URLs allow no dot,
    so the file name comes from the Content-Disposition header).
    """

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    override_translatable_fields = [TranslatableField("intro")]
    api_fields = [APIField("intro")]

    subpage_types = ["comensha_content.PolicyReportPage"]
    template = "comensha_content/recommendations/recommendation_index_page.html"
    detail_template = "comensha_content/recommendations/recommendation_detail.html"

    class Meta:
        verbose_name = _("recommendation tracker")
        verbose_name_plural = _("recommendation trackers")

    @path("")
    def index_route(self, request):
        return self.render(request, context_overrides=tracker_context(self, request.GET, request))

    @path("r/<int:pk>/", name="recommendation")
    def recommendation_route(self, request, pk):
        return self.render(
            request,
            template=self.detail_template,
            context_overrides=recommendation_detail_context(self, pk, request),
        )

    @path("export-csv/", name="export_csv")
    def export_csv_route(self, request):
        return csv_response(self, request)

    def recommendation_url(self, recommendation, request=None, *, full=False):
        """The recommendation's own page under this tracker."""
        base = self.get_full_url(request) if full else self.get_url(request)
        if base is None:
            return None
        return base + self.reverse_subpage("recommendation", kwargs={"pk": recommendation.pk})
