"""Models of comensha_content, one module per capability; public names re-exported here."""

from comensha_content.api.webhooks.models import WebhookDelivery, WebhookEndpoint
from comensha_content.core.theme import ThemeSettings
from comensha_content.kompas.models import (
    CompetentBody,
    InstrumentPage,
    KompasChapterPage,
    KompasPage,
    KompasSection,
)
from comensha_content.longread.models import (
    LongreadIndexPage,
    LongreadPage,
    NarratorKind,
)
from comensha_content.recommendations.models import (
    DocumentType,
    GovernmentResponse,
    PolicyReportPage,
    ProgressStatus,
    ProgressUpdate,
    Recommendation,
    RecommendationIndexPage,
    RecommendationTheme,
    Urgency,
)
from comensha_content.safety.consent import StoryConsent
from comensha_content.safety.models import (
    BrowseSafelyPage,
    ReaderSafetySettings,
    SearchEngineVisibilityMixin,
)
from comensha_content.taxonomy.models import (
    FormOfExploitation,
    Helpline,
    KaderTheme,
    Organisation,
    Plateau,
    Role,
)

__all__ = [
    "BrowseSafelyPage",
    "ReaderSafetySettings",
    "SearchEngineVisibilityMixin",
    "CompetentBody",
    "InstrumentPage",
    "KompasChapterPage",
    "KompasPage",
    "KompasSection",
    "DocumentType",
    "GovernmentResponse",
    "PolicyReportPage",
    "ProgressStatus",
    "ProgressUpdate",
    "Recommendation",
    "RecommendationIndexPage",
    "RecommendationTheme",
    "Urgency",
    "LongreadIndexPage",
    "LongreadPage",
    "NarratorKind",
    "StoryConsent",
    "FormOfExploitation",
    "Helpline",
    "KaderTheme",
    "Organisation",
    "Plateau",
    "Role",
    "ThemeSettings",
    "WebhookDelivery",
    "WebhookEndpoint",
]
