"""The Kompas card a municipality prints for a meeting, and the file it downloads to read
offline: the canonical URL with a QR code to it, the site's brand, and no outside resource in
the downloaded file."""

import re

import pytest
import segno

from comensha_content.kompas.cards import qr_svg
from comensha_content.kompas.models import InstrumentPage, KompasChapterPage
from tests.helpers import soup, text_of

pytestmark = pytest.mark.django_db


def cards(language):
    return [
        KompasChapterPage.objects.live().filter(locale__language_code=language).first(),
        InstrumentPage.objects.live().filter(locale__language_code=language).first(),
    ]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_printed_card_has_the_canonical_url_its_qr_code_and_the_brand(
    client, kompas_demo, language
):
    for page in cards(language):
        html = soup(client.get(page.card_url).content.decode())
        card = html.select_one("article.cc-kompas-card")
        assert text_of(card.select_one(".cc-kompas-card__url")) == page.full_url
        qr = card.select_one("svg.cc-kompas-card__qr")
        assert qr is not None and qr["aria-hidden"] == "true"
        assert str(qr) == str(soup(qr_svg(page.full_url)).select_one("svg"))
        assert str(qr) != str(soup(qr_svg(page.full_url + "x")).select_one("svg"))
        assert text_of(card.select_one(".cc-kompas-card__brand a.cc-brand")) != ""


def test_qr_code_encodes_the_url_given():
    url = "https://www.comensha.nl/kompas/bibob/"
    expected = segno.make(url, error="m", micro=False)
    assert expected.designator.startswith(("1-", "2-", "3-", "4-"))  # small enough to scan
    svg = qr_svg(url)
    view_box = re.search(r'viewBox="0 0 (\d+) (\d+)"', svg).groups()
    assert tuple(map(int, view_box)) == expected.symbol_size(scale=3, border=2)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_downloaded_card_is_self_contained(client, kompas_demo, language):
    for page in cards(language):
        response = client.get(page.card_download_url)
        content = response.content.decode()
        html = soup(content)
        assert html.html["lang"] == language
        # Nothing is fetched when the file is opened from a disk, offline.
        assert html.select('link[rel="stylesheet"], script, img[src], iframe') == []
        assert re.search(r'(src|href)="/', content) is None
        style = text_of(html.select_one("head style"))
        assert "--cc-brand" in style and "@page { size: A4" in style
        # No site chrome: header, footer, quick exit and language switcher stay on the site.
        assert html.select("header.cc-site-header, footer.cc-site-footer, .cc-quick-exit") == []
        assert html.select("nav.cc-language-switcher, .cc-kompas-card-toolbar") == []
        card = html.select_one("article.cc-kompas-card")
        assert text_of(card.select_one("h1")) == page.title
        assert text_of(card.select_one(".cc-kompas-card__url")) == page.full_url
        assert card.select_one("svg.cc-kompas-card__qr") is not None
