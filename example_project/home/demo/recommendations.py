"""Demo recommendation tracker: the Aanjaagteam Bescherming Arbeidsmigranten and REST.

Documents, dates, Kamerstuk references and the history steps named in DOMAIN.md §3 are real:
the first advice (11 June 2020) and the government's response (3 July 2020, Kamerstuk 29861
nr. 52); "Geen tweederangsburgers" (30 October 2020) and the response (14 December 2020,
Kamerstuk 29861 nr. 55); the Jaarrapportages Arbeidsmigranten (17 December 2021, 11 January
2023); the Wtta (adopted by the Eerste Kamer on 11 November 2025, planned into force 1 January
2027); registration of temporary addresses (in force October 2022); recommendation 4.4.B; the REST
policy paper (25 January 2021). The quotes by Emile Roemer and Ina Hut come from the seed text.
Codes, wording and steps that are not in those sources are invented and say so in the content
("Voorbeeldtekst"). Every object is created in Dutch and translated with wagtail-localize.
"""

import copy
import datetime
import uuid

from comensha_content.core.translation import translate_instance
from comensha_content.recommendations.models import (
    DocumentType,
    GovernmentResponse,
    PolicyReportPage,
    ProgressStatus,
    ProgressUpdate,
    Recommendation,
    RecommendationIndexPage,
    RecommendationTheme,
)
from comensha_content.recommendations.tracker import RECOMMENDATION_THEME_SEEDS
from comensha_content.taxonomy.models import Organisation

from .catalog import Catalog

t = Catalog()

EXAMPLE = t(
    "Voorbeeldtekst: code en formulering zijn voor deze demo bedacht; de strekking volgt het advies.",
    "Example text: code and wording were made up for this demo; the gist follows the advice.",
)
EXAMPLE_WORDING = t(
    "Voorbeeldtekst: de formulering is voor deze demo bedacht; code en strekking volgen het advies.",
    "Example text: the wording was made up for this demo; code and gist follow the advice.",
)
EXAMPLE_REST = t(
    "Voorbeeldtekst: code en formulering zijn voor deze demo bedacht; de strekking volgt de "
    "aanbevelingen van het REST-project.",
    "Example text: code and wording were made up for this demo; the gist follows the REST "
    "project's recommendations.",
)
EXAMPLE_STEP = t(
    "Voorbeeldtekst: deze stap is voor de demo bedacht.",
    "Example text: this step was made up for the demo.",
)

KST_52 = "https://zoek.officielebekendmakingen.nl/kst-29861-52.html"
KST_55 = "https://zoek.officielebekendmakingen.nl/kst-29861-55.html"
AANJAAGTEAM = t.same("Aanjaagteam Bescherming Arbeidsmigranten")
GOVERNMENT = t("Kabinet", "Dutch government")

TRACKER = {
    "title": t("Aanbevelingen volgen", "Following the recommendations"),
    "slug": t("aanbevelingen", "recommendations"),
    "intro": t(
        "Wat adviseerden het Aanjaagteam Bescherming Arbeidsmigranten en het Europese "
        "REST-project, wat antwoordde het kabinet en wat is er sindsdien gebeurd? CoMensha volgt "
        "de aanbevelingen die zij steunt.",
        "What did the Aanjaagteam Bescherming Arbeidsmigranten (the taskforce for the protection "
        "of labour migrants) and the European REST project recommend, what did the government "
        "answer and what has happened since? CoMensha follows the recommendations it supports.",
    ),
}

#: code -> (Dutch name, English name); codes and order from the package's seed list.
THEME_NAMES = {
    "agency-work": t("Uitzendsector", "Agency work"),
    "visibility-of-labour-migration": t(
        "Zicht op arbeidsmigratie", "Visibility of labour migration"
    ),
    "housing": t("Huisvesting", "Housing"),
    "health-and-wellbeing": t("Gezondheid en welzijn", "Health and wellbeing"),
    "enforcement-and-supervision": t("Handhaving en toezicht", "Enforcement and supervision"),
    "institutional-embedding": t("Institutionele inbedding", "Institutional embedding"),
    "identification": t("Identificatie van slachtoffers", "Identification of victims"),
    "residence-permit": t("Verblijfsvergunning", "Residence permit"),
    "international-protection": t("Internationale bescherming", "International protection"),
}

