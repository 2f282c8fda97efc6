"""Every HTML listing reads its parameters through its filter set: a bad value of any of them
is a notice the reader sees, in the page's language, over the unfiltered list (issue #20).

The listings and their parameters are derived: each page type whose listed model declares a
``filterset_class`` (core/listing.py), each filter of that set, in Dutch and English.
"""

import html
import re

import pytest
from django.utils import translation

from tests.robustness.test_fuzz import LISTED_MODELS, _live, _model

pytestmark = pytest.mark.django_db

EIGHT_HUNDRED_WORDS = " ".join(f"woord{number}" for number in range(800))
UNKNOWN = "Unknown value %(value)r for filter %(parameter)r."
TOO_LONG = (
    "The search text is too long. Use at most %(max_length)s characters and %(max_words)s words."
)
#: What each listing says besides the message (its own sentence that the full list is shown).
SHOWN_INSTEAD = {
    "comensha_content.LongreadIndexPage": "Showing all stories instead.",
    "comensha_content.KompasPage": "All instruments are shown.",
    "comensha_content.RecommendationIndexPage": "All recommendations are shown instead.",
}
#: The listed items of each listing, as a reader finds them (titles or codes, in order).
ITEMS = {
    "comensha_content.LongreadIndexPage": r'<h3 id="story-\d+"><a href="[^"]+">([^<]+)</a></h3>',
    "comensha_content.KompasPage": r'<h4><a href="[^"]+">([^<]+)</a></h4>',
    "comensha_content.RecommendationIndexPage": r'<span class="cc-recommendation__code">([^<]*)',
}


def ui(text, language):
    with translation.override(language):
        return translation.gettext(text)


def notices(response):
    """The texts of the page's role=status notices (result counts left out)."""
    page = response.content.decode()
    found = re.findall(
        r'<(div|p) class="cc-[a-z-]*notice[^"]*" role="status">(.*?)</\1>', page, re.S
    )
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", "", text)).split()) for _tag, text in found]


def items(label, response):
    return [html.unescape(item) for item in re.findall(ITEMS[label], response.content.decode())]


def cases():
    for label, listed in LISTED_MODELS.items():
        for parameter in _model(listed).filterset_class.base_filters:
            for language in ("nl", "en"):
                yield label, parameter, language


@pytest.mark.parametrize(("label", "parameter", "language"), list(cases()))
def test_a_bad_value_of_any_filter_is_a_notice_over_the_unfiltered_list(
    client, demo, label, parameter, language
):
    page = _live(label, language)
    unfiltered = items(label, client.get(page.url))
    assert unfiltered, "the demo lists something here"
    text_search = parameter == "q"
    value = EIGHT_HUNDRED_WORDS if text_search else "no-such-code"
    response = client.get(page.url, {parameter: value})
    assert response.status_code == 200
    expected = (
        ui(TOO_LONG, language) % {"max_length": 200, "max_words": 20}
        if text_search
        else ui(UNKNOWN, language) % {"value": value, "parameter": parameter}
    )
    (notice,) = notices(response)
    assert expected in notice
    assert ui(SHOWN_INSTEAD[label], language) in notice
    if language == "nl":  # the Dutch page says it in Dutch
        assert "Unknown value" not in notice and "too long" not in notice
    assert items(label, response) == unfiltered


def test_every_listing_has_its_notice_checked():
    assert set(LISTED_MODELS) == set(SHOWN_INSTEAD) == set(ITEMS)
    assert {"q", "exploitation", "report", "narrator"} <= {case[1] for case in cases()}
