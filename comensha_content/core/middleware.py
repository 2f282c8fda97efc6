"""Answers to a signed-in user are theirs alone: no shared cache may keep them.

Add ``comensha_content.core.middleware.PrivateWhenAuthenticatedMiddleware`` after Django's
``AuthenticationMiddleware``. A response to a request with a session cookie of a signed-in user,
or with an ``Authorization`` header, gets ``Cache-Control: private, no-store`` (whatever it said
before). A request without a session cookie never touches the session, so anonymous answers keep
their caching headers and gain no ``Vary: Cookie``.
"""

from django.conf import settings

PRIVATE = "private, no-store"


def is_authenticated_request(request):
    if "HTTP_AUTHORIZATION" in request.META:
        return True
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


class PrivateWhenAuthenticatedMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_authenticated_request(request):
            response["Cache-Control"] = PRIVATE
            if "Expires" in response:
                del response["Expires"]
        return response