ADDRESSEES = [
    {"code": "kabinet", "name": GOVERNMENT, "abbreviation": ""},
    {
        "code": "ministerie-szw",
        "name": t(
            "Ministerie van Sociale Zaken en Werkgelegenheid",
            "Ministry of Social Affairs and Employment",
        ),
        "abbreviation": t.same("SZW"),
        "url": "https://www.rijksoverheid.nl/ministeries/ministerie-van-sociale-zaken-en-werkgelegenheid",
    },
    {
        "code": "ministerie-bzk",
        "name": t(
            "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
            "Ministry of the Interior and Kingdom Relations",
        ),
        "abbreviation": t.same("BZK"),
        "url": "https://www.rijksoverheid.nl/ministeries/ministerie-van-binnenlandse-zaken-en-koninkrijksrelaties",
    },
    {
        "code": "ministerie-vws",
        "name": t(
            "Ministerie van Volksgezondheid, Welzijn en Sport",
            "Ministry of Health, Welfare and Sport",
        ),
        "abbreviation": t.same("VWS"),
        "url": "https://www.rijksoverheid.nl/ministeries/ministerie-van-volksgezondheid-welzijn-en-sport",
    },
    {
        "code": "ministerie-jenv",
        "name": t("Ministerie van Justitie en Veiligheid", "Ministry of Justice and Security"),
        "abbreviation": t.same("JenV"),
        "url": "https://www.rijksoverheid.nl/ministeries/ministerie-van-justitie-en-veiligheid",
    },
    {"code": "gemeenten", "name": t("Gemeenten", "Municipalities"), "abbreviation": ""},
    {"code": "staten", "name": t("Staten", "States"), "abbreviation": ""},
]


def block(block_type, value):
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def paragraph(dutch, english):
    return block("paragraph", t.rich(dutch, english))


ROEMER_QUOTE = block(
    "pull_quote",
    {
        "quote": t(
            "De problematiek rondom arbeidsmigranten is heel duidelijk geworden: slechte "
            "huisvesting, te lange dagen werken en een sterke afhankelijkheid van de werkgever. We "
            "moeten ervoor zorgen dat geen enkele arbeidsmigrant meer in een situatie belandt waar "
            "u of ik ook niet in zouden willen belanden. Met de voorstellen die wij doen, ontstaat "
            "een sluitend systeem waarbij bedrijven en huurbazen door regelgeving gedwongen worden "
            "zich netjes te gedragen. Gelukkig gaat dat al in veel gevallen heel goed. Van die "
            "succesverhalen moeten we leren.",
            "The problems around labour migrants have become very clear: poor housing, working "
            "days that are too long and a strong dependence on the employer. We must make sure "
            "that no labour migrant ends up in a situation that you or I would not want to end up "
            "in either. Our proposals create a watertight system in which regulation forces "
            "companies and landlords to behave decently. Fortunately, in many cases that already "
            "goes very well. We must learn from those success stories.",
        ),
        "attribution_name": t.same("Emile Roemer"),
        "attribution_role": t(
            "voorzitter Aanjaagteam Bescherming Arbeidsmigranten",
            "chair of the Aanjaagteam Bescherming Arbeidsmigranten",
        ),
    },
)

HUT_QUOTE = block(
    "pull_quote",
    {
        "quote": t(
            "Wij zijn erg blij met deze structurele aanbevelingen van het Aanjaagteam Bescherming "
            "Arbeidsmigranten. We zullen in de toekomst nog meer afhankelijk worden van "
            "arbeidsmigranten. Het wordt tijd dat we arbeidsmigranten als volwaardige burgers "
            "behandelen. Deze aanbevelingen dragen daar zeker aan bij. We vragen het kabinet dan "
            "ook om de aanbevelingen integraal over te nemen en toe te zien op handhaving ervan!",
            "We are very pleased with these structural recommendations of the Aanjaagteam "
            "Bescherming Arbeidsmigranten. In future we will depend on labour migrants even more. "
            "It is time we treated labour migrants as full citizens. These recommendations "
            "certainly contribute to that. We therefore ask the government to adopt the "
            "recommendations in full and to see that they are enforced!",
        ),
        "attribution_name": t.same("Ina H.R. Hut"),
        "attribution_role": t("directeur-bestuurder CoMensha", "director, CoMensha"),
    },
)

