"""Editors do not lose work: to each other, to a validation error, or to a block change.

- Two editors on one story: Wagtail's editing-session pings tell each about the other, and about
  a newer revision saved by the other, on our edit view with its tabs and consent status panel.
- A story that fails validation is shown again with everything the editor typed.
- Renaming or removing a child block of the story body loses its content unless the data is
  migrated; the wagtail.blocks.migrations operations of docs/upgrading.md keep it, in the page
  and in every revision (applied here in code to the demo's Lisa story).
"""

import copy
import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail import blocks
from wagtail.blocks.migrations.operations import (
    RemoveStreamChildrenOperation,
    RenameStreamChildrenOperation,
    RenameStructChildrenOperation,
)
from wagtail.blocks.migrations.utils import apply_changes_to_raw_data

from comensha_content.models import LongreadPage
from tests.helpers import login_request
from tests.longread.test_longread_admin import add_url, story_form

pytestmark = pytest.mark.django_db

PING_URL = re.compile(r"/admin/editing-sessions/ping/wagtailcore/page/\d+/\d+/")


@pytest.fixture
def lisa(demo):
    return LongreadPage.objects.get(slug="lisa", locale__language_code="nl")


@pytest.fixture
def two_editors(demo_admin_client, django_user_model, demo):
    from django.test import Client

    second = get_user_model().objects.create_superuser(
        username="tweede-redacteur",
        email="tweede@example.org",
        password="tweede-wachtwoord",
        first_name="Tweede",
        last_name="Redacteur",
    )
    first_client = demo_admin_client
    second_client = Client()
    second_client.force_login(second)
    return first_client, second_client


