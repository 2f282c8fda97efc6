"""The site's theme (core/theme.py): an administrator sets logo and brand colour in the admin,
readers see them on every page; a colour too light for white text is refused with a reason."""

import pytest
from django.utils import translation
from wagtail.models import Site

from comensha_content.core.theme import ThemeSettings, contrast_with_white
from tests.helpers import soup, text_of

pytestmark = pytest.mark.django_db


def settings_url():
    site = Site.objects.get(is_default_site=True)
    return f"/admin/settings/comensha_content/themesettings/{site.pk}/"


def post_theme(client, **fields):
    data = {"brand_colour": "", "logo": ""}
    data.update(fields)
    return client.post(settings_url(), data)


def test_contrast_is_computed_as_wcag_defines_it():
    assert round(contrast_with_white("#000000"), 1) == 21.0
    assert round(contrast_with_white("#ffffff"), 1) == 1.0
    assert round(contrast_with_white("#8a1538"), 1) == 9.4  # the default brand colour
    assert round(contrast_with_white("#767676"), 2) == 4.54  # the lightest AA grey


def test_brand_colour_is_set_in_the_admin_and_reaches_every_page(demo_admin_client, demo):
    response = post_theme(demo_admin_client, brand_colour="#005a70")
    assert response.status_code == 302, response.content.decode()[:2000]
    assert ThemeSettings.for_site(Site.objects.get(is_default_site=True)).brand_colour == "#005a70"
    for path in ("/longread/lisa/", "/en/kompas/"):
        html = soup(demo_admin_client.get(path).content.decode())
        styles = [text_of(style) for style in html.select("head style")]
        assert ":root{--cc-brand:#005a70}" in styles, path


@pytest.mark.parametrize(
    ("language", "colour", "message"),
    [
        ("en", "#ffbf47", "This colour is too light: its contrast with white is 1.6:1"),
        ("nl", "#ffbf47", "Deze kleur is te licht: het contrast met wit is 1,6:1"),
        ("en", "red", "Enter a colour as # followed by six hexadecimal digits"),
        ("en", "#12345g", "Enter a colour as # followed by six hexadecimal digits"),
    ],
)
def test_unreadable_or_malformed_colour_is_a_form_error(
    demo_admin_client, demo, language, colour, message
):
    from django.contrib.auth import get_user_model
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(get_user_model().objects.get(username="admin"))
    profile.preferred_language = language
    profile.save()
    with translation.override(language):
        response = post_theme(demo_admin_client, brand_colour=colour)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert ThemeSettings.for_site(Site.objects.get(is_default_site=True)).brand_colour == ""


def test_without_a_theme_the_header_shows_the_site_name_and_no_style(client, demo):
    html = soup(client.get("/en/longread/").content.decode())
    from wagtail.models import Page

    english_home = Page.objects.get(depth=2, locale__language_code="en")
    brand = html.select_one("header a.cc-brand")
    assert text_of(brand) == english_home.title
    assert brand["href"] == english_home.url
    assert html.select("head style") == []


def test_logo_replaces_the_name_and_keeps_it_as_text_alternative(demo_admin_client, demo, photo):
    assert post_theme(demo_admin_client, logo=photo.pk).status_code == 302
    html = soup(demo_admin_client.get("/en/longread/").content.decode())
    logo = html.select_one("header .cc-brand img.cc-brand__logo")
    assert logo is not None
    from wagtail.models import Page

    assert logo["alt"] == Page.objects.get(depth=2, locale__language_code="en").title
    assert logo["src"].endswith(".png") and int(logo["height"]) == 80


def test_editors_cannot_change_the_theme(client, editor_user):
    client.force_login(editor_user)
    response = post_theme(client, brand_colour="#000000")
    assert response.status_code in (302, 403)
    assert ThemeSettings.for_site(Site.objects.get(is_default_site=True)).brand_colour == ""


def test_theme_and_footer_helplines_are_always_current(rf, demo):
    """Nothing of the header or footer is cached: a changed colour or helpline shows at once,
    even after a bulk update that sends no signal (a phone number must never be stale)."""
    from django.template import Context, Template

    from comensha_content.models import Helpline, LongreadPage

    story = LongreadPage.objects.live().get(locale__language_code="en", slug="lisa")
    template = Template(
        "{% load comensha_theme comensha_safety %}{% theme_style %}{% footer_helplines page %}"
    )

    def render():
        return template.render(Context({"request": rf.get(story.url), "page": story}))

    assert "Renamed line" not in render()
    Helpline.objects.filter(locale=story.locale).update(name="Renamed line")
    ThemeSettings.objects.update_or_create(
        site=Site.objects.get(is_default_site=True), defaults={"brand_colour": "#123456"}
    )
    html = render()
    assert "Renamed line" in html and "--cc-brand:#123456" in html
