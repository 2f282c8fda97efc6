"""What search engines read of a page: a description on every page (the editor's, else the
page's own opening text), a favicon, and the example site's robots.txt."""

from django.conf import settings
from django.contrib.staticfiles import finders

from comensha_content.kompas.models import InstrumentPage, KompasPage
from comensha_content.longread.models import LongreadPage
from comensha_content.recommendations.models import RecommendationIndexPage
from tests.helpers import soup


def description_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    tags = soup(response.content.decode()).select('meta[name="description"]')
    assert len(tags) <= 1
    return tags[0]["content"] if tags else None


def test_without_a_search_description_the_page_describes_itself(client, demo):
    story = LongreadPage.objects.live().filter(locale=demo.source_locale).first()
    instrument = InstrumentPage.objects.live().filter(locale=demo.source_locale).first()
    kompas = KompasPage.objects.live().get(locale=demo.target_locale)
    tracker = RecommendationIndexPage.objects.live().get(locale=demo.target_locale)
    for page in (story, instrument, kompas, tracker):
        page.search_description = ""
        page.save_revision().publish()
    assert description_of(client, story).startswith(" ".join(story.lede.split())[:60])
    assert description_of(client, instrument).startswith(instrument.summary[:60])
    assert kompas.intro and description_of(client, kompas).startswith(kompas.intro[:60])
    assert tracker.intro and description_of(client, tracker).startswith(tracker.intro[:60])


def test_the_editors_search_description_comes_first(client, demo):
    story = LongreadPage.objects.live().filter(locale=demo.source_locale).first()
    story.search_description = "Lisa vertelt hoe zij uit de uitbuiting kwam."
    story.save_revision().publish()
    assert description_of(client, story) == "Lisa vertelt hoe zij uit de uitbuiting kwam."


def test_without_social_previews_only_the_editors_description_is_shown(client, demo):
    story = LongreadPage.objects.live().filter(locale=demo.source_locale).first()
    story.no_social_preview = True
    story.search_description = ""
    story.save_revision().publish()
    assert description_of(client, story) is None  # chat apps would preview the lede
    story.search_description = "Een verhaal over uitbuiting."
    story.save_revision().publish()
    assert description_of(client, story) == "Een verhaal over uitbuiting."


def test_every_page_names_a_favicon_the_package_ships(client, demo):
    response = client.get(demo.home.url)
    icon = soup(response.content.decode()).select_one('link[rel="icon"]')
    assert icon is not None
    path = icon["href"].removeprefix(settings.STATIC_URL)
    assert path.endswith(".svg") and finders.find(path)


def test_robots_txt_keeps_crawlers_out_of_the_admin_and_names_the_sitemap(client, demo):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