def open_editor(client, page):
    """Open the edit view as a browser does; return the editing session's ping URL."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "data-consent-status" in html  # our edit view, with the consent status panel
    match = PING_URL.search(html)
    assert match, "the edit view has Wagtail's editing-session component"
    return match.group(0)


def ping(client, url, page, **data):
    response = client.post(url, {"is_editing": "1", **data})
    assert response.status_code == 200
    return response.json()


def test_two_editors_see_each_other(two_editors, lisa):
    first, second = two_editors
    first_ping_url = open_editor(first, lisa)
    second_ping_url = open_editor(second, lisa)
    ping(first, first_ping_url, lisa)
    seen_by_second = ping(second, second_ping_url, lisa)["other_sessions"]
    assert len(seen_by_second) == 1 and seen_by_second[0]["is_editing"] is True
    seen_by_first = ping(first, first_ping_url, lisa)["other_sessions"]
    assert [session["user"] for session in seen_by_first] == ["Tweede Redacteur"]
    assert seen_by_first[0]["is_editing"] is True


def test_an_editor_is_told_of_a_newer_revision(two_editors, lisa):
    first, second = two_editors
    loaded = lisa.latest_revision
    first_ping_url = open_editor(first, lisa)
    second_ping_url = open_editor(second, lisa)
    ping(first, first_ping_url, lisa)
    # the second editor saves; the first, still on the revision they loaded, is told
    newer = lisa.save_revision(user=get_user_model().objects.get(username="tweede-redacteur"))
    ping(second, second_ping_url, lisa)
    sessions = ping(
        first,
        first_ping_url,
        lisa,
        revision_id=str(loaded.pk),
        revision_created_at=loaded.created_at.isoformat(),
    )["other_sessions"]
    assert sessions[0]["user"] == "Tweede Redacteur"
    assert sessions[0]["revision_id"] == newer.pk


def test_a_failed_validation_keeps_what_the_editor_typed(client, index, photo):
    client.login(request=login_request(), username="admin", password="comensha-demo")
    typed = "Wat de redacteur typte Qx7Zk"
    body = [
        ("chapter", {"heading": "Hoofdstuk Qx7Zk", "intro": typed, "anchor": ""}),
        (
            "fact",
            {
                "value": "10",
                "maximum": "",
                "unit": "",
                "label": "slachtoffers Qx7Zk",
                "source_title": "Bron Qx7Zk",
                "source_url": "javascript:alert(1)",  # refused: the form comes back
                "year": "2020",
            },
        ),
    ]
    data = story_form(index, photo, body=body, lede=f"Inleiding {typed}", region="Regio Qx7Zk")
    response = client.post(add_url(index), data)
    assert response.status_code == 200
    assert not LongreadPage.objects.filter(slug="jeffrey").exists()
    html = response.content.decode()
    for text in (
        typed,
        "Hoofdstuk Qx7Zk",
        "slachtoffers Qx7Zk",
        "Bron Qx7Zk",
        "javascript:alert(1)",
    ):
        assert text in html or text.replace(" ", "\\u0020") in html, text
    assert 'value="Regio Qx7Zk"' in html
    assert f"Inleiding {typed}" in html


# --- Changing a block definition: data migrations ---------------------------------------------


def body_field():
    return LongreadPage._meta.get_field("body")


def stream_with(child_blocks):
    return blocks.StreamBlock(list(child_blocks.items()))


def renamed_body_definition(old, new):
    # Copies: a StreamBlock names its children, which would rename the page types' own blocks
    # for every later test in this process.
    children = {
        name: copy.deepcopy(child) for name, child in body_field().stream_block.child_blocks.items()
    }
    children[new] = children.pop(old)
    return stream_with(children)


def migrate(raw, operations):
    for operation, path in operations:
        raw = apply_changes_to_raw_data(raw, path, operation, streamfield=LongreadPage.body)
    return raw


def revision_bodies(page):
    return [revision.content["body"] for revision in page.revisions.order_by("pk")]


def types(raw):
    return [child["type"] for child in raw]


def test_renaming_a_child_block_without_a_migration_loses_it(lisa):
    raw = list(lisa.body.raw_data)
    assert "testimony" in types(raw)
    new_definition = renamed_body_definition("testimony", "quote_of_person")
    assert "quote_of_person" not in [child.block_type for child in new_definition.to_python(raw)]
    assert len(new_definition.to_python(raw)) < len(raw)  # silently gone: why a migration


def test_rename_operation_keeps_content_in_page_and_revisions(lisa):
    lisa.save_revision()  # at least two revisions with content
    operations = [(RenameStreamChildrenOperation("testimony", "quote_of_person"), "")]
    new_definition = renamed_body_definition("testimony", "quote_of_person")
    for raw in [list(lisa.body.raw_data), *revision_bodies(lisa)]:
        raw = copy.deepcopy(raw if isinstance(raw, list) else json.loads(raw))
        migrated = migrate(raw, operations)
        expected = ["quote_of_person" if kind == "testimony" else kind for kind in types(raw)]
        assert types(migrated) == expected
        value = new_definition.to_python(migrated)
        assert len(value) == len(raw)  # nothing lost
        before = [c["value"] for c in raw if c["type"] == "testimony"]
        after = [c.value["text"].source for c in value if c.block_type == "quote_of_person"]
        assert [b["text"] for b in before] == after


def test_rename_of_a_struct_child_and_removal_of_a_block(lisa):
    raw = copy.deepcopy(list(lisa.body.raw_data))
    testimonies = [c["value"] for c in raw if c["type"] == "testimony"]
    assert testimonies
    migrated = migrate(
        copy.deepcopy(raw),
        [
            (RenameStructChildrenOperation("text", "words"), "testimony"),
            (RemoveStreamChildrenOperation("chapter"), ""),
        ],
    )
    assert "chapter" not in types(migrated)
    assert len(migrated) == len(raw) - types(raw).count("chapter")
    moved = [c["value"] for c in migrated if c["type"] == "testimony"]
    assert [m["words"] for m in moved] == [t["text"] for t in testimonies]
    assert all("text" not in m for m in moved)
