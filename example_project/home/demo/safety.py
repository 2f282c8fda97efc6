"""Demo reader safety: the "browse safely" page in Dutch and English, linked by the quick exit.

The helplines are those of docs/reader-safety.md. The advice is general; a real site writes its own with
its helplines and support workers.
"""

from wagtail.models import Site

from comensha_content.core.translation import translate_instance
from comensha_content.safety.models import BrowseSafelyPage, ReaderSafetySettings

from .catalog import Catalog

t = Catalog()


def _list(*items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _heading(dutch, english):
    return f"<h2>{t(dutch, english)}</h2>"


BROWSE_SAFELY = {
    "title": t("Veilig internetten", "Browse safely"),
    "slug": t("veilig-internetten", "browse-safely"),
    "intro": t(
        "Iemand kan meekijken met wat je op internet doet. Hier lees je wat de knop ‘Snel weg’ "
        "doet en hoe je veiliger kunt internetten.",
        "Someone may be able to see what you do online. Here you can read what the ‘Exit this "
        "page’ button does and how to browse more safely.",
    ),
    "body": "".join(
        [
            _heading("Veiliger internetten", "Browsing more safely"),
            _list(
                t(
                    "Gebruik een privévenster of incognitovenster. De browser onthoudt dan niet "
                    "welke pagina's je bekijkt.",
                    "Use a private or incognito window. The browser then does not remember which "
                    "pages you look at.",
                ),
                t(
                    "Gebruik liever een computer of telefoon waar de ander niet bij kan, "
                    "bijvoorbeeld in de bibliotheek of bij iemand die je vertrouwt.",
                    "If you can, use a computer or phone the other person cannot reach, for "
                    "example in a library or at the home of someone you trust.",
                ),
                t(
                    "Wis je geschiedenis alleen als dat niet opvalt. Een lege geschiedenis kan "
                    "juist argwaan wekken.",
                    "Only clear your history if that will not be noticed. An empty history can "
                    "itself raise suspicion.",
                ),
            ),
            _heading("Hulp", "Help"),
            t.rich(
                "Ben je in direct gevaar? Bel 112. Wil je anoniem iets melden? Bel Meld Misdaad "
                "Anoniem: 0800-7000. Voor advies kun je CoMensha bellen op 033 448 11 86 "
                "(maandag tot en met vrijdag, 09:00–17:00).",
                "Are you in immediate danger? Call 112. Do you want to report something "
                "anonymously? Call Meld Misdaad Anoniem: 0800-7000. For advice you can call "
                "CoMensha on 033 448 11 86 (Monday to Friday, 09:00–17:00).",
            ),
        ]
    ),
}


def load(context):
    page = BrowseSafelyPage.objects.child_of(context.home).first()
    if page is None:
        page = context.home.add_child(
            instance=BrowseSafelyPage(locale=context.source_locale, **BROWSE_SAFELY)
        )
        page.save_revision().publish()
        context.report("Created the browse-safely page.")
    if not page.has_translation(context.target_locale):
        translate_instance(page, context.target_locale, t)
        context.report("Browse-safely page translated into English with wagtail-localize.")
    site = Site.objects.filter(root_page=context.home).first()
    if site is not None:
        settings = ReaderSafetySettings.for_site(site)
        if settings.browse_safely_page_id is None:
            settings.browse_safely_page = page
            settings.save()
            context.report("The quick exit links the browse-safely page.")
    context.browse_safely = page
