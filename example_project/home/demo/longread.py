"""Demo longread: an index with the facts from DOMAIN.md and three experience stories.

Facts and quotes are real, with their sources (DOMAIN.md, the seed text). The stories'
narratives are invented for the demo and say so on the page ("Voorbeeldtekst").
"""

import datetime
import uuid

from django.utils import timezone

from comensha_content.core.translation import translate_instance
from comensha_content.models import (
    FormOfExploitation,
    LongreadIndexPage,
    LongreadPage,
    Role,
    StoryConsent,
)
from comensha_content.safety.consent import add_years

from .catalog import Catalog
from .illustrations import hero_fields

t = Catalog()

EXAMPLE_NOTE = t.rich(
    "<i>Voorbeeldtekst: dit verhaal is geschreven voor de demo van comensha-content. Het is niet "
    "het echte verhaal uit de Longread Mensenhandel; de naam is gefingeerd.</i>",
    "<i>Example text: this story was written for the comensha-content demo. It is not the real "
    "story from the Longread Mensenhandel; the name is made up.</i>",
)


def block(block_type, value):
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def fact(value, label, source_title, source_url, year, maximum=None, unit=""):
    return block(
        "fact",
        {
            "value": value,
            "maximum": maximum,
            "unit": unit,
            "label": label,
            "source_title": source_title,
            "source_url": source_url,
            "year": year,
        },
    )


FACT_VICTIMS_ESTIMATE = fact(
    5000,
    t(
        "geschatte slachtoffers van mensenhandel per jaar, van wie slechts een klein aantal in beeld is",
        "estimated victims of human trafficking a year, of whom only a small number are in view",
    ),
    t(
        "Nationaal Rapporteur Mensenhandel, geciteerd door CoMensha",
        "National Rapporteur on Trafficking in Human Beings, quoted by CoMensha",
    ),
    "https://www.nationaalrapporteur.nl/",
    2020,
    maximum=7500,
)
FACT_REPORTS_2019 = fact(
    1500,
    t(
        "meldingen van mogelijke slachtoffers bij CoMensha (ongeveer)",
        "reports of possible victims to CoMensha (about)",
    ),
    t.same("CoMensha"),
    "https://www.comensha.nl/",
    2019,
)
FACT_VICTIMS_2021 = fact(
    791,
    t("gemelde slachtoffers van mensenhandel", "reported victims of human trafficking"),
    t("Nationaal Rapporteur Mensenhandel", "National Rapporteur on Trafficking in Human Beings"),
    "https://www.nationaalrapporteur.nl/",
    2021,
)
FACT_YOUNG_PEOPLE = fact(
    12,
    t(
        "jaar: jongeren van deze leeftijd worden vaak slachtoffer",
        "years old: young people of this age are especially affected",
    ),
    t("VNG, Kompas Aanpak Mensenhandel", "VNG, Kompas Aanpak Mensenhandel"),
    "https://kompasaanpakmensenhandel.vng.nl/",
    2020,
    maximum=24,
)

INDEX = {
    "title": t("Longread Mensenhandel", "Longread Human Trafficking"),
    "slug": t("longread", "longread"),
    "intro": t.rich(
        "We ontwikkelden in 2020 een Longread Mensenhandel, een website met ervaringsverhalen van "
        "zowel slachtoffers als professionals; van handhaver tot zorgcoördinator, van "
        "aandachtsfunctionaris tot officier van justitie. De Longread is bedoeld voor burgers en "
        "professionals met wie wij het verschil willen maken in de strijd tegen elke vorm van "
        "uitbuiting.",
        "In 2020 we developed the Longread Human Trafficking, a website with experience stories of "
        "victims and professionals alike; from enforcement officer to care coordinator, from "
        "designated officer to public prosecutor. The Longread is meant for citizens and "
        "professionals with whom we want to make a difference in the fight against every form of "
        "exploitation.",
    ),
}


def chapter(heading_nl, heading_en, anchor):
    return block("chapter", {"heading": t(heading_nl, heading_en), "intro": "", "anchor": anchor})


def paragraph(dutch, english):
    return block("paragraph", t.rich(dutch, english))


