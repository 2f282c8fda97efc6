"""Demo Kompas Aanpak Mensenhandel: the landing, six chapters and five administrative instruments.

Facts, laws, articles and the case law are real (DOMAIN.md §2, wetten.overheid.nl,
rechtspraak.nl). The real Kompas's chapter list is not public, so the chapters are structured
from its topics and say so on the page ("Voorbeeldtekst"); invented practice examples are
marked as example text too. Dutch is the source; English comes through wagtail-localize.
"""

from comensha_content.core.translation import translate_instance
from comensha_content.kompas.models import InstrumentPage, KompasChapterPage, KompasPage
from comensha_content.models import FormOfExploitation, KaderTheme, Organisation, Plateau, Role
from comensha_content.taxonomy.seeds import seed_taxonomies

from .catalog import Catalog
from .longread import block, fact
from .taxonomy import translate_taxonomy

t = Catalog()

GEMEENTEWET = "https://wetten.overheid.nl/BWBR0005416"
WET_BIBOB = "https://wetten.overheid.nl/BWBR0013798"
AWB = "https://wetten.overheid.nl/BWBR0005537"
POLITIEWET = "https://wetten.overheid.nl/BWBR0031788"
WMO = "https://wetten.overheid.nl/BWBR0035362"
JEUGDWET = "https://wetten.overheid.nl/BWBR0034925"

EXAMPLE_NOTE = t.rich(
    "<i>Voorbeeldtekst: de hoofdstukindeling van het echte Kompas is niet openbaar. Dit hoofdstuk "
    "is voor de demo van comensha-content opgebouwd uit de onderwerpen van het Kompas.</i>",
    "<i>Example text: the real Kompas's chapter list is not public. This chapter was put "
    "together for the comensha-content demo from the Kompas's topics.</i>",
)

#: Partner organisations (DOMAIN.md §2): code -> fields (name and abbreviation are translated).
ORGANISATIONS = {
    "comensha": {"name": t.same("CoMensha"), "url": "https://www.comensha.nl/"},
    "police-avim": {
        "name": t("Politie", "Police"),
        "abbreviation": t.same("AVIM"),
        "url": "https://www.politie.nl/",
    },
    "labour-inspectorate": {
        "name": t("Nederlandse Arbeidsinspectie", "Netherlands Labour Authority"),
        "url": "https://www.nlarbeidsinspectie.nl/",
    },
    "kmar": {
        "name": t("Koninklijke Marechaussee", "Royal Netherlands Marechaussee"),
        "abbreviation": t.same("KMar"),
        "url": "https://www.koninklijkemarechaussee.nl/",
    },
    "public-prosecution-service": {
        "name": t("Openbaar Ministerie", "Public Prosecution Service"),
        "abbreviation": t.same("OM"),
        "url": "https://www.om.nl/",
    },
    "riec": {
        "name": t(
            "Regionaal Informatie- en Expertisecentrum", "Regional Information and Expertise Centre"
        ),
        "abbreviation": t.same("RIEC"),
        "url": "https://www.riec.nl/",
    },
    "veilig-thuis": {"name": t.same("Veilig Thuis"), "url": "https://veiligthuis.nl/"},
    "ccv": {
        "name": t(
            "Centrum voor Criminaliteitspreventie en Veiligheid",
            "Centre for Crime Prevention and Safety",
        ),
        "abbreviation": t.same("CCV"),
        "url": "https://hetccv.nl/",
    },
    "vng": {
        "name": t(
            "Vereniging van Nederlandse Gemeenten", "Association of Netherlands Municipalities"
        ),
        "abbreviation": t.same("VNG"),
        "url": "https://vng.nl/",
    },
    "care-coordinators": {
        "name": t("Zorgcoördinatoren mensenhandel", "Care coordinators for human trafficking"),
    },
}


def chapter(heading_nl, heading_en, anchor):
    return block("chapter", {"heading": t(heading_nl, heading_en), "intro": "", "anchor": anchor})


def paragraph(dutch, english):
    return block("paragraph", t.rich(dutch, english))


def list_item(value):
    """A ListBlock item in the stored format, so wagtail-localize offers its text to translate."""
    return block("item", value)


def legal_basis(law, article, url=""):
    return block("legal_basis", {"law": law, "article": article, "url": url})


def step(title, description, responsible):
    return block("step", {"title": title, "description": description, "responsible": responsible})


def example(title, municipality, text):
    return block(
        "example",
        {"title": title, "municipality": municipality, "text": text, "illustrative": True},
    )


