"""Images (renditions only), video/audio that loads on request, and documents."""

import pytest
from django.test import RequestFactory, override_settings
from django.utils import translation

from comensha_content.blocks import DocumentBlock, ImageBlock, MediaBlock
from tests.helpers import child_errors, soup, text_of

pytestmark = pytest.mark.django_db

RENDITIONS = {"small": "width-200", "medium": "width-400", "large": "width-600"}


def image_value(image, **overrides):
    return ImageBlock().to_python(
        {
            "image": image.pk,
            "alt_text": "Silhouet van een vrouw bij een raam",
            "decorative": False,
            "caption": "Lisa* wachtte elke avond.",
            "credit": "Bas Losekoot",
            "layout": "wide",
            **overrides,
        }
    )


@override_settings(COMENSHA_CONTENT_IMAGE_RENDITIONS=RENDITIONS)
def test_image_renders_a_figure_with_renditions_never_the_original(image):
    block = ImageBlock()
    with translation.override("en"):
        html = soup(block.render(image_value(image)))
    figure = html.find("figure", class_="cc-image")
    assert "cc-image--wide" in figure["class"]
    img = figure.find("img")
    assert img["alt"] == "Silhouet van een vrouw bij een raam"
    assert (img["width"], img["height"]) == ("400", "300")  # the middle rendition of 640x480
    assert img["loading"] == "lazy"
    assert img["sizes"] == "(min-width: 66rem) 64rem, 100vw"
    srcset = [entry.rsplit(" ", 1) for entry in img["srcset"].split(", ")]
    assert [width for _url, width in srcset] == ["200w", "400w", "600w"]
    urls = [img["src"], *(url for url, _width in srcset)]
    assert all("/images/" in url for url in urls)
    assert image.file.url not in str(html)
    assert text_of(figure.find("figcaption")) == "Lisa* wachtte elke avond. Image: Bas Losekoot"


@override_settings(COMENSHA_CONTENT_IMAGE_RENDITIONS=RENDITIONS)
def test_decorative_image_has_empty_alt(image):
    html = soup(ImageBlock().render(image_value(image, decorative=True, caption="", credit="")))
    img = html.find("img")
    assert img["alt"] == ""
    assert html.find("figcaption") is None


@override_settings(
    COMENSHA_CONTENT_IMAGE_RENDITIONS=RENDITIONS, WAGTAILAPI_BASE_URL="https://api.example.org"
)
def test_image_api_representation(image):
    block = ImageBlock()
    data = block.get_api_representation(image_value(image), {"request": RequestFactory().get("/")})
    renditions = data["image"].pop("renditions")
    assert data == {
        "image": {
            "id": image.pk,
            "alt": "Silhouet van een vrouw bij een raam",
            "decorative": False,
            "caption": "Lisa* wachtte elke avond.",
            "credit": "Bas Losekoot",
            "width": 640,
            "height": 480,
        },
        "layout": "wide",
    }
    assert list(renditions) == ["small", "medium", "large"]
    assert renditions["small"]["width"] == 200 and renditions["small"]["height"] == 150
    assert all(r["url"].startswith("https://api.example.org/") for r in renditions.values())
    assert image.file.url not in str(renditions)


def test_image_needs_alt_text_unless_decorative(image):
    message = (
        "Describe the image for people who cannot see it, here or in the image's description "
        "under Images, or tick 'Decorative' if it adds nothing to the text."
    )
    raw = {"image": image.pk, "alt_text": "  ", "decorative": False, "layout": "inline"}
    assert child_errors(ImageBlock(), raw) == {"alt_text": [message]}
    assert child_errors(ImageBlock(), {**raw, "decorative": True}) == {}


def test_image_alt_text_comes_from_the_image_description_when_left_empty(image):
    """Alt text written once, in the image library, is not asked again in every block."""
    image.description = "Silhouet van een vrouw bij een raam, van achteren"
    image.save()
    raw = {"image": image.pk, "alt_text": "", "decorative": False, "layout": "inline"}
    assert child_errors(ImageBlock(), raw) == {}
    value = ImageBlock().to_python(raw)
    html = soup(ImageBlock().render(value))
    assert html.find("img")["alt"] == "Silhouet van een vrouw bij een raam, van achteren"
    data = ImageBlock().get_api_representation(value)
    assert (data["image"]["alt"], data["image"]["decorative"]) == (image.description, False)
    # The block's own alt text wins; a decorative image keeps an empty alt
    own = ImageBlock().to_python({**raw, "alt_text": "Een raam bij nacht"})
    assert soup(ImageBlock().render(own)).find("img")["alt"] == "Een raam bij nacht"
    decorative = ImageBlock().to_python({**raw, "decorative": True})
    assert soup(ImageBlock().render(decorative)).find("img")["alt"] == ""
    assert ImageBlock().get_api_representation(decorative)["image"]["alt"] == ""


def test_image_without_alt_text_or_description_is_refused(image):
    image.description = "   "
    image.save()
    raw = {"image": image.pk, "alt_text": "", "decorative": False, "layout": "inline"}
    assert list(child_errors(ImageBlock(), raw)) == ["alt_text"]


