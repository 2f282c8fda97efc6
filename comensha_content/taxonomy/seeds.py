"""Default taxonomy terms, seeded once into the site's default locale after migrate.

Names come from gettext, so a site gets them in its own default language; translators then
translate them like any snippet. A model is seeded only while its table is empty, so terms an
editor deleted or renamed stay as the editor left them.
"""

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _

FORMS_OF_EXPLOITATION = [
    ("sexual-exploitation", _("Sexual exploitation")),
    ("labour-exploitation", _("Labour exploitation")),
    ("criminal-exploitation", _("Criminal exploitation")),
    ("forced-organ-removal", _("Forced organ removal")),
]

#: (code, name, kind, domain)
ROLES = [
    ("victim", _("Victim"), "victim", ""),
    ("enforcement-officer", _("Enforcement officer"), "professional", _("Enforcement")),
    ("care-coordinator", _("Care coordinator"), "professional", _("Care")),
    ("designated-officer", _("Designated officer"), "professional", _("Municipality")),
    ("public-prosecutor", _("Public prosecutor"), "professional", _("Criminal justice")),
    ("chain-coordinator", _("Chain coordinator"), "professional", _("Chain cooperation")),
    ("mayor", _("Mayor"), "professional", _("Municipality")),
]

KADER_THEMES = [
    (1, "policy-foundation", _("Policy foundation")),
    (2, "identifying-signals", _("Municipal capacity to identify signals")),
    (3, "awareness", _("Awareness")),
    (4, "chain-cooperation", _("Cooperation in the chain and region")),
    (5, "shelter-and-care", _("Shelter and care for victims (and offenders)")),
]

PLATEAUS = [
    ("basis", _("Basis"), _("For every municipality.")),
    ("verdieping", _("In depth"), _("For municipalities that go further.")),
]


def seed_taxonomies(locale):
    """Create the default terms in ``locale`` for every taxonomy whose table is empty."""
    from comensha_content.taxonomy.models import FormOfExploitation, KaderTheme, Plateau, Role

    created = 0
    with translation.override(locale.language_code), transaction.atomic():
        if not FormOfExploitation.objects.exists():
            for order, (code, name) in enumerate(FORMS_OF_EXPLOITATION):
                FormOfExploitation.objects.create(
                    locale=locale, code=code, name=str(name), sort_order=order
                )
                created += 1
        if not Role.objects.exists():
            for order, (code, name, kind, domain) in enumerate(ROLES):
                Role.objects.create(
                    locale=locale,
                    code=code,
                    name=str(name),
                    kind=kind,
                    domain=str(domain),
                    sort_order=order,
                )
                created += 1
        if not KaderTheme.objects.exists():
            for number, code, name in KADER_THEMES:
                KaderTheme.objects.create(
                    locale=locale, code=code, name=str(name), number=number, sort_order=number
                )
                created += 1
        if not Plateau.objects.exists():
            for order, (code, name, description) in enumerate(PLATEAUS):
                Plateau.objects.create(
                    locale=locale,
                    code=code,
                    name=str(name),
                    description=str(description),
                    sort_order=order,
                )
                created += 1
    return created


def seed_after_migrate(sender, using="default", **kwargs):
    """post_migrate receiver: seed into the default locale once the tables exist."""
    from django.db import DatabaseError
    from wagtail.models import Locale

    try:
        locale = Locale.get_default()
    except (Locale.DoesNotExist, DatabaseError):
        return
    try:
        seed_taxonomies(locale)
    except DatabaseError:
        return  # migrated only partly (e.g. `migrate comensha_content 0000`)