REPORTS = [
    {
        "key": "first-advice",
        "title": t(
            "Eerste advies van het Aanjaagteam Bescherming Arbeidsmigranten",
            "First advice of the Aanjaagteam Bescherming Arbeidsmigranten",
        ),
        "slug": t("eerste-advies-aanjaagteam", "first-advice-aanjaagteam"),
        "publisher": AANJAAGTEAM,
        "publication_date": datetime.date(2020, 6, 11),
        "document_type": DocumentType.ADVICE,
        "summary": t(
            "Het eerste advies van het Aanjaagteam onder leiding van Emile Roemer, uitgebracht "
            "tijdens de coronapandemie, die de slechte woon- en werkomstandigheden van "
            "arbeidsmigranten pijnlijk blootlegde.",
            "The first advice of the taskforce chaired by Emile Roemer, issued during the "
            "coronavirus pandemic, which painfully exposed the poor living and working "
            "conditions of labour migrants.",
        ),
    },
    {
        "key": "first-response",
        "title": t(
            "Kabinetsreactie op het eerste advies van het Aanjaagteam",
            "Government response to the first advice of the Aanjaagteam",
        ),
        "slug": t("kabinetsreactie-eerste-advies", "government-response-first-advice"),
        "publisher": GOVERNMENT,
        "publication_date": datetime.date(2020, 7, 3),
        "document_type": DocumentType.GOVERNMENT_RESPONSE,
        "reference": "Kamerstuk 29861 nr. 52",
        "external_url": KST_52,
        "summary": t(
            "De reactie van het kabinet op het eerste advies, aan de Tweede Kamer gestuurd.",
            "The government's response to the first advice, sent to the House of Representatives.",
        ),
    },
    {
        "key": "second-class",
        "title": t("Geen tweederangsburgers", "No second-class citizens"),
        "slug": t("geen-tweederangsburgers", "no-second-class-citizens"),
        "publisher": AANJAAGTEAM,
        "publication_date": datetime.date(2020, 10, 30),
        "document_type": DocumentType.ADVICE,
        "summary": t(
            "Het tweede advies van het Aanjaagteam, met ongeveer vijftig aanbevelingen over de "
            "uitzendsector, zicht op arbeidsmigratie, huisvesting, gezondheid en welzijn, "
            "handhaving en toezicht, en institutionele inbedding.",
            "The taskforce's second advice, with about fifty recommendations on agency work, "
            "visibility of labour migration, housing, health and wellbeing, enforcement and "
            "supervision, and institutional embedding.",
        ),
        "body": [
            paragraph(
                "De coronapandemie trof weliswaar iedereen, maar niet in dezelfde mate. Het legde "
                "op een pijnlijke manier de slechte woon- en werkomstandigheden van hardwerkende "
                "arbeidsmigranten bloot, terwijl deze mensen essentieel zijn om onze samenleving "
                "draaiende te houden.",
                "The coronavirus pandemic hit everyone, but not to the same degree. It painfully "
                "exposed the poor living and working conditions of hard-working labour migrants, "
                "while these people are essential to keeping our society running.",
            ),
            paragraph(
                "CoMensha pleit al jaren voor een betere maatschappelijke positie voor "
                "arbeidsmigranten en stapte daarom met energie in het Aanjaagteam Bescherming "
                "Arbeidsmigranten, onder leiding van Emile Roemer. Doel is de positie van "
                "arbeidsmigranten tijdens de coronapandemie en ook erna structureel en duurzaam te "
                "verbeteren, met de focus op goede huisvesting, veilig werk en sociale zekerheden.",
                "CoMensha has argued for a better position of labour migrants in society for "
                "years and therefore joined the Aanjaagteam Bescherming Arbeidsmigranten, chaired "
                "by Emile Roemer, with energy. Its aim is to improve the position of labour "
                "migrants structurally and lastingly, during the pandemic and after it, focusing "
                "on good housing, safe work and social security.",
            ),
            ROEMER_QUOTE,
            HUT_QUOTE,
        ],
    },
    {
        "key": "second-response",
        "title": t(
            "Kabinetsreactie op ‘Geen tweederangsburgers’",
            "Government response to ‘No second-class citizens’",
        ),
        "slug": t(
            "kabinetsreactie-geen-tweederangsburgers",
            "government-response-no-second-class-citizens",
        ),
        "publisher": GOVERNMENT,
        "publication_date": datetime.date(2020, 12, 14),
        "document_type": DocumentType.GOVERNMENT_RESPONSE,
        "reference": "Kamerstuk 29861 nr. 55",
        "external_url": KST_55,
        "summary": t(
            "De reactie van het kabinet op het tweede advies, met per aanbeveling het vervolg.",
            "The government's response to the second advice, with the follow-up per "
            "recommendation.",
        ),
    },
    {
        "key": "annual-2021",
        "title": t("Jaarrapportage Arbeidsmigranten 2021", "Annual report on labour migrants 2021"),
        "slug": t("jaarrapportage-arbeidsmigranten-2021", "annual-report-labour-migrants-2021"),
        "publisher": GOVERNMENT,
        "publication_date": datetime.date(2021, 12, 17),
        "document_type": DocumentType.PROGRESS_REPORT,
        "summary": t(
            "De eerste jaarlijkse voortgangsrapportage over de aanbevelingen van het Aanjaagteam.",
            "The first yearly progress report on the taskforce's recommendations.",
        ),
    },
    {
        "key": "annual-2022",
        "title": t("Jaarrapportage Arbeidsmigranten 2022", "Annual report on labour migrants 2022"),
        "slug": t("jaarrapportage-arbeidsmigranten-2022", "annual-report-labour-migrants-2022"),
        "publisher": GOVERNMENT,
        "publication_date": datetime.date(2023, 1, 11),
        "document_type": DocumentType.PROGRESS_REPORT,
        "summary": t(
            "De voortgangsrapportage over 2022 over de aanbevelingen van het Aanjaagteam.",
            "The progress report for 2022 on the taskforce's recommendations.",
        ),
    },
    {
        "key": "rest-policy-paper",
        "title": t(
            "REST policy paper: verblijfsstatus en bescherming van slachtoffers van mensenhandel",
            "REST policy paper: residence status and the protection of trafficked persons",
        ),
        "slug": t.same("rest-policy-paper"),
        "publisher": t.same(
            "REST-project (LEFÖ-IBF, ASTRA, La Strada Moldova, CoMensha, CCEM, Proyecto Esperanza)"
        ),
        "publication_date": datetime.date(2021, 1, 25),
        "document_type": DocumentType.POLICY_PAPER,
        "summary": t(
            "Het Europese project REST (REsidency STatus: Strengthening the Protection of "
            "Trafficked Persons), van augustus 2019 tot maart 2021 gecoördineerd door LEFÖ-IBF, "
            "vraagt staten om slachtoffers van mensenhandel de bescherming te geven waar zij recht "
            "op hebben, ook als zij derdelander zijn.",
            "The European project REST (REsidency STatus: Strengthening the Protection of "
            "Trafficked Persons), coordinated by LEFÖ-IBF from August 2019 to March 2021, asks "
            "states to give victims of trafficking the protection they are entitled to, also "
            "when they are third-country nationals.",
        ),
        "body": [
            paragraph(
                "CoMensha participeert in het REST-project en uitte haar zorg over hoe moeizaam "
                "derdelanders rechten en bescherming krijgen op basis van nationale en "
                "internationale wet- en regelgeving. Dit resulteerde in een REST Final Report (12 "
                "maart 2021), een verkort policy paper en een gids van best practices.",
                "CoMensha takes part in the REST project and voiced its concern about how hard "
                "it is for third-country nationals to obtain rights and protection under national "
                "and international law. This resulted in a REST Final Report (12 March 2021), a "
                "shorter policy paper and a guide of best practices.",
            ),
        ],
    },
]


