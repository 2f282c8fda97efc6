"""Lists stored without item ids (the pre-2.16 ListBlock format) are translated too.

wagtail-localize extracts no segment from a list whose items have no id: the index's facts stayed
Dutch on /en/longread/. The app stores every list item with an id on save, keeps ids it has, and
does the same in revisions, so a translation offers every item and keeps its strings.
"""

import json

import pytest
from wagtail_localize.models import StringSegment, TranslationSource

from comensha_content.core.translation import translate_instance
from comensha_content.longread.models import LongreadIndexPage
from tests.helpers import soup, text_of

pytestmark = pytest.mark.django_db


def fact(label, source):
    return {
        "value": "12",
        "maximum": None,
        "unit": "",
        "label": label,
        "source_title": source,
        "source_url": "",
        "year": 2024,
    }


LEGACY_FACTS = [
    {
        "type": "facts",
        "value": [  # items without {"type": "item", "id": ...}: the old list format
            fact("geteld in de opvang", "Bron een"),
            fact("gemeld bij de politie", "Bron twee"),
        ],
    }
]
ENGLISH = {
    "Feiten": "Facts",
    "feiten": "facts",
    "geteld in de opvang": "counted in shelters",
    "gemeld bij de politie": "reported to the police",
    "Bron een": "Source one",
    "Bron twee": "Source two",
}


@pytest.fixture
def index(demo, locales):
    page = demo.home.add_child(
        instance=LongreadIndexPage(
            title="Feiten", slug="feiten", highlighted_facts=LEGACY_FACTS, locale=locales["nl"]
        )
    )
    page.save_revision().publish()
    return LongreadIndexPage.objects.get(pk=page.pk)


def stored_items(page):
    return page.highlighted_facts.raw_data[0]["value"]


def test_a_list_stored_without_ids_is_saved_with_an_id_per_item(index):
    items = stored_items(index)
    assert [item["type"] for item in items] == ["item", "item"]
    assert all(item["id"] for item in items)
    assert [item["value"]["label"] for item in items] == [
        "geteld in de opvang",
        "gemeld bij de politie",
    ]
    ids = [item["id"] for item in items]
    index.save_revision().publish()
    assert [item["id"] for item in stored_items(LongreadIndexPage.objects.get(pk=index.pk))] == ids


def test_a_revision_with_a_list_without_ids_is_stored_with_ids(index):
    index.highlighted_facts = LEGACY_FACTS
    revision = index.save_revision()
    content = json.loads(revision.content["highlighted_facts"])
    ids = [item["id"] for item in content[0]["value"]]
    assert all(ids)
    revision.publish()
    assert [item["id"] for item in stored_items(LongreadIndexPage.objects.get(pk=index.pk))] == ids


def test_every_item_of_such_a_list_is_a_segment_and_reaches_the_english_page(
    client, index, locales
):
    source, _created = TranslationSource.update_or_create_from_instance(index)
    texts = set(
        StringSegment.objects.filter(
            source=source, context__path__startswith="highlighted_facts."
        ).values_list("string__data", flat=True)
    )
    assert texts == {"geteld in de opvang", "gemeld bij de politie", "Bron een", "Bron twee"}

    english = translate_instance(index, locales["en"], ENGLISH)
    facts = text_of(
        soup(client.get(english.get_url()).content.decode()).select_one(".cc-highlighted-facts")
    )
    assert "counted in shelters" in facts and "reported to the police" in facts
    assert "geteld" not in facts and "Bron een" not in facts


def test_the_data_migration_gives_stored_lists_and_revisions_the_same_ids(index):
    """What the migration does to a site that stored lists without ids before this release."""
    from django.apps import apps

    from comensha_content.core.list_item_ids import migrate_stored_lists

    # The state before: the row and its latest revision hold the old list format.
    LongreadIndexPage.objects.filter(pk=index.pk).update(highlighted_facts=LEGACY_FACTS)
    revision = index.latest_revision
    revision.content["highlighted_facts"] = json.dumps(LEGACY_FACTS)
    type(revision).objects.filter(pk=revision.pk).update(content=revision.content)
    assert "type" not in stored_items(LongreadIndexPage.objects.get(pk=index.pk))[0]

    migrate_stored_lists(apps, None)  # RunPython(migrate_stored_lists): uses the app registry

    row_ids = [item["id"] for item in stored_items(LongreadIndexPage.objects.get(pk=index.pk))]
    revision.refresh_from_db()
    revision_ids = [
        item["id"] for item in json.loads(revision.content["highlighted_facts"])[0]["value"]
    ]
    assert len(row_ids) == 2 and all(row_ids)
    assert revision_ids == row_ids, "publishing the revision keeps the segments"
    # Run again: nothing changes.
    migrate_stored_lists(apps, None)  # RunPython(migrate_stored_lists): uses the app registry
    assert [
        item["id"] for item in stored_items(LongreadIndexPage.objects.get(pk=index.pk))
    ] == row_ids
