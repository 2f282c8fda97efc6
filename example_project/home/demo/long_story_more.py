"""Text of the demo's long story, Daan (chapters 5 to 8), its sources and its downloadable card.

Like long_story_text.py: an invented narrative marked as example text, real facts with sources.
"""

from .long_story_text import (
    block,
    chapter,
    copy,
    image,
    item,
    longread,
    paragraph,
    perspective,
    rich,
    t,
    testimony,
)

HELPLINE_NUMBERS = ["112", "033 448 11 86", "0900 8844", "0800 7000"]

#: The text file of the document block: helplines to keep (DOMAIN.md), in both languages.
HELPLINE_CARD = "\n".join(
    [
        "Hulplijnen om te bewaren / Helplines to keep (voorbeeld / example, comensha-content demo)",
        "",
        "112 - direct gevaar / immediate danger",
        "CoMensha: 033 448 11 86 (ma-vr / Mon-Fri 09:00-17:00), info@comensha.nl",
        "Politie / Police: 0900 8844",
        "Nederlandse Arbeidsinspectie / Netherlands Labour Authority: 0800 5151 "
        "(+31 70 333 44 44 vanuit het buitenland / from abroad)",
        "Meld Misdaad Anoniem: 0800-7000 (anoniem / anonymous)",
        "",
    ]
)