def test_image_with_a_missing_file_renders_nothing(image):
    value = image_value(image)
    image.file.delete(save=False)
    assert ImageBlock().render(value).strip() == ""


MEDIA = {
    "title": "Alexander vertelt",
    "kind": "video",
    "embed_url": "https://www.youtube-nocookie.com/embed/abc123",
    "poster": None,
    "transcript": "<p>Ik werkte twaalf uur per dag.</p>",
}


def test_media_makes_no_third_party_request_until_the_reader_asks():
    block = MediaBlock()
    with translation.override("en"):
        html = soup(block.render(block.to_python(MEDIA), {"id": "m1"}))
    # nothing on the page loads from the other host
    assert html.find("iframe") is None
    assert not html.find_all(src=lambda src: src and "youtube" in src)
    player = html.find(attrs={"data-cc-media": True})
    assert player["data-embed-url"] == MEDIA["embed_url"]
    button = player.find("button")
    assert button["type"] == "button"
    assert text_of(button) == "Load video from youtube-nocookie.com"
    assert button.has_attr("hidden")  # shown by blocks.js; without JS the link below works
    assert button["aria-describedby"] == "cc-media-m1-notice"
    notice = player.find(id="cc-media-m1-notice")
    assert "youtube-nocookie.com, another website" in text_of(notice)
    link = player.find("p", attrs={"data-cc-media-fallback": True}).find("a")
    assert (link["href"], text_of(link)) == (
        MEDIA["embed_url"],
        "Watch the video on youtube-nocookie.com",
    )
    transcript = html.find("details", class_="cc-media__transcript")
    assert text_of(transcript.find("summary")) == "Transcript: Alexander vertelt"
    assert "twaalf uur per dag" in text_of(transcript)


def test_audio_labels_say_audio():
    block = MediaBlock()
    value = block.to_python({**MEDIA, "kind": "audio", "embed_url": "https://w.soundcloud.com/x"})
    with translation.override("en"):
        html = soup(block.render(value))
    assert text_of(html.find("button")) == "Load audio from w.soundcloud.com"


@override_settings(COMENSHA_CONTENT_IMAGE_RENDITIONS=RENDITIONS)
def test_media_poster_is_a_local_rendition(image):
    block = MediaBlock()
    html = soup(block.render(block.to_python({**MEDIA, "poster": image.pk})))
    poster = html.find("img", class_="cc-media__poster")
    assert poster["alt"] == ""
    assert "/images/" in poster["src"] and "youtube" not in poster["src"]


@override_settings(WAGTAILAPI_RICH_TEXT_FORMAT="db_html")
def test_media_api_representation():
    block = MediaBlock()
    assert block.get_api_representation(block.to_python(MEDIA)) == {
        "title": "Alexander vertelt",
        "kind": "video",
        "embed_url": "https://www.youtube-nocookie.com/embed/abc123",
        "host": "youtube-nocookie.com",
        "poster": None,
        "transcript": "<p>Ik werkte twaalf uur per dag.</p>",
    }


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "http://www.youtube.com/embed/x", "data:text/html,x"]
)
def test_media_embed_url_must_be_https(url):
    errors = child_errors(MediaBlock(), {**MEDIA, "embed_url": url})
    assert errors == {
        "embed_url": [
            "Enter the player's address as given by the video or audio site; it must start "
            "with https://."
        ]
    }


def test_media_needs_a_transcript():
    errors = child_errors(MediaBlock(), {**MEDIA, "transcript": ""})
    assert errors == {
        "transcript": ["Add a transcript: readers who cannot watch or hear the recording need it."]
    }


def test_document_shows_title_file_type_and_size(document):
    block = DocumentBlock()
    value = block.to_python(
        {"document": document.pk, "title": "", "description": "Voortgang van de aanbevelingen."}
    )
    with translation.override("nl"):
        html = soup(block.render(value))
    link = html.find("a", class_="cc-document__link")
    assert link["href"] == document.url
    assert text_of(link) == "Jaarrapportage (PDF, 2,0 KB)"
    assert text_of(html.find("p", class_="cc-document__description")) == (
        "Voortgang van de aanbevelingen."
    )


@override_settings(WAGTAILAPI_BASE_URL="https://api.example.org")
def test_document_api_representation(document):
    block = DocumentBlock()
    value = block.to_python({"document": document.pk, "title": "Rapport 2022", "description": ""})
    with translation.override("en"):
        data = block.get_api_representation(value, {"request": RequestFactory().get("/")})
    assert data == {
        "id": document.pk,
        "title": "Rapport 2022",
        "description": "",
        "url": f"https://api.example.org{document.url}",
        "file_type": "pdf",
        "file_size": 2048,
        "file_size_display": "2.0\xa0KB",
    }


def test_deleted_document_renders_nothing(document):
    block = DocumentBlock()
    value = block.to_python({"document": document.pk, "title": "", "description": ""})
    document.delete()
    value = block.to_python({"document": value["document"].pk, "title": "", "description": ""})
    assert block.render(value).strip() == ""
    assert block.get_api_representation(value) is None
