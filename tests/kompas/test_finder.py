"""The Kompas instrument finder: filters, combinations, free text and bad input, in HTML and API."""

import html
import itertools
import re

import pytest

from comensha_content.kompas.models import KaderTheme
from tests.kompas.kompas_helpers import FINDER_INSTRUMENTS, ui

pytestmark = pytest.mark.django_db

THEME_CODES = {
    term_number: code
    for term_number, code in [
        (1, "policy-foundation"),
        (2, "identifying-signals"),
        (3, "awareness"),
        (4, "chain-cooperation"),
        (5, "shelter-and-care"),
    ]
}

#: Values tried for each filter, alone and in every combination with the others.
FILTER_VALUES = {
    "exploitation": ["labour-exploitation"],
    "theme": ["policy-foundation", "identifying-signals"],
    "plateau": ["basis"],
    "authority": ["burgemeester", "college"],
}


def expected_titles(selection, titles=None):
    """Titles of FINDER_INSTRUMENTS matching ``selection`` (filter -> codes), as the finder should."""
    matching = []
    for title, (forms, themes, plateau, body) in FINDER_INSTRUMENTS.items():
        values = {
            "exploitation": set(forms),
            "theme": {THEME_CODES[number] for number in themes},
            "plateau": {plateau},
            "authority": {body},
        }
        if all(values[name] & set(codes) for name, codes in selection.items()):
            matching.append(title)
    return sorted(matching)


def finder_titles(response):
    assert response.status_code == 200
    section = response.content.decode().split('id="finder"', 1)[1]
    return sorted(
        html.unescape(title)
        for title in re.findall(r"<h4><a href=\"[^\"]+\">([^<]+)</a></h4>", section)
    )


def api_titles(client, kompas_page, query):
    response = client.get(
        "/api/v2/pages/",
        {
            "type": "comensha_content.InstrumentPage",
            "descendant_of": kompas_page.pk,
            "limit": 20,
            **query,
        },
    )
    assert response.status_code == 200, response.content
    return sorted(item["title"] for item in response.json()["items"])


def test_without_parameters_every_live_instrument_is_listed_by_title(client, kompas):
    response = client.get(kompas.url)
    assert finder_titles(response) == sorted(FINDER_INSTRUMENTS)
    assert "Concept-instrument" not in response.content.decode()


#: (parameter, code, expected titles) for each filter on its own.
SINGLE_FILTERS = [
    ("exploitation", "criminal-exploitation", ["Beleidsplan van de raad", "Zorgcoördinatie"]),
    ("exploitation", "forced-organ-removal", []),
    ("theme", "policy-foundation", ["APV-vergunning", "Beleidsplan van de raad", "Bibob-toets"]),
    ("theme", "shelter-and-care", ["Zorgcoördinatie"]),
    ("plateau", "verdieping", ["Beleidsplan van de raad", "Bibob-toets"]),
    ("plateau", "basis", ["APV-vergunning", "Sluiting van een pand", "Zorgcoördinatie"]),
    ("authority", "burgemeester", ["APV-vergunning", "Sluiting van een pand"]),
    ("authority", "raad", ["Beleidsplan van de raad"]),
]


def test_each_filter_alone_in_html_and_api(client, kompas):
    for parameter, code, expected in SINGLE_FILTERS:
        assert finder_titles(client.get(kompas.url, {parameter: code})) == expected, (
            parameter,
            code,
        )
        assert api_titles(client, kompas, {parameter: code}) == expected, (parameter, code)


def filter_combinations():
    names = list(FILTER_VALUES)
    for size in range(2, len(names) + 1):
        yield from itertools.combinations(names, size)


def test_every_combination_of_filters_in_html_and_api(client, kompas):
    combinations = list(filter_combinations())
    assert len(combinations) == 11  # 6 pairs, 4 triples, all four
    non_empty = 0
    for names in combinations:
        selection = {name: FILTER_VALUES[name] for name in names}
        expected = expected_titles(selection)
        non_empty += bool(expected)
        # HTML: the form submits repeated parameters (one per checked box).
        assert finder_titles(client.get(kompas.url, selection)) == expected, names
        # API: the same filters, comma-separated.
        api_query = {name: ",".join(codes) for name, codes in selection.items()}
        assert api_titles(client, kompas, api_query) == expected, names
    assert non_empty >= 6  # the data make most combinations match something


