"""The Kompas instrument finder: one set of filters for the HTML form and API v2.

Filters take codes (repeated or comma-separated): ``exploitation`` (form of exploitation),
``theme`` (Kader theme), ``plateau`` and ``authority`` (competent body). Codes within one filter
are alternatives (OR); different filters narrow each other (AND). Free text (``q`` in HTML;
Wagtail's ``search`` in the API) goes through Wagtail's search backend.

The filter parameter names differ from the model's field names on purpose: Wagtail's API
treats a parameter named like an API field as an exact field filter of its own.
"""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from comensha_content.core.conf import get_setting
from comensha_content.core.listing import BadFilterValue, get_codes
from comensha_content.core.locales import terms_for_locale
from comensha_content.kompas.choices import CompetentBody

#: Longest free-text query the finder accepts.
MAX_QUERY_LENGTH = 200

#: HTML query parameter for free text.
TEXT_PARAMETER = "q"


@dataclass(frozen=True)
class FinderFilter:
    """One filter: its query parameter, label, ORM lookup and where its codes come from."""

    parameter: str
    label: str
    lookup: str
    taxonomy: str = ""  # model name in models.taxonomy, or "" for competent body choices

    @property
    def taxonomy_model(self):
        from comensha_content.taxonomy import models as taxonomy

        return getattr(taxonomy, self.taxonomy) if self.taxonomy else None

    def allowed_codes(self):
        if self.taxonomy_model is None:
            return CompetentBody.values
        return set(self.taxonomy_model.objects.values_list("code", flat=True))

    def options(self, locale):
        """(code, label, language) for the form, in ``locale`` where translated.

        ``language`` is the language code of a label shown from another locale, else "".
        """
        if self.taxonomy_model is None:
            return [(code, label, "") for code, label in CompetentBody.choices]
        return [
            (term.code, term.name, term.locale.language_code if term.is_fallback else "")
            for term in terms_for_locale(self.taxonomy_model, locale)
        ]


FILTERS = (
    FinderFilter(
        "exploitation",
        _("Form of exploitation"),
        "forms_of_exploitation__code__in",
        "FormOfExploitation",
    ),
    FinderFilter("theme", _("Kader theme"), "kader_themes__code__in", "KaderTheme"),
    FinderFilter("plateau", _("Plateau"), "kader_plateau__code__in", "Plateau"),
    FinderFilter("authority", _("Competent body"), "competent_body__in"),
)


def filter_instruments(queryset, params):
    """``queryset`` narrowed by the finder filters in ``params``; raises BadFilterValue.

    Each filter becomes an ``id__in`` subquery, so the result has no duplicate rows from the
    many-to-many joins and stays a queryset Wagtail's search backends can search.
    """
    model = queryset.model
    for finder_filter in FILTERS:
        codes = get_codes(params, finder_filter.parameter, finder_filter.allowed_codes())
        if codes:
            matching = model.objects.filter(**{finder_filter.lookup: codes}).values("id")
            queryset = queryset.filter(id__in=matching)
    return queryset


def clean_query(params):
    """The free-text query from ``params`` (stripped), or raise BadFilterValue if malformed."""
    query = (params.get(TEXT_PARAMETER) or "").strip()
    if "\x00" in query or len(query) > MAX_QUERY_LENGTH:
        raise BadFilterValue(
            TEXT_PARAMETER,
            query[:40],
            gettext(
                "The search text is too long or contains characters that cannot be searched. Use at most %(max)s characters."
            )
            % {"max": MAX_QUERY_LENGTH},
        )
    return query


class InstrumentFinder:
    """The finder on a KompasPage: filtered, searched and paginated instruments.

    Bad input never raises: the finder then shows every instrument and ``notice`` says why.
    """

    def __init__(self, kompas_page, params, all_instruments):
        self.kompas_page = kompas_page
        self.locale = kompas_page.locale
        self.params = params
        self.notice = ""
        try:
            instruments = filter_instruments(all_instruments, params)
            self.query = clean_query(params)
            self.selected = {
                finder_filter.parameter: set(
                    get_codes(params, finder_filter.parameter, finder_filter.allowed_codes())
                )
                for finder_filter in FILTERS
            }
        except BadFilterValue as error:
            self.notice = error.message
            self.query = ""
            self.selected = {finder_filter.parameter: set() for finder_filter in FILTERS}
            instruments = all_instruments
        self.is_filtered = bool(self.query) or any(self.selected.values())
        if self.query:
            self.results = instruments.search(self.query)
        else:
            self.results = instruments.order_by("title")

    @cached_property
    def page(self):
        """The requested page of results; a bad page number gives the nearest valid page."""
        paginator = Paginator(self.results, get_setting("PAGINATE_BY"))
        return paginator.get_page(self.params.get("page"))

    @cached_property
    def filters(self):
        """Filters with their options for the form: label, parameter and (code, label, checked)."""
        return [
            {
                "parameter": finder_filter.parameter,
                "label": finder_filter.label,
                "options": [
                    {
                        "code": code,
                        "label": label,
                        "checked": code in self.selected[finder_filter.parameter],
                        "lang": language,
                    }
                    for code, label, language in finder_filter.options(self.locale)
                ],
            }
            for finder_filter in FILTERS
        ]

    @property
    def text_parameter(self):
        return TEXT_PARAMETER


def finder_api_description(kompas_page):
    """How a front end calls the finder through API v2, with the codes each filter accepts."""
    return {
        "endpoint_type": "comensha_content.InstrumentPage",
        "descendant_of": kompas_page.pk,
        "text_parameter": "search",
        "filters": [
            {
                "parameter": finder_filter.parameter,
                "label": str(finder_filter.label),
                "options": [
                    {"code": code, "label": str(label)}
                    for code, label, _language in finder_filter.options(kompas_page.locale)
                ],
            }
            for finder_filter in FILTERS
        ],
    }