LANDING = {
    "title": t.same("Kompas Aanpak Mensenhandel"),
    "slug": t("kompas", "kompas"),
    "intro": t(
        "Het Kompas Aanpak Mensenhandel helpt gemeenten hun aanpak van mensenhandel te "
        "ontwikkelen. Het is handboek, naslagwerk en training in één, gemaakt voor de VNG samen "
        "met CoMensha, en beantwoordt drie vragen: Wat? Hoe? Met wie? In deze demo zijn de "
        "hoofdstukken voorbeeldtekst; wetten, uitspraken en feiten zijn echt.",
        "The Kompas Aanpak Mensenhandel helps municipalities develop their approach to human "
        "trafficking. It is a handbook, a reference and a training in one, made for VNG together "
        "with CoMensha, and answers three questions: What? How? With whom? In this demo the "
        "chapters are example text; laws, court decisions and facts are real.",
    ),
    "what_intro": t(
        "Wat is mensenhandel, hoe vaak komt het voor en wat zegt de wet?",
        "What is human trafficking, how often does it happen and what does the law say?",
    ),
    "how_intro": t(
        "Hoe geeft een gemeente de aanpak vorm: rollen, ambitie, bestuurlijke instrumenten en borging.",
        "How a municipality shapes its approach: roles, ambition, administrative instruments and "
        "embedding.",
    ),
    "with_whom_intro": t(
        "Met welke partners werkt een gemeente samen, in de keten en in de regio?",
        "Which partners does a municipality work with, in the chain and in the region?",
    ),
}

