"""A story's related stories are loaded as links: title, URL and lede, never their own bodies.

The chooser of related stories (``blocks.choosers.PageChooserBlock``) defers the chosen pages'
StreamFields, for the reader's page, the API and the editor's form alike: a related story of a
thousand blocks costs its title, not its body.
"""

import re

import pytest
from django.db import connection
from django.urls import reverse

from comensha_content.models import LongreadPage
from tests.helpers import soup

BODY_COLUMN = '"comensha_content_longreadpage"."body"'
ID_IN = re.compile(r'"(page_ptr_id|id)" IN \(')


class Statements:
    """Every SQL statement run, with its parameters."""

    def __init__(self):
        self.run = []

    def __call__(self, execute, sql, params, many, context):
        self.run.append((sql, tuple(params or ())))
        return execute(sql, params, many, context)

    def ids_loaded_with_body(self):
        """The page ids every statement selecting stories' bodies by id (``pk IN``) asked for."""
        return {
            param
            for sql, params in self.run
            if BODY_COLUMN in sql.split(" FROM ")[0] and ID_IN.search(sql)
            for param in params
            if isinstance(param, int)
        }


@pytest.fixture
def story_with_related(demo):
    story = next(
        page
        for page in LongreadPage.objects.live().filter(locale__language_code="nl")
        if len(page.related_stories) >= 2
    )
    related = [block.value for block in story.related_stories]
    return story, related


def test_related_stories_come_without_their_bodies(story_with_related):
    story, _related = story_with_related
    fresh = LongreadPage.objects.get(pk=story.pk)
    statements = Statements()
    with connection.execute_wrapper(statements):
        pages = [block.value for block in fresh.related_stories]
    assert pages and all("body" in page.get_deferred_fields() for page in pages)
    assert all(page.title and page.url for page in pages)
    assert not statements.ids_loaded_with_body() & {page.pk for page in pages}


def test_reader_sees_related_stories_without_their_bodies_being_read(
    client, story_with_related, settings
):
    settings.COMENSHA_CONTENT_PAGE_CACHE_SECONDS = 0
    story, related = story_with_related
    client.get(story.url)  # the first request of the day runs the consent sweep
    statements = Statements()
    with connection.execute_wrapper(statements):
        response = client.get(story.url)
    assert response.status_code == 200
    cards = soup(response.content.decode()).select(".cc-related__card a")
    assert [card.get_text(strip=True) for card in cards] == [page.title for page in related]
    assert not statements.ids_loaded_with_body() & {page.pk for page in related}


def test_editor_form_shows_related_stories_without_reading_their_bodies(
    demo_admin_client, story_with_related
):
    story, related = story_with_related
    edit_url = reverse("wagtailadmin_pages:edit", args=[story.pk])
    demo_admin_client.get(edit_url)  # the first request of the day runs the consent sweep
    statements = Statements()
    with connection.execute_wrapper(statements):
        response = demo_admin_client.get(edit_url)
    assert response.status_code == 200
    content = response.content.decode()
    assert all(page.title in content for page in related)
    assert not statements.ids_loaded_with_body() & {page.pk for page in related}
