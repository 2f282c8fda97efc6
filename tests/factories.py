"""Small builders for test content: pages added under a parent and published like an editor does."""

from wagtail.models import Locale


def publish_child(parent, page, user=None):
    """Add ``page`` under ``parent`` in the parent's locale, save a revision and publish it."""
    if not getattr(page, "locale_id", None):
        page.locale = parent.locale if parent.depth > 1 else Locale.get_default()
    parent.add_child(instance=page)
    revision = page.save_revision(user=user)
    revision.publish(user=user)
    page.refresh_from_db()
    return page
