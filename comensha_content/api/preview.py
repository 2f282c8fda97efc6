"""Headless preview: an editor reads one saved draft in a separate front end, briefly.

The endpoint exists only when ``COMENSHA_CONTENT_HEADLESS_PREVIEW_URL`` names a front end;
otherwise ``/api/v2/preview/<id>/`` is a 404 and the admin shows no button.
"Preview in front end" in the page editor (``preview_admin.py``) signs a token for that page's
latest revision and the editor who asked (``django.core.signing``, salted, valid for
``COMENSHA_CONTENT_HEADLESS_PREVIEW_MAX_AGE`` seconds, at most ``MAX_AGE_LIMIT``) and posts it to
the front end. The front end then asks ``/api/v2/preview/<id>/`` with the token in a header
(``Authorization: Preview <token>`` or ``X-Preview-Token: <token>``) or in a POST body
(``token=<token>``), never in the address, where it would be logged: a query-string token is a
400. The answer is that revision, in the shape of ``/api/v2/pages/<id>/``.

The token reads nothing but that one revision: another page or revision, an expired, altered
or forged token (one signed with another ``SECRET_KEY``), or an editor who may no longer edit
the page gets 403 with a message; a missing token 400. There is no token that reads every draft,
and no new model. Preview responses are ``Cache-Control: private, no-store`` and
``X-Robots-Tag: noindex``.
"""

from urllib.parse import quote

from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import ImproperlyConfigured
from django.http import Http404
from django.urls import path
from django.utils.translation import gettext as _
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError

from comensha_content.api.v2 import ComenshaPagesAPIViewSet
from comensha_content.core.conf import get_setting

SALT = "comensha_content.api.preview.revision"
TOKEN_PARAMETER = "token"
AUTHORIZATION_SCHEME = "preview"
TOKEN_HEADER = "HTTP_X_PREVIEW_TOKEN"
REVISION_PARAMETER = "revision"
#: Seconds no preview token outlives, whatever COMENSHA_CONTENT_HEADLESS_PREVIEW_MAX_AGE says.
MAX_AGE_LIMIT = 300
NO_STORE = "private, no-store"


class PreviewTokenError(Exception):
    """A preview token that does not give access, with the status and message to answer."""

    def __init__(self, message, status=403):
        super().__init__(message)
        self.message = message
        self.status = status


def preview_enabled():
    """Whether a front end is configured for headless previews."""
    return bool(get_setting("HEADLESS_PREVIEW_URL"))


def preview_max_age():
    """Seconds a preview token stays valid: the setting, capped at ``MAX_AGE_LIMIT``."""
    return max(0, min(int(get_setting("HEADLESS_PREVIEW_MAX_AGE")), MAX_AGE_LIMIT))


def make_preview_token(page, user, revision=None):
    """A signed, timestamped token for ``user`` to read ``revision`` (default: the latest)."""
    revision = revision or page.get_latest_revision()
    if revision is None:
        raise PreviewTokenError(_("Save a draft of this page before previewing it."), status=404)
    payload = {"page": page.pk, "revision": revision.pk, "user": user.pk}
    return signing.dumps(payload, salt=SALT, compress=True)


def token_from_request(request):
    """The preview token a request carries in a header or POST body; "" when it has none.

    Raises PreviewTokenError (400) for a token in the query string.
    """
    if TOKEN_PARAMETER in request.GET:
        raise PreviewTokenError(
            _(
                "Send the preview token in the Authorization header (Authorization: Preview "
                "<token>), the X-Preview-Token header or the POST body, never in the address."
            ),
            status=400,
        )
    scheme, _space, credentials = request.META.get("HTTP_AUTHORIZATION", "").partition(" ")
    if scheme.lower() == AUTHORIZATION_SCHEME and credentials.strip():
        return credentials.strip()
    if request.META.get(TOKEN_HEADER, "").strip():
        return request.META[TOKEN_HEADER].strip()
    if request.method == "POST":
        data = getattr(request, "data", request.POST)
        token = data.get(TOKEN_PARAMETER, "") if hasattr(data, "get") else ""
        return token.strip() if isinstance(token, str) else ""
    return ""


