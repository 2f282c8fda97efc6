"""The editor's side of the headless preview: a button and the view that signs the token.

"Preview in front end" appears in a page's header menu when
``COMENSHA_CONTENT_HEADLESS_PREVIEW_URL`` is set. It opens ``admin/comensha/headless-preview/<id>/``
in a new tab; that view checks the editor may edit the page, signs a token for this page and
editor (``preview.make_preview_token``) and redirects to the front end's preview URL.
Imported by the app's ``wagtail_hooks``.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.models import Page

from comensha_content.api.preview import front_end_preview_url, make_preview_token
from comensha_content.core.conf import get_setting

URL_NAME = "comensha_headless_preview"


def headless_preview(request, page_id):
    """Sign a preview token for this page and editor and open the front end's preview."""
    page = get_object_or_404(Page, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    url = front_end_preview_url(page, make_preview_token(page, request.user))
    if not url:
        raise Http404(_("No front end is configured for previews."))
    return redirect(url)


@hooks.register("register_admin_urls")
def register_preview_url():
    return [path("comensha/headless-preview/<int:page_id>/", headless_preview, name=URL_NAME)]


@hooks.register("register_page_header_buttons")
def preview_in_front_end_button(page, user, view_name, next_url=None):
    if not get_setting("HEADLESS_PREVIEW_URL") or not page.permissions_for_user(user).can_edit():
        return
    yield Button(
        gettext_lazy("Preview in front end"),
        reverse(URL_NAME, args=[page.pk]),
        icon_name="view",
        attrs={"target": "_blank", "rel": "noreferrer"},
        priority=45,
    )
