"""Every page says its language and links to its translation: switcher, lang, hreflang, notices."""

import pytest
from django.template import Context, Template
from django.utils import translation
from wagtail.models import Page
from wagtail_localize.models import Translation

from comensha_content.models import Helpline, LongreadPage
from tests.helpers import soup, text_of

pytestmark = pytest.mark.django_db


def page_html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return soup(response.content.decode())


def story(locales, language="nl"):
    dutch = LongreadPage.objects.get(slug="lisa", locale=locales["nl"])
    return dutch if language == "nl" else dutch.get_translation(locales[language])


def switcher_links(html):
    nav = html.select_one("nav.cc-language-switcher")
    assert nav is not None, "no language switcher"
    return [
        {
            "text": text_of(link),
            "href": link["href"],
            "lang": link.get("lang"),
            "hreflang": link.get("hreflang"),
            "current": link.get("aria-current"),
        }
        for link in nav.select("a")
    ]


def one_page_per_type(locale):
    pages = {}
    for page in Page.objects.live().filter(depth__gt=1, locale=locale).order_by("path"):
        pages.setdefault(page.content_type_id, page)
    return [page.specific for page in pages.values()]


def test_every_page_type_has_its_language_switcher_lang_and_alternates(client, demo, locales):
    pages = one_page_per_type(locales["en"])
    assert len(pages) >= 8
    for english in pages:
        dutch = english.get_translation(locales["nl"])
        html = page_html(client, english)
        assert html.html["lang"] == "en" and html.html["dir"] == "ltr", english.url
        assert switcher_links(html) == [
            {
                "text": "NL – Nederlands",
                "href": dutch.url,
                "lang": "nl",
                "hreflang": "nl",
                "current": None,
            },
            {
                "text": "EN – English",
                "href": english.url,
                "lang": "en",
                "hreflang": "en",
                "current": "page",
            },
        ], english.url
        alternates = {
            link["hreflang"]: link["href"]
            for link in html.select('link[rel="alternate"][hreflang]')
        }
        assert alternates == {
            "nl": dutch.get_full_url(),
            "en": english.get_full_url(),
            "x-default": dutch.get_full_url(),
        }, english.url
        assert html.select_one(".cc-fallback-notice") is None, english.url

        dutch_html = page_html(client, dutch)
        assert dutch_html.html["lang"] == "nl"
        assert [link["current"] for link in switcher_links(dutch_html)] == ["page", None]


def test_the_switcher_links_only_live_translations(client, demo, locales):
    english = story(locales, "en")
    english.unpublish()
    html = page_html(client, story(locales))
    assert html.select_one("nav.cc-language-switcher") is None
    assert html.select('link[rel="alternate"]') == []
    assert english.url not in str(html)


def test_the_quick_exit_stays_the_first_focusable_element(client, demo, locales):
    html = page_html(client, story(locales, "en"))
    focusable = html.select("a[href], button, input, select, textarea")
    assert "cc-quick-exit__button" in focusable[0].get("class", [])
    switcher_position = focusable.index(html.select_one("nav.cc-language-switcher a"))
    skip_position = focusable.index(html.select_one("a.cc-skip-link"))
    assert 0 < skip_position < switcher_position


def test_an_english_page_with_untranslated_texts_says_they_are_in_dutch(client, demo, locales):
    from comensha_content.core.translation import translate_instance

    dutch = story(locales)
    body = list(dutch.body.raw_data)
    body.append({"type": "paragraph", "value": "<p>Een nieuwe alinea, nog niet vertaald.</p>"})
    dutch.body = body
    dutch.save_revision().publish()
    record = Translation.objects.get(
        source__object_id=dutch.translation_key, target_locale=locales["en"]
    )
    known = {entry.msgid: entry.msgstr for entry in record.export_po() if entry.msgstr}
    english = translate_instance(dutch, locales["en"], known, strict=False)
    html = page_html(client, english)
    notice = html.select_one(".cc-fallback-notice")
    assert notice is not None
    assert text_of(notice) == (
        "Some texts on this page have not been translated yet and are shown in Dutch."
    )
    assert "Een nieuwe alinea, nog niet vertaald." in text_of(html.select_one("main"))


def render(template_text, **context):
    return soup(
        Template("{% load comensha_i18n %}" + template_text).render(Context(context)).strip()
    )


def test_a_part_in_dutch_on_the_english_site_gets_a_notice(demo, locales):
    helpline = Helpline.objects.filter(locale=locales["nl"]).first()
    with translation.override("en"):
        notice = render("{% fallback_notice helpline part=True %}", helpline=helpline)
        assert text_of(notice) == "This part has not been translated yet and is shown in Dutch."
        english = helpline.get_translation(locales["en"])
        assert str(render("{% fallback_notice helpline part=True %}", helpline=english)) == ""
    with translation.override("nl"):
        assert str(render("{% fallback_notice helpline %}", helpline=helpline)) == ""
        notice = render("{% fallback_notice page %}", page=story(locales, "en"))
        # Dutch wording comes from the catalog; the language name is Django's own.
        assert notice.select_one('[data-cc-fallback="whole"]') is not None
        assert "Engels" in text_of(notice)


def test_html_lang_and_dir_follow_the_page_locale_for_any_language(demo, locales, settings):
    from wagtail.models import Locale

    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = [
        ("nl", "Nederlands"),
        ("en", "English"),
        ("ar", "العربية"),
    ]
    arabic = Locale.objects.create(language_code="ar")
    page = story(locales).copy_for_translation(arabic, copy_parents=True)
    html = render(
        "<html lang='{% page_language page %}' dir='{% page_direction page %}'>", page=page
    )
    assert html.html["lang"] == "ar" and html.html["dir"] == "rtl"
    switcher = render("{% language_switcher page %}", page=page)
    assert [link["hreflang"] for link in switcher.select("a")] == ["nl", "en"]  # a draft: no link


def test_a_sub_route_claims_no_alternates(client, demo, locales):
    from comensha_content.kompas.models import InstrumentPage

    instrument = InstrumentPage.objects.filter(locale=locales["en"]).order_by("path").first()
    response = client.get(instrument.card_url)
    assert response.status_code == 200
    html = soup(response.content.decode())
    assert html.select('link[rel="alternate"]') == []
    assert html.html["lang"] == "en"
    assert html.select_one(f'nav.cc-language-switcher a[href="{instrument.url}"]') is not None
