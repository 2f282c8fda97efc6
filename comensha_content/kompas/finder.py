"""The Kompas instrument finder on a KompasPage: filtered, searched and paginated instruments.

Its filters are ``InstrumentFilterSet`` (``kompas/filters.py``), the same django-filter FilterSet
API v2 runs: codes (repeated or comma-separated) of ``exploitation``, ``theme``, ``plateau`` and
``authority``, alternatives within one filter, narrowing across filters. Free text (``q`` in
HTML; Wagtail's ``search`` in the API) goes through Wagtail's search backend.
"""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.utils.functional import cached_property

from comensha_content.core.conf import get_setting
from comensha_content.core.listing import BadFilterValue
from comensha_content.core.search_text import search_limits
from comensha_content.kompas.filters import FILTERS, TEXT_PARAMETER, InstrumentFilterSet


class InstrumentFinder:
    """The finder on a KompasPage: filtered, searched and paginated instruments.

    Bad input never raises: the finder then shows every instrument and ``notice`` says why.
    """

    def __init__(self, kompas_page, params, all_instruments):
        self.kompas_page = kompas_page
        self.locale = kompas_page.locale
        self.params = params
        self.notice = ""
        filterset = InstrumentFilterSet(params, all_instruments)
        try:
            instruments = filterset.filtered()
            self.query = filterset.cleaned_data[TEXT_PARAMETER]
            self.selected = {
                finder_filter.parameter: set(filterset.cleaned_data[finder_filter.parameter])
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

    @property
    def search_max_length(self):
        """The search field's ``maxlength``: the search limit (``core.search_text``)."""
        return search_limits()[0]

    def _querystring(self, without=None):
        """The finder's query with one (parameter, code) left out; ``?`` alone when empty."""
        pairs = (
            [(TEXT_PARAMETER, self.query)]
            if self.query and without != (TEXT_PARAMETER, None)
            else []
        )
        for finder_filter in FILTERS:
            for code in sorted(self.selected[finder_filter.parameter]):
                if (finder_filter.parameter, code) != without:
                    pairs.append((finder_filter.parameter, code))
        return "?" + urlencode(pairs)

    @cached_property
    def active_tags(self):
        """The applied search text and filter options, each with the URL that removes it alone
        (GOV.UK's finder pattern: active filters as removable tags, no JavaScript needed)."""
        tags = []
        if self.query:
            tags.append(
                {
                    "kind": None,
                    "label": self.query,
                    "url": self._querystring((TEXT_PARAMETER, None)),
                }
            )
        for finder_filter in self.filters:
            for option in finder_filter["options"]:
                if option["checked"]:
                    tags.append(
                        {
                            "kind": finder_filter["label"],
                            "label": option["label"],
                            "lang": option["lang"],
                            "url": self._querystring((finder_filter["parameter"], option["code"])),
                        }
                    )
        return tags


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
