"""English translations of the seeded taxonomy terms, and the demo helplines (see docs/reader-safety.md)."""

from django.utils import translation

from comensha_content.core.translation import translate_instance
from comensha_content.models import FormOfExploitation, Helpline, KaderTheme, Plateau, Role
from comensha_content.taxonomy import seeds

from .catalog import Catalog


def _seed_catalog():
    """Dutch -> English for every seeded label, straight from the shipped gettext catalogs."""
    labels = [name for _code, name in seeds.FORMS_OF_EXPLOITATION]
    labels += [name for _code, name, _kind, domain in seeds.ROLES] + [
        domain for *_rest, domain in seeds.ROLES if domain
    ]
    labels += [name for _number, _code, name in seeds.KADER_THEMES]
    labels += [text for _code, name, description in seeds.PLATEAUS for text in (name, description)]
    pairs = {}
    for label in labels:
        with translation.override("nl"):
            dutch = str(label)
        with translation.override("en"):
            pairs[dutch] = str(label)
    return pairs


def translate_taxonomy(context):
    catalog = _seed_catalog()
    for model in (FormOfExploitation, Role, KaderTheme, Plateau):
        for term in model.objects.filter(locale=context.source_locale):
            if not term.has_translation(context.target_locale):
                translate_instance(term, context.target_locale, catalog)


t = Catalog()
HELPLINES = [
    {
        "name": t("Alarmnummer 112", "Emergency number 112"),
        "phone_number": "112",
        "description": t("Bij acuut gevaar.", "In acute danger."),
        "emergency": True,
    },
    {
        "name": "CoMensha",
        "phone_number": "033 448 11 86",
        "hours": t("maandag tot en met vrijdag, 09:00–17:00", "Monday to Friday, 09:00–17:00"),
        "email": "info@comensha.nl",
        "url": "https://www.comensha.nl/",
        "description": t(
            "Landelijk coördinatiecentrum tegen mensenhandel: advies en hulp bij vragen over mensenhandel.",
            "National coordination centre against human trafficking: advice and help with questions about human trafficking.",
        ),
    },
    {
        "name": t("Politie", "Police"),
        "phone_number": "0900 8844",
        "url": "https://www.politie.nl/",
        "description": t(
            "Melding maken of aangifte doen van mensenhandel.",
            "Report human trafficking to the police.",
        ),
    },
    {
        "name": t("Nederlandse Arbeidsinspectie", "Netherlands Labour Authority"),
        "phone_number": "0800 5151",
        "phone_number_abroad": "+31 70 333 44 44",
        "url": "https://www.nlarbeidsinspectie.nl/",
        "description": t(
            "Melding maken van uitbuiting op het werk.",
            "Report exploitation at work.",
        ),
    },
    {
        "name": "Meld Misdaad Anoniem",
        "phone_number": "0800 7000",
        "url": "https://www.meldmisdaadanoniem.nl/",
        "anonymous": True,
        "description": t(
            # The page adds what "anonymous" means (caller ID off, calls not recorded).
            "Mensenhandel melden zonder je naam te noemen.",
            "Report human trafficking without giving your name.",
        ),
    },
]
t["CoMensha"] = "CoMensha"
t["Meld Misdaad Anoniem"] = "Meld Misdaad Anoniem"


def load_helplines(context):
    """Create the demo helplines in Dutch (looked up by phone number) and translate them."""
    helplines = []
    for order, data in enumerate(HELPLINES):
        helpline = Helpline.objects.filter(
            locale=context.source_locale, phone_number=data["phone_number"]
        ).first()
        if helpline is None:
            helpline = Helpline.objects.create(
                locale=context.source_locale, sort_order=order, **data
            )
        if not helpline.has_translation(context.target_locale):
            translate_instance(helpline, context.target_locale, t)
        helplines.append(helpline)
    context.helplines = {helpline.phone_number: helpline for helpline in helplines}
    return helplines


def load(context):
    translate_taxonomy(context)
    load_helplines(context)
    context.report("Taxonomy translated into English; demo helplines loaded.")
