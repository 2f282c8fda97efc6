"""Longread index and story pages as readers see them, and the same data in API v2."""

import re

import pytest
from wagtail.models import Locale

from comensha_content.models import LongreadPage

pytestmark = pytest.mark.django_db


def story_titles(html):
    return re.findall(r'<h3 id="story-\d+"><a href="[^"]+">([^<]+)</a></h3>', html)


def test_index_lists_the_stories_with_the_facts(client, index):
    html = client.get("/longread/").content.decode()
    assert story_titles(html) == [
        "Lisa: ‘Ik dacht dat hij van me hield’",
        "Alexander: werken zonder rust",
        "Malek: gedwongen om te stelen",
        "Daan: ‘Ik schaamde me te veel’",
    ]
    assert "4 verhalen" in html
    assert "5.000–7.500" in html  # the fact, formatted the Dutch way
    assert "Nationaal Rapporteur Mensenhandel, geciteerd door CoMensha" in html


@pytest.mark.parametrize(
    "query, expected",
    [
        ("narrator=victim", ["Lisa", "Alexander", "Malek", "Daan"]),
        ("narrator=professional", []),
        ("form=labour-exploitation", ["Alexander"]),
        ("form=sexual-exploitation&form=criminal-exploitation", ["Lisa", "Malek", "Daan"]),
        ("form=sexual-exploitation,criminal-exploitation", ["Lisa", "Malek", "Daan"]),
        ("role=victim&form=criminal-exploitation", ["Malek"]),
        ("role=mayor", []),
    ],
)
def test_index_filters(client, index, query, expected):
    html = client.get(f"/longread/?{query}").content.decode()
    assert [title.split(":")[0] for title in story_titles(html)] == expected
    assert 'role="status"' in html


def test_index_filter_form_works_without_javascript(client, index):
    html = client.get("/longread/?form=labour-exploitation").content.decode()
    assert '<form class="cc-filters" method="get"' in html
    assert '<option value="labour-exploitation" selected>Arbeidsuitbuiting</option>' in html
    assert '<label for="filter-role">Rol</label>' in html


def test_unknown_filter_value_shows_all_stories_with_a_notice(client, index):
    response = client.get("/longread/?form=bogus&narrator=victim")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Onbekende waarde &#x27;bogus&#x27; voor filter &#x27;form&#x27;." in html
    assert len(story_titles(html)) == 4


def test_index_paginates_and_keeps_filters(client, index, settings):
    settings.COMENSHA_CONTENT_PAGINATE_BY = 2
    html = client.get("/longread/?narrator=victim").content.decode()
    assert len(story_titles(html)) == 2
    assert 'href="?narrator=victim&amp;page=2"' in html
    html = client.get("/longread/?narrator=victim&page=2").content.decode()
    assert [t.split(":")[0] for t in story_titles(html)] == ["Malek", "Daan"]
    html = client.get("/longread/?page=abc").content.decode()  # a bad page number is page 1
    assert len(story_titles(html)) == 2


def test_story_page_shows_what_a_reader_needs(client, index):
    html = client.get("/longread/lisa/").content.decode()
    assert '<h1 id="story-title">Lisa: ‘Ik dacht dat hij van me hield’</h1>' in html
    assert re.search(r'Lisa<abbr class="cc-pseudonym-marker" title="[^"]+">\*</abbr>', html)
    assert "Naam gewijzigd" in html or "naam is gewijzigd" in html.lower()
    # table of contents from the chapter blocks, with stable anchors
    assert '<li><a href="#verliefd">Verliefd</a></li><li><a href="#hulp">Hulp</a></li>' in html
    assert 'id="verliefd"' in html and 'id="hulp"' in html
    assert "Inhoudswaarschuwing" in html and "seksuele uitbuiting en geweld" in html
    assert "1 minuut leestijd" in html
    assert "Voorbeeldtekst" in html  # invented narrative is marked as such
    assert 'href="tel:112"' in html
    assert 'href="/longread/alexander/"' in html  # related stories


def test_english_story_is_a_translation_with_english_links(client, index):
    html = client.get("/en/longread/lisa/").content.decode()
    assert '<html lang="en"' in html
    assert "Lisa: ‘I thought he loved me’" in html
    assert '<li><a href="#verliefd">In love</a></li>' in html  # anchors stay stable
    assert 'href="/en/longread/alexander/"' in html
    assert "Sexual exploitation" in html
    assert "Ik dacht" not in html


def test_reading_time_follows_the_setting(index, settings):
    story = LongreadPage.objects.get(slug="alexander", locale__language_code="nl")
    words = story.word_count
    assert words > 100
    settings.COMENSHA_CONTENT_WORDS_PER_MINUTE = 10
    assert story.reading_time == -(-words // 10)


def test_api_v2_story_detail(client, index):
    story = LongreadPage.objects.get(slug="alexander", locale__language_code="nl")
    data = client.get(f"/api/v2/pages/{story.pk}/").json()
    assert data["meta"]["type"] == "comensha_content.LongreadPage"
    assert data["narrator_kind"] == "victim"
    assert data["shown_name"] == "Alexander" and data["shown_name_is_pseudonym"] is True
    assert data["api_form_of_exploitation"]["code"] == "labour-exploitation"
    assert data["api_role"]["code"] == "victim"
    assert data["reading_time"] == story.reading_time
    assert [entry["anchor"] for entry in data["table_of_contents"]] == [
        "afhankelijk",
        "wat-moet-veranderen",
    ]
    types = [item["type"] for item in data["body"]]
    assert {"chapter", "perspective", "pull_quote", "fact", "helpline"} <= set(types)
    related = data["api_related_stories"]
    assert [item["title"] for item in related] == [
        "Lisa: ‘Ik dacht dat hij van me hield’",
        "Malek: gedwongen om te stelen",
    ]
    assert related[0]["type"] == "comensha_content.LongreadPage"


def test_api_v2_filters_and_bad_values(client, index):
    url = "/api/v2/pages/?type=comensha_content.LongreadPage&locale=nl"
    titles = [
        item["title"] for item in client.get(url + "&form=labour-exploitation").json()["items"]
    ]
    assert titles == ["Alexander: werken zonder rust"]
    response = client.get(url + "&narrator=robot")
    assert response.status_code == 400
    assert "robot" in response.json()["message"] and "narrator" in response.json()["message"]
    # the story filters are only known for the story type
    assert client.get("/api/v2/pages/?narrator=victim").status_code == 400


def test_api_v2_english_story_resolves_links_to_english(client, index):
    english = LongreadPage.objects.get(
        slug="alexander", locale=Locale.objects.get(language_code="en")
    )
    data = client.get(f"/api/v2/pages/{english.pk}/").json()
    assert data["meta"]["locale"] == "en"
    assert data["api_form_of_exploitation"]["name"] == "Labour exploitation"
    assert [item["url"] for item in data["api_related_stories"]] == [
        "/en/longread/lisa/",
        "/en/longread/malek/",
    ]
    assert all(item["locale"] == "en" for item in data["api_related_stories"])