STORIES = [
    {
        "title": t("Lisa: ‘Ik dacht dat hij van me hield’", "Lisa: ‘I thought he loved me’"),
        "slug": t("lisa", "lisa"),
        "lede": t(
            "Lisa* was zestien toen ze in Twente een oudere jongen leerde kennen. Binnen een paar "
            "maanden moest ze voor hem werken.",
            "Lisa* was sixteen when she met an older boy in Twente. Within a few months she had to "
            "work for him.",
        ),
        "shown_name": t.same("Lisa"),
        "narrator_kind": "victim",
        "role": "victim",
        "form": "sexual-exploitation",
        "region": t.same("Twente"),
        "content_warning": t("seksuele uitbuiting en geweld", "sexual exploitation and violence"),
        "body": [
            block("paragraph", EXAMPLE_NOTE),
            chapter("Verliefd", "In love", "verliefd"),
            paragraph(
                "Hij gaf me aandacht en cadeaus. Ik vertelde hem alles, ook over de ruzies thuis.",
                "He gave me attention and presents. I told him everything, including the rows at home.",
            ),
            block(
                "testimony",
                {
                    "name": t.same("Lisa"),
                    "is_pseudonym": True,
                    "speaker": "victim",
                    "text": t.rich(
                        "Toen hij zei dat ik hem geld schuldig was, geloofde ik hem nog.",
                        "When he said I owed him money, I still believed him.",
                    ),
                },
            ),
            chapter("Hulp", "Help", "hulp"),
            paragraph(
                "Een zorgcoördinator hielp Lisa aan een veilige plek en begeleiding.",
                "A care coordinator helped Lisa find a safe place and support.",
            ),
            FACT_YOUNG_PEOPLE,
        ],
    },
    {
        "title": t("Alexander: werken zonder rust", "Alexander: work without rest"),
        "slug": t("alexander", "alexander"),
        "lede": t(
            "Alexander* kwam als arbeidsmigrant naar Noord-Holland. Hij werkte lange dagen en "
            "woonde in een overvol huis van zijn werkgever.",
            "Alexander* came to Noord-Holland as a labour migrant. He worked long days and lived in "
            "an overcrowded house owned by his employer.",
        ),
        "shown_name": t.same("Alexander"),
        "narrator_kind": "victim",
        "role": "victim",
        "form": "labour-exploitation",
        "region": t.same("Noord-Holland"),
        "content_warning": "",
        "body": [
            block("paragraph", EXAMPLE_NOTE),
            chapter("Afhankelijk", "Dependent", "afhankelijk"),
            paragraph(
                "Zijn baan, zijn bed en zijn vervoer hingen af van dezelfde werkgever. Wie klaagde, "
                "kon vertrekken.",
                "His job, his bed and his transport all depended on the same employer. Whoever "
                "complained could leave.",
            ),
            block(
                "perspective",
                {
                    "domain": t("HANDHAVING", "ENFORCEMENT"),
                    "name": t.same("Marieke"),
                    "job_title": t("Arbeidsinspecteur", "Labour inspector"),
                    "organisation": t("Inspectie SZW (voorbeeld)", "Inspectie SZW (example)"),
                    "text": t.rich(
                        "Voorbeeldtekst: bij een controle zien we vaak eerst de huisvesting. Daar "
                        "begint het gesprek over de arbeidsomstandigheden.",
                        "Example text: during an inspection we often see the housing first. That "
                        "is where the conversation about working conditions begins.",
                    ),
                },
            ),
            chapter("Wat moet veranderen", "What must change", "wat-moet-veranderen"),
            block(
                "pull_quote",
                {
                    "quote": t(
                        "De problematiek rondom arbeidsmigranten is heel duidelijk geworden: slechte "
                        "huisvesting, te lange dagen werken en een sterke afhankelijkheid van de "
                        "werkgever.",
                        "The problems around labour migrants have become very clear: poor housing, "
                        "working days that are too long and a strong dependence on the employer.",
                    ),
                    "attribution_name": t.same("Emile Roemer"),
                    "attribution_role": t(
                        "voorzitter Aanjaagteam Bescherming Arbeidsmigranten",
                        "chair of the Aanjaagteam Bescherming Arbeidsmigranten",
                    ),
                },
            ),
            block(
                "pull_quote",
                {
                    "quote": t(
                        "Het wordt tijd dat we arbeidsmigranten als volwaardige burgers behandelen.",
                        "It is time we treated labour migrants as full citizens.",
                    ),
                    "attribution_name": t.same("Ina Hut"),
                    "attribution_role": t("directeur-bestuurder CoMensha", "director of CoMensha"),
                },
            ),
            FACT_VICTIMS_ESTIMATE,
        ],
    },
    {
        "title": t("Malek: gedwongen om te stelen", "Malek: forced to steal"),
        "slug": t("malek", "malek"),
        "lede": t(
            "Malek* werd in Amsterdam gedwongen om voor anderen drugs te vervoeren en te stelen.",
            "In Amsterdam, Malek* was forced to carry drugs and steal for others.",
        ),
        "shown_name": t.same("Malek"),
        "narrator_kind": "victim",
        "role": "victim",
        "form": "criminal-exploitation",
        "region": t.same("Amsterdam"),
        "content_warning": "",
        "body": [
            block("paragraph", EXAMPLE_NOTE),
            chapter("Dader of slachtoffer?", "Offender or victim?", "dader-of-slachtoffer"),
            paragraph(
                "Bij criminele uitbuiting lijkt het slachtoffer soms zelf de dader. Daardoor blijft "
                "de uitbuiting lang uit beeld.",
                "In criminal exploitation the victim can look like the offender. That is why the "
                "exploitation stays out of view for a long time.",
            ),
            block(
                "testimony",
                {
                    "name": t.same("Malek"),
                    "is_pseudonym": True,
                    "speaker": "victim",
                    "text": t.rich(
                        "Ik durfde niet te zeggen dat ik werd gedwongen.",
                        "I did not dare to say that I was being forced.",
                    ),
                },
            ),
            FACT_VICTIMS_2021,
        ],
    },
]