def test_codes_within_a_filter_are_alternatives(client, kompas):
    expected = ["Beleidsplan van de raad", "Zorgcoördinatie"]
    assert (
        finder_titles(client.get(kompas.url, {"theme": ["awareness", "shelter-and-care"]}))
        == expected
    )
    assert (
        finder_titles(client.get(kompas.url, {"theme": "awareness,shelter-and-care"})) == expected
    )


def test_checked_filters_stay_checked_in_the_form(client, kompas):
    content = client.get(kompas.url, {"plateau": "basis", "authority": "raad"}).content.decode()
    assert re.search(r'name="plateau" value="basis" checked', content)
    assert re.search(r'name="authority" value="raad" checked', content)
    assert not re.search(r'name="plateau" value="verdieping" checked', content)


def test_the_form_is_a_plain_get_form_with_labelled_controls(client, kompas):
    content = client.get(kompas.url).content.decode()
    form = re.search(r"<form[^>]*>.*?</form>", content, re.S).group(0)
    assert 'method="get"' in form
    for name in ("q", "exploitation", "theme", "plateau", "authority"):
        ids = re.findall(rf'<input[^>]+id="([^"]+)"[^>]+name="{name}"', form)
        assert ids, name
        for control_id in ids:
            assert f'<label for="{control_id}"' in form
    assert form.count("<fieldset>") == 4
    theme_names = list(
        KaderTheme.objects.filter(locale=kompas.locale).values_list("name", flat=True)
    )
    assert len(theme_names) == 5 and all(html.escape(name) in form for name in theme_names)


def test_free_text_search_finds_words_in_title_and_in_stream_fields(
    client, kompas, django_capture_on_commit_callbacks
):
    sluiting = kompas.instruments["Sluiting van een pand"]
    sluiting.steps = [
        (
            "step",
            {
                "title": "Signalen wegen in het driehoeksoverleg",
                "description": "",
                "responsible": "",
            },
        )
    ]
    with django_capture_on_commit_callbacks(execute=True):
        sluiting.save_revision().publish()

    assert finder_titles(client.get(kompas.url, {"q": "Bibob"})) == ["Bibob-toets"]
    assert finder_titles(client.get(kompas.url, {"q": "driehoeksoverleg"})) == [
        "Sluiting van een pand"
    ]
    assert finder_titles(client.get(kompas.url, {"q": "niets-dat-bestaat"})) == []
    response = client.get(
        "/api/v2/pages/", {"type": "comensha_content.InstrumentPage", "search": "driehoeksoverleg"}
    )
    assert [item["title"] for item in response.json()["items"]] == ["Sluiting van een pand"]


def test_free_text_combines_with_filters(client, kompas):
    assert finder_titles(client.get(kompas.url, {"q": "Bibob", "authority": "college"})) == [
        "Bibob-toets"
    ]
    assert finder_titles(client.get(kompas.url, {"q": "Bibob", "authority": "burgemeester"})) == []
    assert api_titles(client, kompas, {"search": "Bibob", "plateau": "verdieping"}) == [
        "Bibob-toets"
    ]
    assert api_titles(client, kompas, {"search": "Bibob", "plateau": "basis"}) == []


@pytest.mark.parametrize(
    "query,bad_value",
    [
        ({"theme": "nonsense"}, "nonsense"),
        ({"authority": "koning"}, "koning"),
        ({"exploitation": "sexual-exploitation", "plateau": "hoog"}, "hoog"),
        ({"exploitation": "sexual-exploitation,<script>"}, "<script>"),
    ],
)
def test_unknown_codes_show_every_instrument_with_a_notice(client, kompas, query, bad_value):
    response = client.get(kompas.url, query)
    content = html.unescape(response.content.decode())
    assert finder_titles(response) == sorted(FINDER_INSTRUMENTS)
    assert ui("Your filters could not be applied.") in content
    assert repr(bad_value) in content
    assert "<script>" not in response.content.decode()  # the value is escaped