def read_preview_token(token, page_id):
    """``(editor, revision id)`` of a valid, unexpired token for ``page_id``.

    Raises PreviewTokenError otherwise.
    """
    if not token:
        raise PreviewTokenError(
            _("A preview token is required: open the preview from the page editor."), status=400
        )
    try:
        payload = signing.loads(token, salt=SALT, max_age=preview_max_age())
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
    return user, payload.get("revision")


def front_end_preview_url(page, revision):
    """``COMENSHA_CONTENT_HEADLESS_PREVIEW_URL`` filled in for ``page``, or "" when not set."""
    template = get_setting("HEADLESS_PREVIEW_URL")
    if not template:
        return ""
    if "{token}" in template:
        raise ImproperlyConfigured(
            "COMENSHA_CONTENT_HEADLESS_PREVIEW_URL must not contain {token}: the token is posted."
        )
    return template.format(
        id=page.pk,
        revision=revision.pk,
        type=quote(page.specific_class._meta.label if page.specific_class else "", safe=""),
        locale=page.locale.language_code,
    )


class _NotAModel:
    """The preview endpoint's ``model``: the router never picks it to link to a page."""


class PagePreviewAPIViewSet(ComenshaPagesAPIViewSet):
    """``GET`` or ``POST /api/v2/preview/<id>/`` with a token: one revision, as the pages detail.

    Register it next to the pages endpoint: ``api_router.register_endpoint("preview",
    PagePreviewAPIViewSet)``. Links in the response (``detail_url``) point to the pages endpoint.
    Answers 404 while no front end is configured (``COMENSHA_CONTENT_HEADLESS_PREVIEW_URL``).
    """

    name = "preview"
    model = _NotAModel
    preview_query_parameters = frozenset(
        [TOKEN_PARAMETER, REVISION_PARAMETER, "fields", "rich_text_format", "format"]
    )

    @classmethod
    def get_urlpatterns(cls):
        view = cls.as_view({"get": "preview_view", "post": "preview_view"})
        return [path("<int:pk>/", view, name="detail")]

    def get_object(self):
        return self._cached_object

    def initial(self, request, *args, **kwargs):
        if not preview_enabled():
            raise Http404
        # Error reports never show the token (a POST body, or the headers Django already hides).
        request._request.sensitive_post_parameters = [TOKEN_PARAMETER]
        super().initial(request, *args, **kwargs)

    def preview_view(self, request, pk):
        token = token_from_request(request)
        unknown = set(request.GET) - self.preview_query_parameters
        if unknown:
            names = ", ".join(sorted(unknown))
            raise BadRequestError(
                f"query parameter is not an operation or a recognised field: {names}"
            )
        from wagtail.models import Page

        user, revision_id = read_preview_token(token, pk)
        asked = request.GET.get(REVISION_PARAMETER)
        if asked is not None and asked != str(revision_id):
            raise PreviewTokenError(_("This preview token is for another revision."))
        page = Page.objects.filter(pk=pk).select_related("locale").first()
        if page is None or not page.permissions_for_user(user).can_edit():
            raise PreviewTokenError(
                _("The editor who opened this preview can no longer preview it.")
            )
        revision = page.revisions.filter(pk=revision_id).first()
        if revision is None:
            raise PreviewTokenError(_("This preview token is for another revision."))
        self._cached_object = revision.as_object()
        serializer = self.get_serializer(self._cached_object)
        response = Response(serializer.data)
        response["Cache-Control"] = NO_STORE
        response["X-Robots-Tag"] = "noindex"
        return response

    def handle_exception(self, exc):
        if isinstance(exc, PreviewTokenError):
            response = Response({"message": exc.message}, status=exc.status)
        else:
            response = super().handle_exception(exc)
        response["Cache-Control"] = NO_STORE
        return response
