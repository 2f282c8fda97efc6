"""The Kompas finder's filters: one FilterSet for the HTML finder and API v2.

Codes (repeated or comma-separated): ``exploitation`` (form of exploitation), ``theme`` (Kader
theme), ``plateau`` and ``authority`` (competent body). Codes within one filter are alternatives
(OR); different filters narrow each other (AND). ``q`` is the HTML finder's free text, searched
by the finder through Wagtail's search backend; the API reads Wagtail's own ``search`` instead.

The filter parameter names differ from the model's field names on purpose: Wagtail's API
treats a parameter named like an API field as an exact field filter of its own.
"""

from django.utils.translation import gettext_lazy as _

from comensha_content.core.listing import CodesFilter, ListingFilter, ListingFilterSet
from comensha_content.core.locales import terms_for_locale
from comensha_content.core.search_text import SearchTextField
from comensha_content.kompas.choices import CompetentBody

#: HTML query parameter for free text.
TEXT_PARAMETER = "q"


def _taxonomy(name):
    from comensha_content.taxonomy import models as taxonomy

    return getattr(taxonomy, name)


def _term_codes(taxonomy):
    def codes():
        return _taxonomy(taxonomy).objects.values_list("code", flat=True)

    return codes


class FinderFilter(CodesFilter):
    """A finder filter: codes of a taxonomy model in ``models.taxonomy``, or of competent bodies.

    Each is an ``id__in`` subquery, so the result has no duplicate rows from the many-to-many
    joins and stays a queryset Wagtail's search backends can search.
    """

    def __init__(self, field_name, *, taxonomy="", label, **kwargs):
        self.taxonomy = taxonomy  # model name in models.taxonomy, or "" for competent bodies
        codes = _term_codes(taxonomy) if taxonomy else CompetentBody.values
        super().__init__(field_name, codes=codes, label=label, **kwargs)

    @property
    def taxonomy_model(self):
        return _taxonomy(self.taxonomy) if self.taxonomy else None

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


class FinderTextFilter(ListingFilter):
    """Checks the finder's free text; the finder searches with it (search results are no
    queryset to filter further), so the filter itself leaves the queryset as it is."""

    field_class = SearchTextField

    def filter(self, qs, value):
        return qs


class InstrumentFilterSet(ListingFilterSet):
    """The finder's filters, in the order the form shows them; ``q`` last (HTML only)."""

    exploitation = FinderFilter(
        "forms_of_exploitation__code",
        taxonomy="FormOfExploitation",
        label=_("Form of exploitation"),
        description="Form of exploitation codes (taxonomy data).",
    )
    theme = FinderFilter(
        "kader_themes__code",
        taxonomy="KaderTheme",
        label=_("Kader theme"),
        description="Kader theme codes (taxonomy data).",
    )
    plateau = FinderFilter(
        "kader_plateau__code",
        taxonomy="Plateau",
        label=_("Plateau"),
        description="Plateau codes (taxonomy data).",
    )
    authority = FinderFilter(
        "competent_body",
        label=_("Competent body"),
        description="Competent body codes.",
    )
    q = FinderTextFilter(html_only=True, description="Free text (HTML finder).")


#: The finder's code filters, in order (the form, ``finder_api_description`` and its schema).
FILTERS = tuple(
    filter_
    for filter_ in InstrumentFilterSet.base_filters.values()
    if isinstance(filter_, FinderFilter)
)
