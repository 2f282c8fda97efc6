"""The page base class this app's pages extend.

Wagtail 8 lets a site swap its base Page model (``WAGTAIL_PAGE_MODEL``); a reusable app must then
extend the site's base page rather than ``wagtail.models.Page``. Wagtail 7.4 has no such setting,
and swapper reports "not swapped" there, so the same import serves both.
"""

import swapper

# Wagtail names the setting WAGTAIL_PAGE_MODEL (not WAGTAILCORE_PAGE_MODEL); set the prefix
# before asking swapper, in case this module is imported before wagtail.models.
swapper.set_app_prefix("wagtailcore", "wagtail")

if swapper.is_swapped("wagtailcore", "Page"):
    BasePage = swapper.load_model("wagtailcore", "Page", required=False)
else:
    from wagtail.models import Page as BasePage

__all__ = ["BasePage"]
