"""Fixtures of the reader-safety tests: none shared by several modules (see test_safety.py).

The media tests (test_media_metadata.py) use ``editor_client``: a member of Wagtail's default
Editors group, which may add and change images in the root collection.
"""

import pytest


@pytest.fixture
def editor_client(client, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("photo-editor", "pe@example.org", "password")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client
