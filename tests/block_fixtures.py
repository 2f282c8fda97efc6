"""Fixtures and helpers shared by the tests/test_blocks_*.py modules (no tests of its own).

They build what the block tests need without the demo content, so the tests run with and
without migrations: the two locales, a Dutch site root, images and documents.
"""

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, Locale, Page, Site


def soup(html):
    return BeautifulSoup(str(html), "html.parser")


def text_of(element):
    """The text a reader sees, whitespace collapsed."""
    return " ".join(element.get_text().split())


def child_errors(block, raw):
    """``{child: [messages]}`` of cleaning ``raw`` (JSON-ish) with ``block``; {} if it is valid."""
    try:
        block.clean(block.to_python(raw))
    except StructBlockValidationError as error:
        return {
            name: list(child_error.messages) for name, child_error in error.block_errors.items()
        }
    return {}


@pytest.fixture
def block_locales(db):
    nl, _ = Locale.objects.get_or_create(language_code="nl")
    en, _ = Locale.objects.get_or_create(language_code="en")
    return {"nl": nl, "en": en}


@pytest.fixture
def site_home(block_locales, request):
    """The default site's root page, in Dutch (created when migrations did not)."""
    if Page.objects.filter(depth=2).exists():
        request.getfixturevalue("empty_site")  # the demo's pages would clash with the tests'
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None:
        return site.root_page.specific
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=block_locales["nl"])
    )
    home = root.add_child(instance=Page(title="Home", slug="home", locale=block_locales["nl"]))
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return home


@pytest.fixture
def root_collection(db):
    return Collection.get_first_root_node() or Collection.add_root(name="Root")


@pytest.fixture
def image(root_collection):
    return get_image_model().objects.create(
        title="Silhouette at a window", file=get_test_image_file(filename="silhouette.png")
    )


@pytest.fixture
def document(root_collection):
    return get_document_model().objects.create(
        title="Jaarrapportage",
        file=ContentFile(b"%PDF-1.4\n" + b"x" * 2039, name="jaarrapportage.pdf"),
    )


@pytest.fixture(autouse=True)
def english_interface_for_block_tests(request):
    """Block tests assert English messages; the site's default language is Dutch."""
    from django.utils import translation

    if not request.module.__name__.rsplit(".", 1)[-1].startswith("test_blocks_"):
        yield
        return
    with translation.override("en"):
        yield
