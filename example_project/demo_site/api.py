"""API v2 router of the example site: pages, images, documents, recommendations, reader safety
and the headless preview of one page's draft."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from comensha_content.api.preview import PagePreviewAPIViewSet
from comensha_content.api.v2 import ComenshaPagesAPIViewSet
from comensha_content.api.v2_reader_safety import ReaderSafetyAPIViewSet
from comensha_content.api.v2_recommendations import RecommendationsAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", ComenshaPagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
api_router.register_endpoint("recommendations", RecommendationsAPIViewSet)
api_router.register_endpoint("reader-safety", ReaderSafetyAPIViewSet)
api_router.register_endpoint("preview", PagePreviewAPIViewSet)