#: Chapters: (number, section, themes, plateau, fields).
CHAPTERS = [
    (
        1,
        "wat",
        ["identifying-signals", "awareness"],
        "basis",
        {
            "title": t("Aard en omvang van mensenhandel", "Nature and scale of human trafficking"),
            "slug": t("aard-en-omvang", "nature-and-scale"),
            "summary": t(
                "Wat mensenhandel is, in welke vormen het voorkomt en hoeveel slachtoffers er "
                "naar schatting zijn. Slechts een klein deel is in beeld.",
                "What human trafficking is, the forms it takes and how many victims there are "
                "estimated to be. Only a small part is in view.",
            ),
            "body": [
                block("paragraph", EXAMPLE_NOTE),
                chapter(
                    "Wat is mensenhandel?", "What is human trafficking?", "wat-is-mensenhandel"
                ),
                paragraph(
                    "Bij mensenhandel wordt iemand met dwang, misleiding of misbruik van een "
                    "kwetsbare positie geworven, vervoerd of gehuisvest om hem of haar uit te "
                    "buiten. Het Wetboek van Strafrecht stelt mensenhandel strafbaar in artikel 273f.",
                    "In human trafficking, someone is recruited, transported or housed by force, "
                    "deception or abuse of a vulnerable position in order to exploit them. The "
                    "Dutch Criminal Code makes human trafficking a crime in article 273f.",
                ),
                chapter("Verschijningsvormen", "Forms of exploitation", "verschijningsvormen"),
                paragraph(
                    "Het Kompas onderscheidt vier verschijningsvormen: seksuele uitbuiting, "
                    "arbeidsuitbuiting, criminele uitbuiting en gedwongen orgaanverwijdering.",
                    "The Kompas distinguishes four forms of exploitation: sexual exploitation, "
                    "labour exploitation, criminal exploitation and forced organ removal.",
                ),
                chapter("Hoeveel slachtoffers?", "How many victims?", "omvang"),
                fact(
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
                ),
                fact(
                    12,
                    t(
                        "jaar: jongeren van deze leeftijd worden vaak slachtoffer",
                        "years old: young people of this age are especially affected",
                    ),
                    t.same("VNG, Kompas Aanpak Mensenhandel"),
                    "https://kompasaanpakmensenhandel.vng.nl/",
                    2020,
                    maximum=24,
                ),
            ],
        },
    ),
    (
        2,
        "wat",
        ["policy-foundation"],
        "basis",
        {
            "title": t("Wet- en regelgeving", "Legislation"),
            "slug": t("wet-en-regelgeving", "legislation"),
            "summary": t(
                "Mensenhandel is strafbaar, maar de gemeente heeft ook eigen bevoegdheden: in de "
                "Gemeentewet, de APV, de Wet Bibob en de zorgwetten.",
                "Human trafficking is a crime, but municipalities have powers of their own too: "
                "in the Municipalities Act, the municipal bye-law, the Bibob Act and the care acts.",
            ),
            "body": [
                block("paragraph", EXAMPLE_NOTE),
                chapter("Strafrecht", "Criminal law", "strafrecht"),
                paragraph(
                    "Opsporing en vervolging van mensenhandel zijn de taak van politie, "
                    "Koninklijke Marechaussee, Nederlandse Arbeidsinspectie en Openbaar Ministerie.",
                    "Investigating and prosecuting human trafficking is the task of the police, "
                    "the Royal Netherlands Marechaussee, the Netherlands Labour Authority and the "
                    "Public Prosecution Service.",
                ),
                chapter("Bestuursrecht", "Administrative law", "bestuursrecht"),
                paragraph(
                    "Met bestuurlijke instrumenten kan de gemeente barrières opwerpen tegen "
                    "daders: regels in de APV, vergunningen met een Bibob-toets, toezicht en "
                    "handhaving, en sluiting door de burgemeester.",
                    "With administrative instruments a municipality can raise barriers against "
                    "offenders: rules in the municipal bye-law, licences with a Bibob screening, "
                    "supervision and enforcement, and closure by the mayor.",
                ),
                chapter("Zorgwetten", "Care acts", "zorgwetten"),
                paragraph(
                    "De Wmo 2015 en de Jeugdwet maken de gemeente verantwoordelijk voor opvang, "
                    "ondersteuning en jeugdhulp, ook voor slachtoffers van mensenhandel.",
                    "The Social Support Act 2015 and the Youth Act make the municipality "
                    "responsible for shelter, support and youth care, for victims of human "
                    "trafficking too.",
                ),
            ],
        },
    ),
    (
        3,
        "hoe",
        ["policy-foundation", "identifying-signals"],
        "basis",
        {
            "title": t(
                "Rollen en verantwoordelijkheden van de gemeente",
                "Roles and responsibilities of the municipality",
            ),
            "slug": t("rollen-en-verantwoordelijkheden", "roles-and-responsibilities"),
            "summary": t(
                "Burgemeester, college en raad hebben elk een eigen rol. De aandachtsfunctionaris "
                "verbindt de aanpak met zorg, veiligheid, werk en inkomen.",
                "Mayor, executive and council each have a role of their own. The designated "
                "officer connects the approach with care, safety, work and income.",
            ),
            "body": [
                block("paragraph", EXAMPLE_NOTE),
                chapter("Burgemeester, college en raad", "Mayor, executive and council", "bestuur"),
                paragraph(
                    "De raad stelt beleid en regels vast, het college zorgt voor opvang en "
                    "ondersteuning, de burgemeester is verantwoordelijk voor openbare orde en "
                    "toezicht op openbare inrichtingen.",
                    "The council adopts policy and rules, the executive arranges shelter and "
                    "support, the mayor is responsible for public order and for supervising "
                    "public establishments.",
                ),
                chapter(
                    "De aandachtsfunctionaris", "The designated officer", "aandachtsfunctionaris"
                ),
                paragraph(
                    "De aandachtsfunctionaris is het aanspreekpunt voor mensenhandel binnen de "
                    "gemeente en voor ketenpartners daarbuiten.",
                    "The designated officer is the point of contact for human trafficking within "
                    "the municipality and for chain partners outside it.",
                ),
                chapter(
                    "Verbinding met andere beleidsterreinen",
                    "Links with other policy areas",
                    "andere-beleidsterreinen",
                ),
                paragraph(
                    "Signalen komen binnen bij leerplicht, schuldhulp, wijkteams, handhaving en "
                    "huisvesting. Een aanpak die deze terreinen verbindt, ziet meer.",
                    "Signals come in at school attendance, debt counselling, neighbourhood teams, "
                    "enforcement and housing. An approach that connects these areas sees more.",
                ),
            ],
        },
    ),
    (
        4,
        "hoe",
        ["policy-foundation"],
        "verdieping",
        {
            "title": t("Ambitie, urgentie en borging", "Ambition, urgency and embedding"),
            "slug": t("ambitie-en-borging", "ambition-and-embedding"),
            "summary": t(
                "Hoe zet u mensenhandel op de agenda, welke ambitie past bij uw gemeente en hoe "
                "borgt u de aanpak in beleid en begroting?",
                "How do you put human trafficking on the agenda, what ambition suits your "
                "municipality and how do you embed the approach in policy and budget?",
            ),
            "body": [
                block("paragraph", EXAMPLE_NOTE),
                chapter("De aanpak agenderen", "Putting the approach on the agenda", "agenderen"),
                paragraph(
                    "Het Kompas heeft een factsheet met aanbevelingen om de aanpak van "
                    "mensenhandel te agenderen en te borgen.",
                    "The Kompas has a factsheet with recommendations for putting the approach to "
                    "human trafficking on the agenda and securing it.",
                ),
                chapter("Vijf thema's en twee plateaus", "Five themes and two plateaus", "kader"),
                paragraph(
                    "Het Kader Aanpak Mensenhandel beschrijft vijf thema's en twee plateaus: "
                    "basis voor elke gemeente en verdieping voor gemeenten die verder gaan. Het "
                    "Kader is niet bindend.",
                    "The Kader Aanpak Mensenhandel describes five themes and two plateaus: basis "
                    "for every municipality and in depth for municipalities that go further. The "
                    "framework is not binding.",
                ),
                chapter("Borgen in beleid", "Embedding in policy", "borgen"),
                paragraph(
                    "In het Interbestuurlijk Programma is afgesproken dat elke gemeente in 2022 "
                    "beleid heeft tegen mensenhandel.",
                    "In the Interbestuurlijk Programma it was agreed that every municipality has "
                    "a policy against human trafficking by 2022.",
                ),
            ],
        },
    ),
    (
        5,
        "met-wie",
        ["chain-cooperation"],
        "basis",
        {
            "title": t("Partners in de keten", "Partners in the chain"),
            "slug": t("partners-in-de-keten", "partners-in-the-chain"),
            "summary": t(
                "Mensenhandel aanpakken kan alleen samen: met politie, Openbaar Ministerie, "
                "Arbeidsinspectie, Marechaussee, RIEC, zorg en CoMensha.",
                "Human trafficking can only be tackled together: with the police, the Public "
                "Prosecution Service, the Labour Authority, the Marechaussee, the RIEC, care "
                "and CoMensha.",
            ),
            "body": [
                block("paragraph", EXAMPLE_NOTE),
                chapter("De driehoek", "The local triangle", "driehoek"),
                paragraph(
                    "In de lokale driehoek overleggen burgemeester, politie en officier van "
                    "justitie over de inzet van strafrecht en bestuursrecht.",
                    "In the local triangle, the mayor, the police and the public prosecutor "
                    "consult on the use of criminal and administrative law.",
                ),
                chapter("Het RIEC", "The RIEC", "riec"),
                paragraph(
                    "Het Regionaal Informatie- en Expertisecentrum ondersteunt gemeenten bij de "
                    "bestuurlijke aanpak van georganiseerde criminaliteit, ook van mensenhandel.",
                    "The Regional Information and Expertise Centre supports municipalities in "
                    "the administrative approach to organised crime, including human trafficking.",
                ),
            ],
        },
    ),
    (
        6,
        "met-wie",
        ["shelter-and-care"],
        "verdieping",
        {
            "title": t("Opvang en zorg voor slachtoffers", "Shelter and care for victims"),
            "slug": t("opvang-en-zorg", "shelter-and-care"),
            "summary": t(
                "Een slachtoffer heeft snel een veilige plek en hulp nodig. Zorgcoördinatoren en "
                "CoMensha regelen opvang en begeleiding.",
                "A victim needs a safe place and help quickly. Care coordinators and CoMensha "
                "arrange shelter and support.",
            ),
            "body": [
                block("paragraph", EXAMPLE_NOTE),
                chapter("Zorgcoördinatie", "Care coordination", "zorgcoordinatie"),
                paragraph(
                    "Een zorgcoördinator zorgt dat een slachtoffer opvang, medische zorg, "
                    "juridische hulp en begeleiding krijgt, en blijft het aanspreekpunt.",
                    "A care coordinator makes sure a victim gets shelter, medical care, legal "
                    "aid and support, and remains the point of contact.",
                ),
                chapter("Melden bij CoMensha", "Reporting to CoMensha", "melden"),
                paragraph(
                    "CoMensha registreert slachtoffers van mensenhandel en helpt bij het vinden "
                    "van opvang: 033 448 11 86, maandag tot en met vrijdag van 09:00 tot 17:00.",
                    "CoMensha registers victims of human trafficking and helps to find shelter: "
                    "033 448 11 86, Monday to Friday from 09:00 to 17:00.",
                ),
            ],
        },
    ),
]