def update(date, status, explanation, source_title="", source_url=""):
    return {
        "date": date,
        "status": status,
        "explanation": explanation,
        "source_title": source_title,
        "source_url": source_url,
    }


SOURCE_55 = t(
    "Kabinetsreactie op ‘Geen tweederangsburgers’ (Kamerstuk 29861 nr. 55)",
    "Government response to ‘No second-class citizens’ (Kamerstuk 29861 no. 55)",
)
SOURCE_2021 = t("Jaarrapportage Arbeidsmigranten 2021", "Annual report on labour migrants 2021")
SOURCE_2022 = t("Jaarrapportage Arbeidsmigranten 2022", "Annual report on labour migrants 2022")

RECOMMENDATIONS = [
    {
        "report": "second-class",
        "code": "4.1.A",
        "title": t(
            "Verplichte certificering van uitzendbureaus",
            "Mandatory certification of labour-hire agencies",
        ),
        "text": t(
            "Voer een verplicht certificeringsstelsel in voor uitzendbureaus, zodat alleen "
            "bureaus die aan de eisen voldoen arbeidskrachten ter beschikking mogen stellen.",
            "Introduce mandatory certification of labour-hire agencies, so that only agencies "
            "that meet the requirements may supply workers.",
        ),
        "example": EXAMPLE,
        "themes": ["agency-work", "enforcement-and-supervision"],
        "addressees": ["ministerie-szw"],
        "government_response": GovernmentResponse.ACCEPTED,
        "history": [
            update(
                datetime.date(2020, 12, 14),
                ProgressStatus.EXPLORING,
                t(
                    "Het kabinet neemt de aanbeveling over en werkt een verplicht "
                    "certificeringsstelsel uit.",
                    "The government adopts the recommendation and works out a mandatory "
                    "certification system.",
                ),
                SOURCE_55,
                KST_55,
            ),
            update(
                datetime.date(2021, 12, 17),
                ProgressStatus.BILL_IN_PREPARATION,
                t(
                    "Het wetsvoorstel voor het toelatingsstelsel wordt voorbereid. "
                    "Voorbeeldtekst: deze stap is voor de demo bedacht.",
                    "The bill for the admission system is being prepared. "
                    "Example text: this step was made up for the demo.",
                ),
                SOURCE_2021,
            ),
            update(
                datetime.date(2025, 11, 11),
                ProgressStatus.ADOPTED,
                t(
                    "De Eerste Kamer neemt de Wet toelating terbeschikkingstelling arbeidskrachten "
                    "(Wtta) aan. De inwerkingtreding is gepland op 1 januari 2027.",
                    "The Senate adopts the Labour Supply Admission Act (Wet toelating "
                    "terbeschikkingstelling arbeidskrachten, Wtta). It is planned to enter into "
                    "force on 1 January 2027.",
                ),
                t("Eerste Kamer der Staten-Generaal", "Senate of the States General"),
                "https://www.eerstekamer.nl/",
            ),
        ],
    },
    {
        "report": "second-class",
        "code": "4.2.A",
        "title": t(
            "Registreer tijdelijke verblijfsadressen van arbeidsmigranten",
            "Register labour migrants' temporary addresses",
        ),
        "text": t(
            "Zorg dat het tijdelijke verblijfsadres van arbeidsmigranten wordt geregistreerd, "
            "zodat gemeenten en toezichthouders weten waar zij wonen en hen kunnen bereiken.",
            "Make sure labour migrants' temporary addresses are registered, so that "
            "municipalities and inspectors know where they live and can reach them.",
        ),
        "example": EXAMPLE,
        "themes": ["visibility-of-labour-migration"],
        "addressees": ["ministerie-bzk", "gemeenten"],
        "government_response": GovernmentResponse.ACCEPTED,
        "history": [
            update(
                datetime.date(2020, 12, 14),
                ProgressStatus.EXPLORING,
                t(
                    "Het kabinet neemt de aanbeveling over. Voorbeeldtekst: de formulering van "
                    "deze stap is voor de demo bedacht.",
                    "The government adopts the recommendation. Example text: the wording of this "
                    "step was made up for the demo.",
                ),
                SOURCE_55,
                KST_55,
            ),
            update(
                datetime.date(2022, 10, 1),
                ProgressStatus.IN_FORCE,
                t(
                    "Sinds oktober 2022 is de registratie van tijdelijke adressen in werking.",
                    "Registration of temporary addresses has been in force since October 2022.",
                ),
                SOURCE_2022,
            ),
        ],
    },
    {
        "report": "second-class",
        "code": "4.4.B",
        "title": t(
            "Maak het arbeidscontract los van het huurcontract",
            "Separate the employment contract from the rental contract",
        ),
        "text": t(
            "Leg werk en wonen vast in afzonderlijke overeenkomsten, zodat een arbeidsmigrant die "
            "zijn baan verliest niet tegelijk zijn woning kwijtraakt.",
            "Record work and housing in separate agreements, so that a labour migrant who loses "
            "their job does not lose their home at the same time.",
        ),
        "example": EXAMPLE_WORDING,
        "themes": ["housing"],
        "addressees": ["ministerie-bzk", "ministerie-szw"],
        "government_response": GovernmentResponse.ACCEPTED,
        "history": [
            update(
                datetime.date(2020, 12, 14),
                ProgressStatus.EXPLORING,
                t(
                    "Het kabinet onderzoekt hoe arbeids- en huurovereenkomst wettelijk kunnen "
                    "worden gescheiden. Voorbeeldtekst: deze stap is voor de demo bedacht.",
                    "The government explores how employment and rental agreements can be "
                    "separated by law. Example text: this step was made up for the demo.",
                ),
                SOURCE_55,
                KST_55,
            ),
            update(
                datetime.date(2023, 1, 11),
                ProgressStatus.BILL_IN_PREPARATION,
                t(
                    "Een wettelijke regeling wordt voorbereid. Voorbeeldtekst: deze stap is voor "
                    "de demo bedacht.",
                    "A statutory rule is being prepared. Example text: this step was made up for "
                    "the demo.",
                ),
                SOURCE_2022,
            ),
        ],
    },
    {
        "report": "second-class",
        "code": "4.5.A",
        "title": t(
            "Zorg dat arbeidsmigranten verzekerd zijn en toegang hebben tot zorg",
            "Make sure labour migrants are insured and have access to care",
        ),
        "text": t(
            "Zorg dat arbeidsmigranten vanaf hun eerste werkdag verzekerd zijn en weten waar zij "
            "terechtkunnen als zij ziek worden.",
            "Make sure labour migrants are insured from their first working day and know where "
            "to turn when they fall ill.",
        ),
        "example": EXAMPLE,
        "themes": ["health-and-wellbeing"],
        "addressees": ["ministerie-vws", "ministerie-szw"],
        "government_response": GovernmentResponse.PARTLY,
        "history": [
            update(
                datetime.date(2021, 12, 17),
                ProgressStatus.EXPLORING,
                EXAMPLE_STEP,
                SOURCE_2021,
            ),
        ],
    },
    {
        "report": "second-class",
        "code": "4.6.A",
        "title": t(
            "Versterk het toezicht op arbeidsomstandigheden en huisvesting",
            "Strengthen supervision of working conditions and housing",
        ),
        "text": t(
            "Geef de Nederlandse Arbeidsinspectie en gemeenten de capaciteit en bevoegdheden om "
            "misstanden in werk en huisvesting van arbeidsmigranten aan te pakken.",
            "Give the Netherlands Labour Authority and municipalities the capacity and powers to "
            "tackle abuses in labour migrants' work and housing.",
        ),
        "example": EXAMPLE,
        "themes": ["enforcement-and-supervision", "housing"],
        "addressees": ["ministerie-szw", "gemeenten"],
        "government_response": GovernmentResponse.ACCEPTED,
        "history": [
            update(
                datetime.date(2020, 12, 14),
                ProgressStatus.EXPLORING,
                EXAMPLE_STEP,
                SOURCE_55,
                KST_55,
            ),
            update(
                datetime.date(2023, 1, 11),
                ProgressStatus.IMPLEMENTED,
                EXAMPLE_STEP,
                SOURCE_2022,
            ),
        ],
    },
    {
        "report": "second-class",
        "code": "4.7.A",
        "title": t(
            "Beleg de coördinatie van het beleid voor arbeidsmigranten bij één bewindspersoon",
            "Make one minister responsible for coordinating policy on labour migrants",
        ),
        "text": t(
            "Maak één bewindspersoon verantwoordelijk voor de samenhang van het beleid voor "
            "arbeidsmigranten.",
            "Make one minister responsible for the coherence of policy on labour migrants.",
        ),
        "example": EXAMPLE,
        "themes": ["institutional-embedding"],
        "addressees": ["kabinet"],
        "government_response": GovernmentResponse.NOT_ACCEPTED,
        "history": [
            update(
                datetime.date(2020, 12, 14),
                ProgressStatus.NOT_ADOPTED,
                EXAMPLE_STEP,
                SOURCE_55,
                KST_55,
            ),
        ],
    },
    {
        "report": "first-advice",
        "code": "1",
        "title": t(
            "Zorg voor goede huisvesting, ook tijdens de pandemie",
            "Ensure decent housing, also during the pandemic",
        ),
        "text": t(
            "Zorg dat arbeidsmigranten ook tijdens de coronapandemie veilig en met voldoende "
            "ruimte wonen.",
            "Make sure labour migrants live safely and with enough space, also during the "
            "coronavirus pandemic.",
        ),
        "example": EXAMPLE,
        "themes": ["housing", "health-and-wellbeing"],
        "addressees": ["kabinet", "gemeenten"],
        "government_response": GovernmentResponse.ACCEPTED,
        "history": [
            update(
                datetime.date(2020, 7, 3),
                ProgressStatus.EXPLORING,
                EXAMPLE_STEP,
                t(
                    "Kabinetsreactie op het eerste advies (Kamerstuk 29861 nr. 52)",
                    "Government response to the first advice (Kamerstuk 29861 no. 52)",
                ),
                KST_52,
            ),
        ],
    },
    {
        "report": "rest-policy-paper",
        "code": "REST-1",
        "title": t(
            "Identificeer slachtoffers vroeg, los van hun verblijfsstatus",
            "Identify victims early, regardless of their residence status",
        ),
        "text": t(
            "Zorg dat slachtoffers van mensenhandel vroeg worden herkend en geïdentificeerd, los "
            "van hun verblijfsstatus en van hun medewerking aan een strafrechtelijk onderzoek.",
            "Make sure victims of trafficking are recognised and identified early, regardless "
            "of their residence status and of whether they cooperate with a criminal "
            "investigation.",
        ),
        "example": EXAMPLE_REST,
        "themes": ["identification"],
        "addressees": ["staten"],
        "government_response": GovernmentResponse.NONE_YET,
        "history": [],
    },
    {
        "report": "rest-policy-paper",
        "code": "REST-2",
        "title": t(
            "Een verblijfsvergunning op grond van de persoonlijke situatie, vanaf het begin",
            "A residence permit based on the personal situation, from the outset",
        ),
        "text": t(
            "Slachtoffers van mensenhandel moeten vanaf het begin een verblijfsvergunning kunnen "
            "aanvragen op grond van hun persoonlijke situatie, zoals artikel 14 van het Verdrag "
            "van de Raad van Europa inzake bestrijding van mensenhandel mogelijk maakt, en niet "
            "alleen als zij meewerken aan strafrechtelijk onderzoek.",
            "Victims of trafficking must be able to apply for a residence permit on the basis of "
            "their personal situation from the outset, as Article 14 of the Council of Europe "
            "Convention on Action against Trafficking in Human Beings allows, and not only when "
            "they cooperate with a criminal investigation.",
        ),
        "example": EXAMPLE_REST,
        "themes": ["residence-permit"],
        "addressees": ["staten", "ministerie-jenv"],
        "government_response": GovernmentResponse.NONE_YET,
        "history": [],
    },
    {
        "report": "rest-policy-paper",
        "code": "REST-3",
        "title": t("Toegang tot internationale bescherming", "Access to international protection"),
        "text": t(
            "Derdelanders die slachtoffer zijn van mensenhandel moeten naast de verblijfsregeling "
            "voor slachtoffers ook toegang hebben tot internationale bescherming.",
            "Third-country nationals who are victims of trafficking must have access to "
            "international protection as well as to the residence scheme for victims.",
        ),
        "example": EXAMPLE_REST,
        "themes": ["international-protection"],
        "addressees": ["staten"],
        "government_response": GovernmentResponse.NONE_YET,
        "history": [],
    },
]


