"""Headless preview: an editor reads one page's draft in a separate front end, briefly.

"Preview in front end" in the page editor (``preview_admin.py``) signs a token for that one page
and the editor who asked (``django.core.signing``, salted, valid for
``COMENSHA_CONTENT_HEADLESS_PREVIEW_MAX_AGE`` seconds) and opens
``COMENSHA_CONTENT_HEADLESS_PREVIEW_URL`` with it. The front end then calls
``GET /api/v2/preview/<id>/?token=...`` and gets the latest revision (the draft) in the shape of
``/api/v2/pages/<id>/``.

The token reads nothing but that page's draft: another page's id, an expired, altered or forged
token, or an editor who may no longer edit the page gets 403 with a message; a missing token 400.
There is no token that reads every draft, and no new model: the draft is the page's latest saved
revision (save the draft before previewing). Preview responses are ``Cache-Control: private,
no-store`` and ``X-Robots-Tag: noindex``.
"""

from urllib.parse import quote

from django.contrib.auth import get_user_model
from django.core import signing
from django.urls import path
from django.utils.translation import gettext as _
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError

from comensha_content.api.v2 import ComenshaPagesAPIViewSet
from comensha_content.core.conf import get_setting

SALT = "comensha_content.api.preview"
TOKEN_PARAMETER = "token"


class PreviewTokenError(Exception):
    """A preview token that does not give access, with the status and message to answer."""

    def __init__(self, message, status=403):
        super().__init__(message)
        self.message = message
        self.status = status


def make_preview_token(page, user):
    """A signed, timestamped token for ``user`` to read ``page``'s draft."""
    return signing.dumps({"page": page.pk, "user": user.pk}, salt=SALT, compress=True)


def read_preview_token(token, page_id):
    """The editor the token was made for, if it is a valid, unexpired token for ``page_id``.

    Raises PreviewTokenError otherwise.
    """
    if not token:
        raise PreviewTokenError(
            _("A preview token is required: open the preview from the page editor."), status=400
        )
    try:
        payload = signing.loads(token, salt=SALT, max_age=get_setting("HEADLESS_PREVIEW_MAX_AGE"))
    except signing.SignatureExpired:
        raise PreviewTokenError(
            _("This preview token has expired: open the preview again from the page editor.")
        ) from None
    except signing.BadSignature:
        raise PreviewTokenError(_("This preview token is not valid.")) from None
    if not isinstance(payload, dict) or payload.get("page") != page_id:
        raise PreviewTokenError(_("This preview token is for another page."))
    user = get_user_model().objects.filter(pk=payload.get("user"), is_active=True).first()
    if user is None:
        raise PreviewTokenError(_("The editor who opened this preview can no longer preview it."))
    return user


def front_end_preview_url(page, token):
    """``COMENSHA_CONTENT_HEADLESS_PREVIEW_URL`` filled in for ``page``, or "" when not set."""
    template = get_setting("HEADLESS_PREVIEW_URL")
    if not template:
        return ""
    return template.format(
        token=quote(token, safe=""),
        id=page.pk,
        type=page.specific_class._meta.label if page.specific_class else "",
        locale=page.locale.language_code,
    )


class _NotAModel:
    """The preview endpoint's ``model``: the router never picks it to link to a page."""


class PagePreviewAPIViewSet(ComenshaPagesAPIViewSet):
    """``GET /api/v2/preview/<id>/?token=...``: the page's draft, shaped as the pages detail.

    Register it next to the pages endpoint: ``api_router.register_endpoint("preview",
    PagePreviewAPIViewSet)``. Links in the response (``detail_url``) point to the pages endpoint.
    """

    name = "preview"
    model = _NotAModel
    preview_query_parameters = frozenset([TOKEN_PARAMETER, "fields", "rich_text_format", "format"])

    @classmethod
    def get_urlpatterns(cls):
        return [path("<int:pk>/", cls.as_view({"get": "preview_view"}), name="detail")]

    def get_object(self):
        return self._cached_object

    def preview_view(self, request, pk):
        unknown = set(request.GET) - self.preview_query_parameters
        if unknown:
            names = ", ".join(sorted(unknown))
            raise BadRequestError(
                f"query parameter is not an operation or a recognised field: {names}"
            )
        from wagtail.models import Page

        page = Page.objects.filter(pk=pk).select_related("locale").first()
        user = read_preview_token(request.GET.get(TOKEN_PARAMETER), pk)
        if page is None or not page.permissions_for_user(user).can_edit():
            raise PreviewTokenError(
                _("The editor who opened this preview can no longer preview it.")
            )
        self._cached_object = page.specific.get_latest_revision_as_object()
        serializer = self.get_serializer(self._cached_object)
        response = Response(serializer.data)
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
        return response

    def handle_exception(self, exc):
        if isinstance(exc, PreviewTokenError):
            response = Response({"message": exc.message}, status=exc.status)
            response["Cache-Control"] = "private, no-store"
            return response
        return super().handle_exception(exc)