def chapters_five_to_eight(images, pages, document):
    """Chapters 5-8: reporting, care, what a municipality can do, and what came next."""
    return [
        chapter(
            ("Melden en aangifte", "Reporting and pressing charges"),
            (
                "Politie en Openbaar Ministerie nemen het over, in Daans tempo.",
                "The police and the public prosecutor take over, at Daan’s pace.",
            ),
            "melden",
        ),
        paragraph(
            "Sanne meldde Daan als mogelijk slachtoffer. In 2019 ontving CoMensha ongeveer "
            '1.500 van zulke meldingen <a href="#fn-comensha">[2]</a>. Een melding is nog geen '
            "aangifte: Daan mocht zelf weten of en wanneer hij met de politie wilde praten.",
            "Sanne reported Daan as a possible victim. In 2019 CoMensha received about 1,500 "
            'such reports <a href="#fn-comensha">[2]</a>. A report is not a criminal complaint: '
            "Daan could decide for himself whether and when to talk to the police.",
        ),
        perspective(
            ("OPSPORING", "INVESTIGATION"),
            "Ruud",
            ("Rechercheur AVIM", "AVIM detective"),
            ("Politie (voorbeeld)", "Police (example)"),
            (
                "Voorbeeldtekst: het eerste gesprek gaat niet over bewijs, maar over veiligheid. "
                "Pas als iemand een veilige plek heeft, kan hij vertellen wat er is gebeurd.",
                "Example text: the first conversation is not about evidence but about safety. "
                "Only when someone has a safe place can they tell what happened.",
            ),
        ),
        copy(longread.FACT_REPORTS_2019),
        perspective(
            ("VERVOLGING", "PROSECUTION"),
            "Fatma",
            ("Officier van justitie", "Public prosecutor"),
            ("Openbaar Ministerie (voorbeeld)", "Public Prosecution Service (example)"),
            (
                "Voorbeeldtekst: in de driehoek bespreken burgemeester, politie en OM wat ieder "
                "kan doen. Strafrecht en bestuursrecht versterken elkaar.",
                "Example text: in the ‘triangle’ the mayor, the police and the prosecution "
                "service discuss what each can do. Criminal and administrative law reinforce "
                "each other.",
            ),
        ),
        block(
            "media",
            {
                "title": t(
                    "Voorbeeld van een video met transcript (geen echte opname)",
                    "Example of a video with a transcript (not a real recording)",
                ),
                "kind": "video",
                "embed_url": "https://www.youtube-nocookie.com/embed/voorbeeld",
                "poster": images["daan"][0].pk,
                "transcript": rich(
                    "Voorbeeldtekst: hier staat de volledige tekst van de video, voor wie niet "
                    "kan kijken of luisteren. In deze demo is er geen echte opname.",
                    "Example text: here is the full text of the video, for those who cannot watch "
                    "or listen. In this demo there is no real recording.",
                ),
            },
        ),
        chapter(
            ("Opvang en zorg", "Shelter and care"),
            (
                "Een veilige plek, en iemand die het overzicht houdt.",
                "A safe place, and someone who keeps track of everything.",
            ),
            "opvang",
        ),
        paragraph(
            "Gemeenten hebben zorgtaken op grond van de Wmo 2015 en de Jeugdwet. Een "
            "zorgcoördinator regelt wat een slachtoffer nodig heeft: onderdak, geld, medische "
            "zorg en iemand om mee te praten.",
            "Municipalities have care duties under the Wmo 2015 (Social Support Act) and the "
            "Youth Act. A care coordinator arranges what a victim needs: shelter, money, medical "
            "care and someone to talk to.",
        ),
        perspective(
            ("ZORG", "CARE"),
            "Joris",
            ("Zorgcoördinator", "Care coordinator"),
            ("Zorgcoördinatie mensenhandel (voorbeeld)", "Trafficking care coordination (example)"),
            (
                "Voorbeeldtekst: de eerste nacht telt. Binnen een paar uur had Daan een kamer "
                "in een opvang, ver van de stad waar de man woonde.",
                "Example text: the first night counts. Within a few hours Daan had a room in a "
                "shelter, far from the town where the man lived.",
            ),
        ),
        testimony(
            "De eerste ochtend werd ik wakker en niemand wist waar ik was. Dat voelde als vrijheid.",
            "The first morning I woke up and nobody knew where I was. That felt like freedom.",
        ),
        image(
            images["daan-window"],
            (
                "De eerste ochtend in de opvang: een raam dat open mocht.",
                "The first morning in the shelter: a window that could be opened.",
            ),
            "inline",
        ),
        block(
            "document",
            {
                "document": document.pk,
                "title": t("Hulplijnen om te bewaren", "Helplines to keep"),
                "description": t(
                    "Een tekstbestand met de telefoonnummers uit dit verhaal, om op te slaan of "
                    "te printen (voorbeeld).",
                    "A text file with the phone numbers from this story, to save or print "
                    "(example).",
                ),
            },
        ),
        chapter(
            ("Wat een gemeente kan doen", "What a municipality can do"),
            (
                "Bestuurlijke instrumenten werpen drempels op tegen daders.",
                "Administrative instruments raise barriers against offenders.",
            ),
            "gemeente",
        ),
        paragraph(
            "Gemeenten zijn belangrijk, omdat hun bestuurlijke instrumenten drempels kunnen "
            "opwerpen tegen daders: een Bibob-toets bij vergunningen, vergunningen en handhaving "
            "volgens de APV, en de sluitingsbevoegdheid van de burgemeester. Zulke instrumenten "
            "hebben ook risico’s: een sluiting op verdenking van mensenhandel werd in hoger "
            'beroep vernietigd <a href="#fn-rvs-2017">[4]</a>.',
            "Municipalities matter, because their administrative instruments can raise barriers "
            "against offenders: Bibob screening for licences, licensing and enforcement under the "
            "municipal bye-law (APV), and the mayor’s power to close premises. Such instruments "
            "carry risks too: a closure on suspicion of human trafficking was quashed on appeal "
            '<a href="#fn-rvs-2017">[4]</a>.',
        ),
        block(
            "timeline",
            [
                item(
                    {
                        "date": None,
                        "date_label": t.same("2019"),
                        "title": t(
                            "Ongeveer 1.500 meldingen bij CoMensha",
                            "About 1,500 reports to CoMensha",
                        ),
                        "text": t.rich(
                            "Meldingen van mogelijke slachtoffers (bron: CoMensha).",
                            "Reports of possible victims (source: CoMensha).",
                        ),
                    }
                ),
                item(
                    {
                        "date": None,
                        "date_label": t.same("2020"),
                        "title": t("De Longread Mensenhandel", "The Longread Human Trafficking"),
                        "text": t.rich(
                            "Ervaringsverhalen van slachtoffers en professionals, gemaakt door "
                            "VNG en CoMensha met journalist Jessica Maas en fotograaf Bas "
                            "Losekoot.",
                            "Experience stories of victims and professionals, made by VNG and "
                            "CoMensha with journalist Jessica Maas and photographer Bas Losekoot.",
                        ),
                    }
                ),
                item(
                    {
                        "date": None,
                        "date_label": t.same("2021"),
                        "title": t("791 gemelde slachtoffers", "791 reported victims"),
                        "text": t.rich(
                            "Bron: Nationaal Rapporteur Mensenhandel.",
                            "Source: National Rapporteur on Trafficking in Human Beings.",
                        ),
                    }
                ),
                item(
                    {
                        "date": None,
                        "date_label": t.same("2022"),
                        "title": t("Beleid in elke gemeente", "A policy in every municipality"),
                        "text": t.rich(
                            "Afgesproken in het Interbestuurlijk Programma: elke gemeente heeft "
                            "in 2022 beleid tegen mensenhandel.",
                            "Agreed in the Interbestuurlijk Programma (inter-administrative "
                            "programme): every municipality has a policy against human "
                            "trafficking by 2022.",
                        ),
                    }
                ),
            ],
        ),
        copy(longread.FACT_VICTIMS_2021),
        paragraph(
            "Het Kompas Aanpak Mensenhandel van VNG en CoMensha helpt gemeenten hun aanpak te "
            "ontwikkelen: wat, hoe en met wie. Het beschrijft de verschijningsvormen, de "
            "bestuurlijke instrumenten en wie waarvoor verantwoordelijk is "
            '<a href="#fn-kompas">[3]</a>.',
            "The Kompas Aanpak Mensenhandel by VNG and CoMensha helps municipalities develop "
            "their approach: what, how and with whom. It describes the forms of exploitation, the "
            "administrative instruments and who is responsible for what "
            '<a href="#fn-kompas">[3]</a>.',
        ),
        block(
            "call_to_action",
            {
                "text": t(
                    "Werkt u bij een gemeente? Lees wat u kunt doen, met wie en met welke "
                    "instrumenten.",
                    "Do you work for a municipality? Read what you can do, with whom and with "
                    "which instruments.",
                ),
                "link_label": t("Naar het Kompas", "Go to the Kompas"),
                "page": pages["kompas"].pk,
                "url": "",
            },
        ),
        chapter(
            ("Een nieuw begin", "A new start"),
            (
                "Daan woont nu op een veilige plek en heeft weer plannen.",
                "Daan now lives in a safe place and has plans again.",
            ),
            "een-nieuw-begin",
        ),
        paragraph(
            "Daan volgt nu een opleiding. De zaak tegen de man loopt nog. Hij praat er "
            "inmiddels over, met een hulpverlener en soms met een vriend.",
            "Daan is studying now. The case against the man is still ongoing. He talks "
            "about it by now, with a support worker and sometimes with a friend.",
        ),
        testimony(
            "Als iemand dit leest en zich herkent: het is niet jouw schuld. Er zijn mensen die je "
            "geloven.",
            "If someone reads this and recognises themselves: it is not your fault. There are "
            "people who believe you.",
        ),
        block(
            "accordion",
            {
                "heading": t("Vragen over dit verhaal", "Questions about this story"),
                "items": [
                    item(
                        {
                            "question": t(
                                "Waarom staat er een sterretje bij de naam?",
                                "Why is there an asterisk next to the name?",
                            ),
                            "answer": t.rich(
                                "Namen in verhalen over mensenhandel zijn vaak veranderd, om de "
                                "mensen te beschermen. Een sterretje betekent: de naam is "
                                "veranderd.",
                                "Names in stories about human trafficking are often changed, to "
                                "protect the people in them. An asterisk means: the name has "
                                "been changed.",
                            ),
                        }
                    ),
                    item(
                        {
                            "question": t("Is dit een echt verhaal?", "Is this a real story?"),
                            "answer": t.rich(
                                "Nee. Dit verhaal is geschreven voor de demo van "
                                "comensha-content. De feiten en cijfers zijn echt en hebben een "
                                "bron.",
                                "No. This story was written for the comensha-content demo. The "
                                "facts and figures are real and have a source.",
                            ),
                        }
                    ),
                    item(
                        {
                            "question": t("Wat doet CoMensha?", "What does CoMensha do?"),
                            "answer": t.rich(
                                "CoMensha is het Nederlandse coördinatiecentrum tegen "
                                "mensenhandel. Het registreert slachtoffers, coördineert de "
                                "zorg, ondersteunt gemeenten en adviseert de overheid.",
                                "CoMensha is the Dutch coordination centre against human "
                                "trafficking. It registers victims, coordinates care, supports "
                                "municipalities and advises the government.",
                            ),
                        }
                    ),
                ],
            },
        ),
        block(
            "call_to_action",
            {
                "text": t(
                    "Kan iemand meekijken met wat je op internet doet? Lees hoe je veiliger kunt "
                    "internetten.",
                    "Could someone see what you do online? Read how to browse more safely.",
                ),
                "link_label": t("Veilig internetten", "Browse safely"),
                "page": pages["browse_safely"].pk,
                "url": "",
            },
        ),
    ]


