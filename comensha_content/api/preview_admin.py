"""The editor's side of the headless preview: a button and the view that signs the token.

"Preview in front end" appears in a page's header menu when
``COMENSHA_CONTENT_HEADLESS_PREVIEW_URL`` is set. It opens ``admin/comensha/headless-preview/<id>/``
in a new tab; that view checks the editor may edit the page, signs a token for the page's latest
revision and this editor (``preview.make_preview_token``) and posts it (``token=<token>``) to
the front end's preview URL, so the token is in no address, history or log. Without a front
end the view is a 404. Imported by the app's ``wagtail_hooks``.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.models import Page

from comensha_content.api.preview import (
    NO_STORE,
    PreviewTokenError,
    front_end_preview_url,
    make_preview_token,
    preview_enabled,
)

URL_NAME = "comensha_headless_preview"


def headless_preview(request, page_id):
    """Sign a preview token for this page's draft and editor and post it to the front end."""
    if not preview_enabled():
        raise Http404(_("No front end is configured for previews."))
    page = get_object_or_404(Page, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    revision = page.get_latest_revision()
    try:
        token = make_preview_token(page, request.user, revision)
    except PreviewTokenError as error:
        raise Http404(error.message) from None
    response = TemplateResponse(
        request,
        "comensha_content/api/headless_preview.html",
        {"action": front_end_preview_url(page, revision), "token": token},
    )
    response["Cache-Control"] = NO_STORE
    response["Referrer-Policy"] = "no-referrer"
    return response


@hooks.register("register_admin_urls")
def register_preview_url():
    return [path("comensha/headless-preview/<int:page_id>/", headless_preview, name=URL_NAME)]


@hooks.register("register_page_header_buttons")
def preview_in_front_end_button(page, user, view_name, next_url=None):
    if not preview_enabled() or not page.permissions_for_user(user).can_edit():
        return
    yield Button(
        gettext_lazy("Preview in front end"),
        reverse(URL_NAME, args=[page.pk]),
        icon_name="view",
        attrs={"target": "_blank", "rel": "noreferrer"},
        priority=45,
    )
