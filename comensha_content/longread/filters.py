"""The filters of the longread index: one FilterSet for the index page and API v2.

``narrator`` (``NarratorKind`` codes), ``form`` (form of exploitation codes) and ``role`` (role
codes), repeated or comma-separated; see ``comensha_content.core.listing``.
"""

from comensha_content.core.listing import CodesFilter, ListingFilterSet
from comensha_content.longread.choices import NarratorKind
from comensha_content.taxonomy.models import FormOfExploitation, Role


def _form_codes():
    return FormOfExploitation.objects.values_list("code", flat=True)


def _role_codes():
    return Role.objects.values_list("code", flat=True)


class StoryFilterSet(ListingFilterSet):
    """Stories by narrator kind, form of exploitation and role (foreign keys: no subquery)."""

    narrator = CodesFilter(
        "narrator_kind",
        codes=NarratorKind.values,
        subquery=False,
        description="Narrator kinds: stories told by any of them.",
    )
    form = CodesFilter(
        "form_of_exploitation__code",
        codes=_form_codes,
        subquery=False,
        description="Form of exploitation codes (taxonomy data).",
    )
    role = CodesFilter(
        "role__code",
        codes=_role_codes,
        subquery=False,
        description="Role codes (taxonomy data).",
    )