def helpline_block(context):
    """Helplines at the end of a victim's story: 112, CoMensha and Meld Misdaad Anoniem."""
    numbers = ["112", "033 448 11 86", "0800 7000"]
    return block(
        "helpline",
        {
            "heading": t("Hulp of advies nodig?", "Need help or advice?"),
            "helplines": [context.helplines[number].pk for number in numbers],
        },
    )


def _term(model, code, locale):
    return model.objects.filter(code=code, locale=locale).first()


def load(context):
    home = context.home
    index = LongreadIndexPage.objects.child_of(home).filter(slug=INDEX["slug"]).first()
    if index is None:
        index = home.add_child(
            instance=LongreadIndexPage(
                locale=context.source_locale,
                highlighted_facts=[
                    {
                        "type": "facts",
                        # Wagtail's list format (an id per item): wagtail-localize keys
                        # each fact's segments on its id.
                        "value": [
                            {"type": "item", "value": fact["value"], "id": str(uuid.uuid4())}
                            for fact in (
                                FACT_VICTIMS_ESTIMATE,
                                FACT_REPORTS_2019,
                                FACT_VICTIMS_2021,
                                FACT_YOUNG_PEOPLE,
                            )
                        ],
                    }
                ],
                **INDEX,
            )
        )
        index.save_revision().publish()
        context.report("Created the longread index page.")
    stories = []
    for data in STORIES:
        story = LongreadPage.objects.child_of(index).filter(slug=data["slug"]).first()
        if story is None:
            fields = {k: v for k, v in data.items() if k not in ("role", "form", "body")}
            fields.update(hero_fields(data["slug"], t))
            body = list(data["body"])
            if data["narrator_kind"] == "victim":
                body.append(helpline_block(context))
            story = index.add_child(
                instance=LongreadPage(
                    locale=context.source_locale,
                    role=_term(Role, data["role"], context.source_locale),
                    form_of_exploitation=_term(
                        FormOfExploitation, data["form"], context.source_locale
                    ),
                    body=body,
                    **fields,
                )
            )
            record_demo_consent(story, context)
            story.save_revision().publish()
            context.report(f"Created the story '{story.title}'.")
        stories.append(story)
    # Related stories point at each other (Dutch ids; rendering resolves the language).
    for story in stories:
        if not story.related_stories:
            story.related_stories = [
                {"type": "story", "value": other.pk} for other in stories if other.pk != story.pk
            ]
            story.save_revision().publish()
    for page in [index, *stories]:
        if not page.has_translation(context.target_locale):
            translate_instance(page, context.target_locale, t)
    context.report("Longread translated into English with wagtail-localize.")
    context.longread_index = index


def record_demo_consent(story, context):
    """Invented example consent (the demo stories are invented): valid for two more years.

    Dates are relative to the day the demo is loaded, so the demo stories stay online.
    """
    today = timezone.localdate()
    record = StoryConsent.objects.create(
        translation_key=story.translation_key,
        consent_date=today - datetime.timedelta(days=30),
        review_date=add_years(today, 2),
        on_web=True,
        via_api=True,
        internal_notes="Invented example record of the demo content; no real person.",
    )
    record.scope_locales.set([context.source_locale, context.target_locale])
