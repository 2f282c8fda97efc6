"""Fixtures of the performance tests (query counts, page cache)."""

import pytest
from wagtail.models import Site


@pytest.fixture
def site_root(request, db):
    """The default site's root page; the demo content (when loaded) stays: nothing here clashes."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:  # without migrations: the block tests' Dutch site
        return request.getfixturevalue("site_home")
    return site.root_page.specific