#: Instruments: (slug, competent body, roles, partners, forms, themes, plateau, related, fields).
INSTRUMENTS = [
    {
        "slug": t("bibob-toets", "bibob-screening"),
        "competent_body": "college",
        "roles": ["mayor"],
        "partners": ["riec", "police-avim"],
        "forms": ["sexual-exploitation", "labour-exploitation"],
        "themes": ["policy-foundation", "identifying-signals"],
        "plateau": "verdieping",
        "related": ["apv-vergunning-en-handhaving", "sluiting-door-de-burgemeester"],
        "fields": {
            "title": t(
                "Bibob-toets bij vergunningverlening", "Bibob screening when granting licences"
            ),
            "summary": t(
                "Met de Wet Bibob kan het bestuursorgaan dat over een vergunning beslist (college "
                "of burgemeester) die weigeren of intrekken als er ernstig gevaar is dat ze wordt "
                "gebruikt om strafbare feiten te plegen, bijvoorbeeld mensenhandel in een seksbedrijf.",
                "With the Bibob Act the body that decides on a licence (executive or mayor) can "
                "refuse or withdraw it if there is a serious danger that it will be used to commit "
                "crimes, such as human trafficking in a sex business.",
            ),
            "legal_basis": [
                legal_basis(t.same("Wet Bibob"), t.same("3"), WET_BIBOB),
                legal_basis(t.same("Wet Bibob"), t.same("9"), WET_BIBOB),
            ],
            "steps": [
                step(
                    t("Bibob-beleid vaststellen", "Adopt a Bibob policy"),
                    t.rich(
                        "Leg vast voor welke vergunningen de gemeente de Bibob-toets gebruikt.",
                        "Set down for which licences the municipality uses the Bibob screening.",
                    ),
                    t("college en burgemeester", "executive and mayor"),
                ),
                step(
                    t("Eigen onderzoek doen", "Carry out your own screening"),
                    t.rich(
                        "Beoordeel de aanvraag en de vragenformulieren, zo nodig met hulp van het RIEC.",
                        "Assess the application and the questionnaires, with the RIEC's help "
                        "where needed.",
                    ),
                    t("gemeente en RIEC", "municipality and RIEC"),
                ),
                step(
                    t(
                        "Advies vragen aan het Landelijk Bureau Bibob",
                        "Ask the National Bibob Office for advice",
                    ),
                    t.rich(
                        "Bij twijfel vraagt de gemeente het Landelijk Bureau Bibob om advies.",
                        "In case of doubt the municipality asks the National Bibob Office for advice.",
                    ),
                    t("gemeente", "municipality"),
                ),
                step(
                    t("Besluiten", "Decide"),
                    t.rich(
                        "Verleen de vergunning, verbind er voorschriften aan, of weiger of trek "
                        "haar in. De aanvrager mag eerst zijn zienswijze geven.",
                        "Grant the licence, attach conditions to it, or refuse or withdraw it. The "
                        "applicant may first give their view.",
                    ),
                    t("college of burgemeester", "executive or mayor"),
                ),
            ],
            "risks": [
                block(
                    "risk",
                    {
                        "title": t("Onvoldoende onderbouwing", "Insufficient grounds"),
                        "explanation": t.rich(
                            "Een weigering of intrekking moet evenredig zijn en steunen op feiten "
                            "die de rechter kan toetsen.",
                            "A refusal or withdrawal must be proportionate and rest on facts a "
                            "court can review.",
                        ),
                        "case_law": [],
                    },
                )
            ],
            "practice_examples": [
                example(
                    t(
                        "Vragenformulier bij elke exploitatievergunning",
                        "A questionnaire with every operating licence",
                    ),
                    t("Voorbeeldgemeente", "Example municipality"),
                    t.rich(
                        "Een middelgrote gemeente vraagt bij elke aanvraag voor een seksbedrijf "
                        "het Bibob-vragenformulier op en bespreekt twijfelgevallen met het RIEC.",
                        "A medium-sized municipality asks for the Bibob questionnaire with every "
                        "application for a sex business and discusses doubtful cases with the RIEC.",
                    ),
                )
            ],
        },
    },
    {
        "slug": t("apv-vergunning-en-handhaving", "apv-licensing-and-enforcement"),
        "competent_body": "burgemeester",
        "roles": ["mayor", "enforcement-officer"],
        "partners": ["police-avim", "labour-inspectorate"],
        "forms": ["sexual-exploitation", "labour-exploitation"],
        "themes": ["policy-foundation", "identifying-signals"],
        "plateau": "basis",
        "related": ["bibob-toets", "sluiting-door-de-burgemeester"],
        "fields": {
            "title": t(
                "Vergunningverlening en handhaving via de APV",
                "Licensing and enforcement under the municipal bye-law (APV)",
            ),
            "summary": t(
                "In de Algemene plaatselijke verordening stelt de raad regels, zoals een "
                "vergunningplicht voor seksbedrijven. Toezichthouders controleren de naleving; de "
                "burgemeester handhaaft met een last onder bestuursdwang of dwangsom.",
                "In the municipal bye-law (APV) the council sets rules, such as a licence "
                "requirement for sex businesses. Supervisors check compliance; the mayor enforces "
                "with an administrative enforcement order or a penalty order.",
            ),
            "legal_basis": [
                legal_basis(
                    t("Gemeentewet", "Municipalities Act (Gemeentewet)"), t.same("149"), GEMEENTEWET
                ),
                legal_basis(
                    t("Gemeentewet", "Municipalities Act (Gemeentewet)"), t.same("125"), GEMEENTEWET
                ),
                legal_basis(
                    t("Algemene wet bestuursrecht", "General Administrative Law Act (Awb)"),
                    t.same("5:32"),
                    AWB,
                ),
            ],
            "steps": [
                step(
                    t("Regels opnemen in de APV", "Include rules in the APV"),
                    t.rich(
                        "De raad legt een vergunningplicht en eisen aan de exploitant vast.",
                        "The council sets a licence requirement and requirements for the operator.",
                    ),
                    t("raad", "council"),
                ),
                step(
                    t("Controleren", "Inspect"),
                    t.rich(
                        "Toezichthouders en politie controleren samen, en letten op signalen van "
                        "uitbuiting.",
                        "Supervisors and police inspect together and look out for signals of "
                        "exploitation.",
                    ),
                    t("handhaving en politie", "enforcement and police"),
                ),
                step(
                    t("Handhaven", "Enforce"),
                    t.rich(
                        "Bij een overtreding volgt een last onder bestuursdwang of dwangsom.",
                        "A violation is followed by an administrative enforcement order or a "
                        "penalty order.",
                    ),
                    t("burgemeester", "mayor"),
                ),
            ],
            "practice_examples": [
                example(
                    t("Gezamenlijke controles", "Joint inspections"),
                    t("Voorbeeldregio", "Example region"),
                    t.rich(
                        "Handhavers en politie bezoeken vergunde bedrijven samen en spreken met "
                        "de medewerkers zonder de exploitant erbij.",
                        "Enforcement officers and police visit licensed businesses together and "
                        "talk to the workers without the operator present.",
                    ),
                )
            ],
        },
    },
    {
        "slug": t("sluiting-door-de-burgemeester", "closure-by-the-mayor"),
        "competent_body": "burgemeester",
        "roles": ["mayor", "enforcement-officer"],
        "partners": ["police-avim", "kmar"],
        "forms": ["sexual-exploitation", "labour-exploitation"],
        "themes": ["identifying-signals"],
        "plateau": "verdieping",
        "related": ["apv-vergunning-en-handhaving", "handhavingsarrangement"],
        "fields": {
            "title": t(
                "Sluiting van een pand door de burgemeester", "Closure of premises by the mayor"
            ),
            "summary": t(
                "De burgemeester kan een seksbedrijf of ander voor publiek toegankelijk pand "
                "tijdelijk sluiten als de regels worden overtreden, bijvoorbeeld bij signalen van "
                "mensenhandel. Een sluiting grijpt diep in en moet op feiten steunen.",
                "The mayor can temporarily close a sex business or other premises open to the "
                "public when the rules are broken, for example on signals of human trafficking. "
                "A closure is a drastic measure and must rest on facts.",
            ),
            "legal_basis": [
                legal_basis(
                    t("Gemeentewet", "Municipalities Act (Gemeentewet)"), t.same("174"), GEMEENTEWET
                ),
                legal_basis(
                    t("Gemeentewet", "Municipalities Act (Gemeentewet)"), t.same("125"), GEMEENTEWET
                ),
                legal_basis(
                    t(
                        "Algemene plaatselijke verordening (APV) van de gemeente",
                        "The municipality's bye-law (APV)",
                    ),
                    "",
                ),
            ],
            "steps": [
                step(
                    t("Feiten vastleggen", "Record the facts"),
                    t.rich(
                        "Leg vast wat toezichthouders, politie of Marechaussee hebben gezien, in "
                        "een bestuurlijke rapportage.",
                        "Record what supervisors, police or Marechaussee have seen, in an "
                        "administrative report.",
                    ),
                    t("politie en handhaving", "police and enforcement"),
                ),
                step(
                    t("Afstemmen in de driehoek", "Agree in the local triangle"),
                    t.rich(
                        "Stem af met politie en Openbaar Ministerie, zodat een sluiting het "
                        "strafrechtelijk onderzoek niet doorkruist.",
                        "Agree with police and the Public Prosecution Service so that a closure "
                        "does not cut across the criminal investigation.",
                    ),
                    t("burgemeester", "mayor"),
                ),
                step(
                    t("Besluiten en bekendmaken", "Decide and announce"),
                    t.rich(
                        "Neem een gemotiveerd besluit met de duur van de sluiting.",
                        "Take a reasoned decision that states how long the closure lasts.",
                    ),
                    t("burgemeester", "mayor"),
                ),
            ],
            "risks": [
                block(
                    "risk",
                    {
                        "title": t(
                            "Sluiting zonder voldoende bewijs wordt vernietigd",
                            "A closure without sufficient evidence is quashed",
                        ),
                        "explanation": t.rich(
                            "Vermoedens alleen zijn niet genoeg: de burgemeester moet aannemelijk "
                            "maken dat er slachtoffers van mensenhandel werkten.",
                            "Suspicions alone are not enough: the mayor must make it plausible "
                            "that victims of human trafficking worked there.",
                        ),
                        "case_law": [
                            list_item(
                                {
                                    "ecli": "ECLI:NL:RVS:2017:1317",
                                    "court": t(
                                        "Afdeling bestuursrechtspraak van de Raad van State",
                                        "Administrative Jurisdiction Division of the Council of State",
                                    ),
                                    "date": "2017-05-17",
                                    "summary": t(
                                        "De burgemeester van Den Haag sloot een seksinrichting voor drie "
                                        "maanden op vermoedens van mensenhandel uit een rapport van de "
                                        "Koninklijke Marechaussee. In hoger beroep oordeelde de Afdeling "
                                        "dat niet aannemelijk was gemaakt dat er slachtoffers werkten, en "
                                        "vernietigde het besluit.",
                                        "The mayor of The Hague closed a sex establishment for three "
                                        "months on suspicions of human trafficking from a report by the "
                                        "Royal Netherlands Marechaussee. On appeal the Division held that "
                                        "it had not been made plausible that victims worked there, and "
                                        "quashed the decision.",
                                    ),
                                    "url": "",
                                }
                            )
                        ],
                    },
                )
            ],
        },
    },
    {
        "slug": t("handhavingsarrangement", "enforcement-arrangement"),
        "competent_body": "burgemeester",
        "roles": ["mayor", "public-prosecutor", "chain-coordinator"],
        "partners": ["police-avim", "public-prosecution-service", "riec"],
        "forms": ["sexual-exploitation", "labour-exploitation", "criminal-exploitation"],
        "themes": ["chain-cooperation"],
        "plateau": "basis",
        "related": ["sluiting-door-de-burgemeester"],
        "fields": {
            "title": t(
                "Handhavingsarrangement in de driehoek",
                "Enforcement arrangement in the local triangle",
            ),
            "summary": t(
                "In de lokale driehoek spreken burgemeester, politie en officier van justitie af "
                "wie wat doet bij signalen van mensenhandel: strafrecht, bestuursrecht of beide, "
                "en in welke volgorde.",
                "In the local triangle, the mayor, the police and the public prosecutor agree who "
                "does what on signals of human trafficking: criminal law, administrative law or "
                "both, and in which order.",
            ),
            "legal_basis": [
                legal_basis(
                    t("Politiewet 2012", "Police Act 2012 (Politiewet 2012)"),
                    t.same("13"),
                    POLITIEWET,
                ),
                legal_basis(
                    t("Gemeentewet", "Municipalities Act (Gemeentewet)"), t.same("172"), GEMEENTEWET
                ),
            ],
            "steps": [
                step(
                    t("Signalen bespreken", "Discuss the signals"),
                    t.rich(
                        "Breng signalen van mensenhandel in de driehoek.",
                        "Bring signals of human trafficking to the triangle.",
                    ),
                    t("burgemeester", "mayor"),
                ),
                step(
                    t("Afspraken vastleggen", "Record the agreements"),
                    t.rich(
                        "Leg vast welke partner welke maatregel neemt en wanneer.",
                        "Record which partner takes which measure, and when.",
                    ),
                    t("driehoek", "triangle"),
                ),
            ],
        },
    },
    {
        "slug": t(
            "aandachtsfunctionaris-en-zorgcoordinatie", "designated-officer-and-care-coordination"
        ),
        "competent_body": "college",
        "roles": ["designated-officer", "care-coordinator"],
        "partners": ["comensha", "care-coordinators", "veilig-thuis"],
        "forms": [
            "sexual-exploitation",
            "labour-exploitation",
            "criminal-exploitation",
            "forced-organ-removal",
        ],
        "themes": ["shelter-and-care", "policy-foundation"],
        "plateau": "basis",
        "related": ["handhavingsarrangement"],
        "fields": {
            "title": t(
                "Aandachtsfunctionaris en zorgcoördinatie",
                "Designated officer and care coordination",
            ),
            "summary": t(
                "De gemeente wijst een aandachtsfunctionaris mensenhandel aan en regelt "
                "zorgcoördinatie, zodat een slachtoffer snel opvang en hulp krijgt. In het "
                "Interbestuurlijk Programma is afgesproken dat elke gemeente in 2022 beleid heeft.",
                "The municipality appoints a designated officer for human trafficking and arranges "
                "care coordination, so that a victim quickly gets shelter and help. In the "
                "Interbestuurlijk Programma it was agreed that every municipality has a policy "
                "by 2022.",
            ),
            "legal_basis": [
                legal_basis(
                    t(
                        "Wet maatschappelijke ondersteuning 2015",
                        "Social Support Act 2015 (Wmo 2015)",
                    ),
                    t("hoofdstuk 2", "chapter 2"),
                    WMO,
                ),
                legal_basis(
                    t("Jeugdwet", "Youth Act (Jeugdwet)"), t("hoofdstuk 2", "chapter 2"), JEUGDWET
                ),
                legal_basis(
                    t(
                        "Interbestuurlijk Programma (afspraak tussen Rijk en medeoverheden)",
                        "Interbestuurlijk Programma (agreement between central and local government)",
                    ),
                    "",
                ),
            ],
            "steps": [
                step(
                    t("Een aandachtsfunctionaris aanwijzen", "Appoint a designated officer"),
                    t.rich(
                        "Maak één medewerker aanspreekpunt voor mensenhandel.",
                        "Make one staff member the point of contact for human trafficking.",
                    ),
                    t("college", "executive"),
                ),
                step(
                    t("Zorgcoördinatie regelen", "Arrange care coordination"),
                    t.rich(
                        "Spreek af wie de zorg voor een slachtoffer coördineert, ook in de regio.",
                        "Agree who coordinates the care for a victim, in the region too.",
                    ),
                    t("college en zorgcoördinator", "executive and care coordinator"),
                ),
                step(
                    t("Melden bij CoMensha", "Report to CoMensha"),
                    t.rich(
                        "Meld slachtoffers bij CoMensha, dat registreert en helpt bij opvang.",
                        "Report victims to CoMensha, which registers them and helps with shelter.",
                    ),
                    t("aandachtsfunctionaris", "designated officer"),
                ),
            ],
            "practice_examples": [
                example(
                    t("Eén telefoonnummer voor de regio", "One phone number for the region"),
                    t("Voorbeeldregio", "Example region"),
                    t.rich(
                        "Vijf gemeenten delen een zorgcoördinator die dag en nacht bereikbaar is "
                        "voor politie en hulpverlening.",
                        "Five municipalities share a care coordinator who can be reached day and "
                        "night by the police and care workers.",
                    ),
                )
            ],
        },
    },
]


