"""Text of the demo's long story, Daan (chapters 1 to 4), in Dutch with its English beside it.

The narrative and the professionals are invented for the demo and the page says so; the facts
are those of /work/shared/DOMAIN.md with their sources. long_story_more.py has chapters 5 to 8.
"""

import uuid

from . import longread
from .catalog import Catalog

t = Catalog()
t.update(longread.t)  # the example note and the shared facts were recorded there


def block(block_type, value):
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def item(value):
    """A list item in Wagtail's list format: wagtail-localize keys its segments on the id."""
    return {"type": "item", "value": value, "id": str(uuid.uuid4())}


def copy(shared):
    """A shared block (e.g. a fact of longread.py) with an id of its own on this page."""
    return {**shared, "id": str(uuid.uuid4())}


def chapter(heading, intro, anchor):
    return block("chapter", {"heading": t(*heading), "intro": t(*intro), "anchor": anchor})


def rich(dutch, english):
    """A paragraph's rich text. Links become ``<a id="aN">`` in a segment, as wagtail-localize
    writes them, so the catalog is given that form too."""
    html = t.rich(dutch, english)
    if "<a " in dutch:
        t(_segment_form(dutch), _segment_form(english))
    return html


def _segment_form(html):
    parts = html.split("<a href=")
    out = [parts[0]]
    for number, part in enumerate(parts[1:], start=1):
        out.append(f'<a id="a{number}">' + part.split(">", 1)[1])
    return "".join(out)


def paragraph(dutch, english):
    return block("paragraph", rich(dutch, english))


def testimony(dutch, english, name="Daan", speaker="victim"):
    return block(
        "testimony",
        {
            "name": t.same(name),
            "is_pseudonym": True,
            "speaker": speaker,
            "text": t.rich(dutch, english),
        },
    )


def perspective(domain, name, job_title, organisation, text):
    return block(
        "perspective",
        {
            "domain": t(*domain),
            "name": t.same(name),
            "job_title": t(*job_title),
            "organisation": t(*organisation),
            "text": t.rich(*text),
        },
    )


def pull_quote(quote, name, role, is_pseudonym):
    return block(
        "pull_quote",
        {
            "quote": t(*quote),
            "attribution_name": t.same(name),
            "attribution_is_pseudonym": is_pseudonym,
            "attribution_role": t(*role),
        },
    )


def image(illustration, caption, layout):
    picture, alt = illustration
    return block(
        "image",
        {
            "image": picture.pk,
            "alt_text": alt,
            "decorative": False,
            "caption": t(*caption),
            "credit": t(
                "Illustratie gemaakt voor de demo (voorbeeld)",
                "Illustration made for the demo (example)",
            ),
            "layout": layout,
        },
    )


TITLE = t("Daan: ‘Ik schaamde me te veel’", "Daan: ‘I was too ashamed’")
LEDE = t(
    "Daan* was negentien toen een man in Limburg hem werk en een kamer beloofde. Het werd "
    "seksuele uitbuiting. Dit verhaal volgt hem en de professionals die hem zagen, van het eerste "
    "contact tot een nieuw begin.",
    "Daan* was nineteen when a man in Limburg promised him work and a room. It became sexual "
    "exploitation. This story follows him and the professionals who noticed him, from the first "
    "contact to a new start.",
)
SUMMARY = t(
    "Daan raakt zijn kamer kwijt. Een man biedt hem hulp, maar wil daar later iets voor "
    "terug. Daan moet seks hebben met andere mannen. Hij schaamt zich en zegt lang niets. Een "
    "medewerker van de gemeente ziet dat het niet goed gaat. Met hulp van politie en zorg komt "
    "Daan vrij. Nu woont hij op een veilige plek.",
    "Daan loses his room. A man offers to help him, but later wants something in return. "
    "Daan has to have sex with other men. He is ashamed and says nothing for a long time. A "
    "municipal worker sees that things are not right. With help from the police and care "
    "workers, Daan gets free. Now he lives in a safe place.",
)
WARNING = t("seksuele uitbuiting, dwang en schaamte", "sexual exploitation, coercion and shame")


