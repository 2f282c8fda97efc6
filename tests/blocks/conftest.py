"""Fixtures of the block tests: images, documents and the English interface.

They build what the block tests need without the demo content, so the tests run with and
without migrations; the locales and the Dutch site root (``block_locales``, ``site_home``) are
shared with tests/performance, in tests/conftest.py.
"""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection


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
def english_interface_for_block_tests():
    """Block tests assert English messages; the site's default language is Dutch."""
    from django.utils import translation

    with translation.override("en"):
        yield
