"""Bulk "Publish" in the page listing refuses an instrument without a legal basis, with a message."""

import html

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from comensha_content.kompas.models import InstrumentPage, KompasChapterPage

pytestmark = pytest.mark.django_db

LEGAL_BASIS = [
    ("legal_basis", {"law": "Gemeentewet", "article": "172", "url": "https://wetten.overheid.nl/"})
]


def add_draft(parent, page):
    page.live = False
    parent.add_child(instance=page)
    page.save_revision()
    return page


@pytest.fixture
def drafts(kompas):
    chapter = add_draft(
        kompas,
        KompasChapterPage(
            title="Nieuw hoofdstuk", slug="nieuw", number=9, section="wat", summary="Concept."
        ),
    )
    instrument = add_draft(
        kompas,
        InstrumentPage(title="Zonder grondslag", slug="zonder-grondslag", summary="Concept."),
    )
    return chapter, instrument


def bulk_publish(client, pages, next_url="/admin/pages/"):
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    query = "&".join(f"id={page.pk}" for page in pages)
    return client.post(f"{url}?{query}&next={next_url}", {"include_descendants": ""})


def test_bulk_publish_with_an_instrument_without_legal_basis_publishes_nothing(
    superuser_client, drafts
):
    chapter, instrument = drafts
    response = bulk_publish(superuser_client, drafts)

    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    [message] = [str(m) for m in get_messages(response.wsgi_request)]
    message = html.unescape(message)
    assert "Zonder grondslag" in message and "Nieuw hoofdstuk" not in message
    assert str(InstrumentPage.legal_basis_required_message) in message
    chapter.refresh_from_db()
    instrument.refresh_from_db()
    assert not chapter.live and not instrument.live  # all or nothing


def test_bulk_publish_including_descendants_checks_the_drafts_below(
    superuser_client, kompas, drafts
):
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    response = superuser_client.post(
        f"{url}?id={kompas.pk}&next=/admin/pages/", {"include_descendants": "on"}
    )
    assert response.status_code == 302
    [message] = [html.unescape(str(m)) for m in get_messages(response.wsgi_request)]
    assert "Zonder grondslag" in message
    assert not InstrumentPage.objects.get(pk=drafts[1].pk).live


def test_bulk_publish_goes_ahead_once_the_instrument_has_a_legal_basis(superuser_client, drafts):
    chapter, instrument = drafts
    instrument.legal_basis = LEGAL_BASIS
    instrument.save_revision()

    response = bulk_publish(superuser_client, drafts)

    assert response.status_code == 302
    chapter.refresh_from_db()
    instrument.refresh_from_db()
    assert chapter.live and instrument.live


def test_bulk_publish_refuses_a_draft_that_fails_model_validation(superuser_client, kompas):
    """Any rule publishing would enforce is reported, not only the legal basis."""
    chapter = add_draft(
        kompas,
        KompasChapterPage(
            title="Hoofdstuk", slug="hoofdstuk", number=8, section="wat", summary="-"
        ),
    )
    revision = chapter.get_latest_revision()
    revision.content["summary"] = ""  # a draft saved by code that skipped validation
    revision.save(update_fields=["content"])

    response = bulk_publish(superuser_client, [chapter])

    assert response.status_code == 302
    [message] = [html.unescape(str(m)) for m in get_messages(response.wsgi_request)]
    assert "Hoofdstuk" in message
    chapter.refresh_from_db()
    assert not chapter.live