def chapters_one_to_four(images):
    """Chapters 1-4: recruitment, the debt, the exploitation (behind a warning), who noticed."""
    return [
        block("paragraph", longread.EXAMPLE_NOTE),
        chapter(
            ("Een kamer en een belofte", "A room and a promise"),
            (
                "Hoe een aanbod van hulp het begin van uitbuiting werd.",
                "How an offer of help became the start of exploitation.",
            ),
            "een-kamer",
        ),
        paragraph(
            "Daan groeide op in Zuid-Limburg. Na een ruzie met zijn stiefvader sliep hij een "
            "paar weken bij vrienden, op een bank, steeds ergens anders. Op een avond sprak een "
            "oudere man hem aan op het station. Hij had gehoord dat Daan een plek zocht.",
            "Daan grew up in South Limburg. After a row with his stepfather he slept at "
            "friends' places for a few weeks, on a sofa, somewhere different each time. One "
            "evening an older man spoke to him at the station. He had heard that Daan was "
            "looking for a place to stay.",
        ),
        paragraph(
            "De man bood een kamer aan, en werk in een bar van een kennis. Hij betaalde de eerste "
            "boodschappen en kocht een nieuwe telefoon voor Daan. ‘Dat regelen we later wel,’ "
            "zei hij.",
            "The man offered a room, and work in a bar owned by an acquaintance. He paid for the "
            "first groceries and bought Daan a new phone. ‘We’ll sort that out later,’ he said.",
        ),
        testimony(
            "Ik dacht echt dat ik geluk had. Eindelijk iemand die niet vroeg waarom ik niet naar "
            "huis ging.",
            "I really thought I was lucky. Finally someone who didn’t ask why I didn’t go home.",
        ),
        image(
            images["daan-station"],
            (
                "Op het station begon het met een gesprek dat vriendelijk leek.",
                "At the station it began with a conversation that seemed friendly.",
            ),
            "wide",
        ),
        chapter(
            ("De schuld", "The debt"),
            (
                "Wat als hulp begon, werd een schuld die nooit kleiner werd.",
                "What began as help became a debt that never grew smaller.",
            ),
            "de-schuld",
        ),
        paragraph(
            "Na een maand kwam de rekening: huur, de telefoon, de boodschappen. Het werk in de "
            "bar kwam er niet. In plaats daarvan zei de man dat Daan ‘vrienden van hem’ moest "
            "ontmoeten om zijn schuld af te lossen.",
            "After a month the bill came: rent, the phone, the groceries. The work in the bar "
            "never materialised. Instead the man said Daan had to meet ‘friends of his’ to pay "
            "off his debt.",
        ),
        testimony(
            "Elke week werd het bedrag hoger. Ik wist niet meer wat ik eigenlijk schuldig was.",
            "Every week the amount went up. I no longer knew what I actually owed.",
        ),
        pull_quote(
            (
                "Ik schaamde me te veel om het iemand te vertellen.",
                "I was too ashamed to tell anyone.",
            ),
            "Daan",
            ("over de maanden waarin hij niets zei", "on the months in which he said nothing"),
            True,
        ),
        copy(longread.FACT_YOUNG_PEOPLE),
        paragraph(
            "Jongeren tussen 12 en 24 jaar lopen een groot risico om slachtoffer te worden "
            '<a href="#fn-kompas">[3]</a>. Jongens en jonge mannen worden minder vaak herkend als '
            "slachtoffer van seksuele uitbuiting; ook dat maakt het moeilijk om erover te "
            "praten.",
            "Young people between 12 and 24 are at high risk of becoming victims "
            '<a href="#fn-kompas">[3]</a>. Boys and young men are less often recognised as '
            "victims of sexual exploitation; that too makes it hard to talk about.",
        ),
        chapter(
            ("Wat er gebeurde", "What happened"),
            (
                "Dit hoofdstuk beschrijft de uitbuiting zelf. Het staat achter een waarschuwing.",
                "This chapter describes the exploitation itself. It is behind a warning.",
            ),
            "wat-er-gebeurde",
        ),
        block(
            "content_warning",
            {
                "topic": t("seksuele uitbuiting en dwang", "sexual exploitation and coercion"),
                "body": [
                    block(
                        "paragraph",
                        rich(
                            "De man bepaalde waar Daan heen ging, met wie en hoe lang. Hij "
                            "hield zijn telefoon in de gaten en zijn identiteitskaart lag ‘veilig’ "
                            "in een la. Als Daan weigerde, dreigde hij foto’s naar zijn "
                            "familie te sturen.",
                            "The man decided where Daan went, with whom and for how long. He "
                            "watched his phone, and his identity card was kept ‘safe’ in a "
                            "drawer. When Daan refused, he threatened to send photos to his "
                            "family.",
                        ),
                    ),
                    testimony(
                        "Ik deed wat hij zei, omdat ik dacht dat niemand mij zou geloven. Ik "
                        "was toch zelf met hem meegegaan?",
                        "I did what he said, because I thought nobody would believe me. After "
                        "all, I had gone with him of my own accord, hadn’t I?",
                    ),
                ],
            },
        ),
        paragraph(
            "Van de naar schatting 5.000 tot 7.500 slachtoffers van mensenhandel per jaar is "
            'slechts een klein aantal in beeld <a href="#fn-rapporteur">[1]</a>. Schaamte, '
            "angst en afhankelijkheid houden veel slachtoffers stil, zoals Daan.",
            "Of the estimated 5,000 to 7,500 victims of human trafficking a year, only a small "
            'number are in view <a href="#fn-rapporteur">[1]</a>. Shame, fear and dependence '
            "keep many victims silent, like Daan.",
        ),
        copy(longread.FACT_VICTIMS_ESTIMATE),
        chapter(
            ("Wie zag het?", "Who noticed?"),
            (
                "Een aandachtsfunctionaris van de gemeente herkende de signalen.",
                "A designated officer of the municipality recognised the signals.",
            ),
            "wie-zag-het",
        ),
        paragraph(
            "Daan kwam bij het wijkteam omdat hij een uitkering wilde aanvragen. Hij had geen "
            "vast adres, zijn verhaal klopte niet helemaal en een man wachtte buiten op hem.",
            "Daan came to the neighbourhood team because he wanted to apply for benefits. He "
            "had no fixed address, his story did not quite add up and a man was waiting outside "
            "for him.",
        ),
        perspective(
            ("SIGNALERING", "IDENTIFYING SIGNALS"),
            "Sanne",
            ("Aandachtsfunctionaris mensenhandel", "Designated officer for human trafficking"),
            ("Gemeente in Zuid-Limburg (voorbeeld)", "Municipality in South Limburg (example)"),
            (
                "Voorbeeldtekst: één signaal zegt weinig. Maar geen adres, geen eigen telefoon en "
                "iemand die voor je praat: dan vraag ik door, in een gesprek zonder die ander "
                "erbij. En ik bel de zorgcoördinator, zodat er snel een veilige plek is als het "
                "nodig is.",
                "Example text: one signal says little. But no address, no phone of your own and "
                "someone who talks for you: then I ask more, in a conversation without that "
                "other person present. And I call the care coordinator, so that a safe place is "
                "ready quickly if it is needed.",
            ),
        ),
        testimony(
            "Ze vroeg niet wat ik gedaan had. Ze vroeg of ik veilig was. Dat was de eerste keer.",
            "She didn’t ask what I had done. She asked whether I was safe. That was the first "
            "time.",
        ),
        pull_quote(
            (
                "Eén signaal zegt weinig. Drie signalen samen zijn een reden om door te vragen.",
                "One signal says little. Three signals together are a reason to ask more.",
            ),
            "Sanne",
            (
                "aandachtsfunctionaris mensenhandel (voorbeeld)",
                "designated officer for human trafficking (example)",
            ),
            False,
        ),
    ]