def source(code, title, publisher, url, year, note=("", "")):
    return item(
        {
            "code": code,
            "title": t(*title),
            "publisher": t(*publisher),
            "url": url,
            "year": year,
            "note": t(*note) if note[0] else "",
        }
    )


SOURCES = [
    source(
        "rapporteur",
        ("Cijfers over slachtoffers van mensenhandel", "Figures on victims of human trafficking"),
        ("Nationaal Rapporteur Mensenhandel", "National Rapporteur on Trafficking in Human Beings"),
        "https://www.nationaalrapporteur.nl/",
        2021,
        (
            "Schatting van 5.000 tot 7.500 slachtoffers per jaar, geciteerd door CoMensha; 791 "
            "gemelde slachtoffers in 2021.",
            "Estimate of 5,000 to 7,500 victims a year, quoted by CoMensha; 791 reported victims "
            "in 2021.",
        ),
    ),
    source(
        "comensha",
        ("Meldingen van mogelijke slachtoffers", "Reports of possible victims"),
        ("CoMensha", "CoMensha"),
        "https://www.comensha.nl/",
        2019,
    ),
    source(
        "kompas",
        ("Kompas Aanpak Mensenhandel", "Kompas Aanpak Mensenhandel"),
        ("VNG", "VNG"),
        "https://kompasaanpakmensenhandel.vng.nl/",
        2020,
    ),
    source(
        "rvs-2017",
        (
            "Uitspraak over een sluiting op verdenking van mensenhandel, ECLI:NL:RVS:2017:1317",
            "Ruling on a closure on suspicion of human trafficking, ECLI:NL:RVS:2017:1317",
        ),
        ("Raad van State", "Council of State"),
        "",
        2017,
    ),
]