def _publish_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def load_tracker(context):
    tracker = RecommendationIndexPage.objects.child_of(context.home).filter(slug=TRACKER["slug"])
    tracker = tracker.first()
    if tracker is None:
        tracker = _publish_child(
            context.home, RecommendationIndexPage(locale=context.source_locale, **TRACKER)
        )
        context.report("Created the recommendation tracker page.")
    reports = {}
    for data in REPORTS:
        # A deep copy: Wagtail may convert stream data in place, and the loader can run again.
        fields = copy.deepcopy({key: value for key, value in data.items() if key != "key"})
        report = PolicyReportPage.objects.child_of(tracker).filter(slug=data["slug"]).first()
        if report is None:
            report = _publish_child(
                tracker, PolicyReportPage(locale=context.source_locale, **fields)
            )
            context.report(f"Created the policy report '{report.title}'.")
        reports[data["key"]] = report
    return tracker, reports


def load_terms(context):
    """Themes (the package's seed codes) and the addressees the demo needs, in Dutch."""
    order = {code: number for number, (code, _label) in enumerate(RECOMMENDATION_THEME_SEEDS, 1)}
    themes = {}
    for code, name in THEME_NAMES.items():
        themes[code], _created = RecommendationTheme.objects.get_or_create(
            locale=context.source_locale,
            code=code,
            defaults={"name": name, "sort_order": order[code]},
        )
    organisations = {}
    for number, data in enumerate(ADDRESSEES, 1):
        organisations[data["code"]], _created = Organisation.objects.get_or_create(
            locale=context.source_locale,
            code=data["code"],
            defaults={**data, "sort_order": 100 + number},
        )
    return themes, organisations


