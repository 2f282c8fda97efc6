"""URLs of the example site: admin, APIs, then Wagtail pages per language (Dutch unprefixed)."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.http import HttpResponse
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from comensha_content.core.sitemap import sitemap

from . import two_factor
from .api import api_router


def robots_txt(request):
    """Crawlers may read every page but the admin, and find the sitemap."""
    sitemap_url = request.build_absolute_uri("/sitemap.xml")
    body = f"User-agent: *\nDisallow: /admin/\nSitemap: {sitemap_url}\n"
    return HttpResponse(body, content_type="text/plain; charset=utf-8")


urlpatterns = [
    path("admin/2fa/", two_factor.verify, name="two_factor"),  # before the admin's URLs
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap),  # every language, with hreflang alternates
    path("robots.txt", robots_txt),
]

if settings.WAGTAIL_8:
    from wagtail.api.v3.urls import api as api_v3

    from comensha_content.api.v3_urls import comensha_v3_urls

    urlpatterns += [path("api/v3/", comensha_v3_urls(api_v3.urls))]  # ETag/304, v2-only filters

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
