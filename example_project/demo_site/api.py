"""API v2 router of the example site: pages, images, documents, recommendations, reader safety
and the headless preview of one page's draft.

Images and documents are the package's endpoints: only what public pages use, and no image's
original file (comensha_content.api.media)."""

from wagtail.api.v2.router import WagtailAPIRouter

from comensha_content.api.media import PublicDocumentsAPIViewSet, PublicImagesAPIViewSet
from comensha_content.api.preview import PagePreviewAPIViewSet
from comensha_content.api.v2 import ComenshaPagesAPIViewSet
from comensha_content.api.v2_recommendations import RecommendationsAPIViewSet
from comensha_content.safety.api import ReaderSafetyAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", ComenshaPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
api_router.register_endpoint("recommendations", RecommendationsAPIViewSet)
api_router.register_endpoint("reader-safety", ReaderSafetyAPIViewSet)
api_router.register_endpoint("preview", PagePreviewAPIViewSet)
