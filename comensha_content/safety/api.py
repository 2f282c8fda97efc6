"""API v2 endpoint with the quick-exit data, for headless front ends.

A front end that renders its own pages must still offer the quick exit (see docs/reader-safety.md) with the
site's neutral URL, label and browse-safely page. It asks once per language:
``GET /api/v2/reader-safety/?locale=en`` → ``{"quick_exit": {...}}``.
"""

from django.urls import path
from django.utils import translation
from django.utils.translation import gettext as _
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.models import Locale

from comensha_content.safety.models import quick_exit_data_for_request


class ReaderSafetyAPIView(APIView):
    """The request's site's quick exit in ``?locale=`` (default: the active language)."""

    authentication_classes = []
    permission_classes = []
    known_query_parameters = frozenset({"locale", "format"})

    def get(self, request):
        unknown = sorted(set(request.GET) - self.known_query_parameters)
        if unknown:
            message = _("query parameter is not an operation or a recognised field: %(names)s")
            return Response({"message": message % {"names": ", ".join(unknown)}}, status=400)
        code = request.GET.get("locale")
        if code is None:
            locale = Locale.get_active()
        else:
            # compared here, not in SQL: PostgreSQL refuses a code with a NUL in it
            locale = next(
                (item for item in Locale.objects.all() if item.language_code == code), None
            )
            if locale is None:
                message = _("unknown locale: %(code)s") % {"code": code}
                return Response({"message": message}, status=400)
        with translation.override(locale.language_code):
            data = quick_exit_data_for_request(request, locale)
        return Response({"quick_exit": data})


class _NoModel:
    """No model is served here; the router asks each endpoint which model it serves."""


class ReaderSafetyAPIViewSet:
    """Registers the view on a ``WagtailAPIRouter`` like Wagtail's own endpoints."""

    model = _NoModel

    @classmethod
    def get_urlpatterns(cls):
        return [path("", ReaderSafetyAPIView.as_view(), name="detail")]
