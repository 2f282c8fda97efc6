"""API v2 router of the example site: pages, images, documents, recommendations, reader safety
and the headless preview of one page's draft."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from comensha_content.api.preview import PagePreviewAPIViewSet
from comensha_content.api.v2 import ComenshaPagesAPIViewSet, ValidSearchOperatorMixin
from comensha_content.api.v2_recommendations import RecommendationsAPIViewSet
from comensha_content.safety.api import ReaderSafetyAPIViewSet


class CheckedImagesAPIViewSet(ValidSearchOperatorMixin, ImagesAPIViewSet):
    """Wagtail's images endpoint; an unknown search_operator is a 400, not a server error."""


class CheckedDocumentsAPIViewSet(ValidSearchOperatorMixin, DocumentsAPIViewSet):
    """Wagtail's documents endpoint; an unknown search_operator is a 400, not a server error."""


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", ComenshaPagesAPIViewSet)
api_router.register_endpoint("images", CheckedImagesAPIViewSet)
api_router.register_endpoint("documents", CheckedDocumentsAPIViewSet)
api_router.register_endpoint("recommendations", RecommendationsAPIViewSet)
api_router.register_endpoint("reader-safety", ReaderSafetyAPIViewSet)
api_router.register_endpoint("preview", PagePreviewAPIViewSet)