def test_malformed_text_and_page_numbers_never_fail(client, kompas, settings):
    settings.COMENSHA_CONTENT_PAGINATE_BY = 2
    too_long = client.get(kompas.url, {"q": "x" * 500})
    assert finder_titles(too_long) == sorted(FINDER_INSTRUMENTS)[:2]
    assert ui("Your filters could not be applied.") in html.unescape(too_long.content.decode())
    for page in ("abc", "-1", "999", "1.5"):
        response = client.get(kompas.url, {"page": page})
        assert response.status_code == 200
        assert len(finder_titles(response)) in (1, 2)


def test_results_are_paginated_and_page_links_keep_the_filters(client, kompas, settings):
    settings.COMENSHA_CONTENT_PAGINATE_BY = 2
    first = client.get(kompas.url, {"exploitation": "sexual-exploitation"})
    all_titles = expected_titles({"exploitation": ["sexual-exploitation"]})
    assert finder_titles(first) == all_titles[:2]
    content = html.unescape(first.content.decode())
    next_link = re.search(r'href="([^"]+)" rel="next"', content).group(1)
    assert "exploitation=sexual-exploitation" in next_link and "page=2" in next_link
    second = client.get(kompas.url + next_link.split("#")[0])
    assert finder_titles(second) == all_titles[2:4]


def test_api_answers_400_with_a_message_for_bad_filter_values(client, kompas):
    response = client.get(
        "/api/v2/pages/", {"type": "comensha_content.InstrumentPage", "theme": "nonsense"}
    )
    assert response.status_code == 400
    assert "nonsense" in response.json()["message"] and "theme" in response.json()["message"]
    response = client.get(
        "/api/v2/pages/", {"type": "comensha_content.InstrumentPage", "colour": "red"}
    )
    assert response.status_code == 400


def test_finder_on_the_english_site_lists_english_instruments(
    client, kompas, site_context, django_capture_on_commit_callbacks
):
    """Codes are the same in every language, so the filters work on a translation too."""
    from comensha_content.core.translation import translate_instance
    from home.demo.taxonomy import translate_taxonomy

    with django_capture_on_commit_callbacks(execute=True):
        translate_taxonomy(site_context)
        english_kompas = translate_instance(kompas, site_context.target_locale, lambda text: text)
        bibob = translate_instance(
            kompas.instruments["Bibob-toets"], site_context.target_locale, lambda text: f"EN {text}"
        )
    assert bibob.locale == site_context.target_locale
    response = client.get(english_kompas.url, {"authority": "college", "plateau": "verdieping"})
    assert finder_titles(response) == ["EN Bibob-toets"]
    finder = response.content.decode().split('id="finder"', 1)[1]
    english_theme = KaderTheme.objects.get(code="awareness", locale=site_context.target_locale)
    assert f">{english_theme.name}</label>" in html.unescape(finder)
    assert 'lang="nl"' not in finder  # every term has its English translation


def test_active_filters_are_removable_tags_that_keep_the_others(client, kompas):
    """GOV.UK's finder pattern: each applied filter is a link that removes it alone."""
    from tests.helpers import soup, text_of

    response = client.get(kompas.url, {"theme": "policy-foundation", "plateau": "verdieping"})
    page = soup(response.content.decode())
    tags = page.select("#finder .cc-kompas-tags a.cc-kompas-tag")
    assert len(tags) == 2
    by_kind = {text_of(tag.select_one(".cc-kompas-tag__kind")): tag for tag in tags}
    assert len(by_kind) == 2
    # Following a tag's link drops that filter and keeps the other one.
    for tag in tags:
        href = tag["href"]
        assert href.startswith("?") and href.endswith("#finder")
        kept = "plateau=verdieping" if "theme=" not in href else "theme=policy-foundation"
        assert kept in href
        after = client.get(kompas.url + href.split("#")[0])
        assert finder_titles(after) == expected_titles(
            {"plateau": ["verdieping"]} if "plateau=" in href else {"theme": ["policy-foundation"]}
        )
    # The result count is a live region, focusable for the script that focuses it.
    count = page.select_one("#kompas-finder-results")
    assert count["aria-live"] == "polite" and count["tabindex"] == "-1"
    assert page.select_one("[data-kompas-finder-toggle]").has_attr("hidden")  # no JS: open
    assert client.get(kompas.url).content.decode().count('cc-kompas-tag"') == 0
