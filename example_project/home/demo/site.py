"""Locales, the home page in Dutch and English, and the demo superuser."""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError
from wagtail.models import Locale, Page, Site

from comensha_content.core.translation import translate_instance
from home.models import HomePage

SOURCE_LANGUAGE = "nl"
TARGET_LANGUAGE = "en"

#: Wagtail's initial migration creates this placeholder page; it is not anyone's content.
WAGTAIL_PLACEHOLDER_TITLE = "Welcome to your new Wagtail site!"

HOME_NL = {
    "title": "CoMensha",
    "slug": "comensha",
    "intro": "Samen tegen mensenhandel. Voorbeeldsite van comensha-content met ervaringsverhalen, "
    "het Kompas Aanpak Mensenhandel en beleidsaanbevelingen.",
    "body": "<p>CoMensha heeft een belangrijke verbindende rol in de ketenaanpak van "
    "mensenhandel. Samen met diverse ketenpartners en betrokkenen bestrijden we alle vormen van "
    "mensenhandel en verbeteren de zorg voor slachtoffers. In binnen- en buitenland.</p>",
}

HOME_EN = {
    "CoMensha": "CoMensha",
    "comensha": "comensha",
    HOME_NL["intro"]: "Together against human trafficking. Example site of comensha-content with "
    "experience stories, the Kompas Aanpak Mensenhandel and policy recommendations.",
    "CoMensha heeft een belangrijke verbindende rol in de ketenaanpak van mensenhandel. Samen met "
    "diverse ketenpartners en betrokkenen bestrijden we alle vormen van mensenhandel en "
    "verbeteren de zorg voor slachtoffers. In binnen- en buitenland.": "CoMensha plays an "
    "important connecting role in the chain approach to human trafficking. Together with chain "
    "partners and others involved, we fight every form of human trafficking and improve care for "
    "victims. At home and abroad.",
}


@dataclass
class DemoContext:
    """What capability loaders need: locales, home pages, a way to report."""

    stdout: object
    source_locale: Locale
    target_locale: Locale
    home: HomePage
    home_en: HomePage
    created: list = field(default_factory=list)

    def report(self, message):
        self.stdout.write(message)


def _is_wagtail_placeholder(page):
    return (
        page.specific_class is Page
        and page.depth == 2
        and page.numchild == 0
        and page.title == WAGTAIL_PLACEHOLDER_TITLE
    )


def prepare_site(stdout):
    source_locale, _ = Locale.objects.get_or_create(language_code=SOURCE_LANGUAGE)
    target_locale, _ = Locale.objects.get_or_create(language_code=TARGET_LANGUAGE)
    root = Page.get_first_root_node()
    if root is None:
        raise CommandError("No Wagtail root page exists: run `manage.py migrate` first.")

    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    home = HomePage.objects.filter(locale=source_locale, depth=2).first()
    if home is None:
        root_page = site.root_page if site else None
        other_content = Page.objects.filter(depth__gte=2)
        if root_page is not None and _is_wagtail_placeholder(root_page):
            other_content = other_content.exclude(pk=root_page.pk)
        if other_content.exists():
            raise CommandError(
                "This database already holds Wagtail pages "
                f"({other_content.count()} page(s), e.g. '{other_content.first().title}'). "
                "load_demo never changes or deletes existing content: run it on a new database "
                "(delete example_project/db.sqlite3, or point DATABASE_URL at an empty database)."
            )
        home = root.add_child(instance=HomePage(locale=source_locale, **HOME_NL))
        home.save_revision().publish()
        if root_page is not None:
            site.root_page = home
            site.save()
            root_page.delete()  # Wagtail's placeholder, now replaced by the demo home page
        else:
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name="CoMensha",
            )
        stdout.write("Created the Dutch home page.")
    home_en = HomePage.objects.filter(translation_key=home.translation_key, locale=target_locale)
    home_en = home_en.first()
    if home_en is None:
        home_en = translate_instance(home, target_locale, HOME_EN)
        stdout.write("Translated the home page into English with wagtail-localize.")
    return DemoContext(stdout, source_locale, target_locale, home, home_en)


def ensure_superuser(stdout, username, password):
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        User.objects.create_superuser(username=username, email="", password=password)
        stdout.write(f"Demo superuser created: username '{username}', password '{password}'.")
    else:
        stdout.write(
            f"Demo superuser '{username}' exists already; its password was left unchanged."
        )
