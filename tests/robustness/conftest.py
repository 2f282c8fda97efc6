"""Fixtures of the robustness tests."""

import pytest
from django.test import RequestFactory


@pytest.fixture
def api_request(demo):
    return RequestFactory().get("/api/v2/pages/")