def load_recommendations(context, reports, themes, organisations):
    recommendations = []
    for data in RECOMMENDATIONS:
        report = reports[data["report"]]
        recommendation = Recommendation.objects.filter(
            report=report, code=data["code"], locale=context.source_locale
        ).first()
        if recommendation is None:
            recommendation = Recommendation(
                locale=context.source_locale,
                report=report,
                code=data["code"],
                title=data["title"],
                text=_with_note(data["text"], data["example"]),
                government_response=data["government_response"],
                themes=[themes[code] for code in data["themes"]],
                addressees=[organisations[code] for code in data["addressees"]],
                progress_updates=[
                    ProgressUpdate(sort_order=number, **step)
                    for number, step in enumerate(data["history"])
                ],
            )
            recommendation.full_clean()
            recommendation.save()
            context.report(f"Created recommendation {recommendation.code}.")
        recommendations.append(recommendation)
    return recommendations


def _with_note(text, note):
    """A recommendation's text followed by its example-text note, as one translatable segment."""
    return f"{text} ({note})"


def _text_catalog():
    """The demo's pairs, plus the recommendation texts as stored (text and example note)."""
    catalog = dict(t)
    for data in RECOMMENDATIONS:
        catalog[_with_note(data["text"], data["example"])] = _with_note(
            t[data["text"]], t[data["example"]]
        )
    return catalog


def translate(context, objects):
    catalog = _text_catalog()
    for instance in objects:
        if not instance.has_translation(context.target_locale):
            translate_instance(instance, context.target_locale, catalog)


def load(context):
    tracker, reports = load_tracker(context)
    themes, organisations = load_terms(context)
    recommendations = load_recommendations(context, reports, themes, organisations)
    # Pages before the recommendations: a translated recommendation belongs to the English report.
    translate(context, [tracker, *reports.values()])
    translate(context, [*themes.values(), *organisations.values()])
    translate(context, recommendations)
    context.report("Recommendation tracker translated into English with wagtail-localize.")
    context.recommendation_tracker = tracker
    return tracker
