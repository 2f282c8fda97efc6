"""Fixtures of the translation tests."""

import pytest


@pytest.fixture
def english_admin_client(english_admin_client, demo):
    """tests/conftest.py's ``english_admin_client``, on the demo's translations (skipped without)."""
    return english_admin_client