def _terms(model, codes, locale):
    return list(model.objects.filter(code__in=codes, locale=locale))


def load_organisations(context):
    """The partners of DOMAIN.md §2, looked up by code, in Dutch and English."""
    organisations = {}
    for order, (code, data) in enumerate(ORGANISATIONS.items()):
        organisation = Organisation.objects.filter(code=code, locale=context.source_locale).first()
        if organisation is None:
            organisation = Organisation.objects.create(
                locale=context.source_locale, code=code, sort_order=order, **data
            )
        if not organisation.has_translation(context.target_locale):
            translate_instance(organisation, context.target_locale, t)
        organisations[code] = organisation
    return organisations


def _child(parent, model, slug):
    return model.objects.child_of(parent).filter(slug=slug).first()


def _publish_new(parent, page, context):
    parent.add_child(instance=page)
    page.save_revision().publish()
    context.report(f"Created the Kompas page '{page.title}'.")
    return page


def load(context):
    locale = context.source_locale
    seed_taxonomies(locale)  # no-op where migrate has seeded the terms already
    translate_taxonomy(context)
    load_organisations(context)

    landing = _child(context.home, KompasPage, LANDING["slug"])
    if landing is None:
        landing = _publish_new(context.home, KompasPage(locale=locale, **LANDING), context)

    chapters = []
    for number, section, themes, plateau, fields in CHAPTERS:
        page = _child(landing, KompasChapterPage, fields["slug"])
        if page is None:
            page = KompasChapterPage(
                locale=locale,
                number=number,
                section=section,
                kader_plateau=Plateau.objects.get(code=plateau, locale=locale),
                **fields,
            )
            page.kader_themes = _terms(KaderTheme, themes, locale)
            _publish_new(landing, page, context)
        chapters.append(page)

    instruments = {}
    for data in INSTRUMENTS:
        page = _child(landing, InstrumentPage, data["slug"])
        if page is None:
            page = InstrumentPage(
                locale=locale,
                slug=data["slug"],
                competent_body=data["competent_body"],
                kader_plateau=Plateau.objects.get(code=data["plateau"], locale=locale),
                **data["fields"],
            )
            page.responsible_roles = _terms(Role, data["roles"], locale)
            page.partners = _terms(Organisation, data["partners"], locale)
            page.forms_of_exploitation = _terms(FormOfExploitation, data["forms"], locale)
            page.kader_themes = _terms(KaderTheme, data["themes"], locale)
            _publish_new(landing, page, context)
        instruments[data["slug"]] = page

    # Related instruments point at each other (Dutch ids; rendering resolves the language).
    for data in INSTRUMENTS:
        page = instruments[data["slug"]]
        if not page.related_instruments:
            page.related_instruments = [
                {"type": "instrument", "value": instruments[slug].pk} for slug in data["related"]
            ]
            page.save_revision().publish()

    for page in [landing, *chapters, *instruments.values()]:
        if not page.has_translation(context.target_locale):
            translate_instance(page, context.target_locale, t)
    context.report(
        "Kompas Aanpak Mensenhandel loaded and translated into English with wagtail-localize."
    )
    context.kompas = landing
    return landing
