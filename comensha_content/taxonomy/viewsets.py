"""Snippet admin for the shared taxonomy, grouped under one menu item."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from comensha_content.taxonomy.models import (
    FormOfExploitation,
    Helpline,
    KaderTheme,
    Organisation,
    Plateau,
    Role,
)


class TermViewSet(SnippetViewSet):
    list_display = ["name", "code", "locale"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


class FormOfExploitationViewSet(TermViewSet):
    model = FormOfExploitation
    icon = "tag"


class RoleViewSet(TermViewSet):
    model = Role
    icon = "user"
    list_display = ["name", "code", "kind", "domain", "locale"]
    list_filter = ["kind"]


class OrganisationViewSet(TermViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "abbreviation", "code", "locale"]


class KaderThemeViewSet(TermViewSet):
    model = KaderTheme
    icon = "list-ol"
    list_display = ["number", "name", "code", "locale"]
    ordering = ["number"]


class PlateauViewSet(TermViewSet):
    model = Plateau
    icon = "list-ul"


class HelplineViewSet(SnippetViewSet):
    model = Helpline
    icon = "mail"
    list_display = ["name", "phone_number", "hours", "locale"]
    search_fields = ["name"]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomy")
    menu_icon = "tag"
    menu_name = "comensha-taxonomy"
    items = (
        FormOfExploitationViewSet,
        RoleViewSet,
        OrganisationViewSet,
        KaderThemeViewSet,
        PlateauViewSet,
        HelplineViewSet,
    )


SNIPPET_VIEWSETS = [TaxonomyViewSetGroup]
