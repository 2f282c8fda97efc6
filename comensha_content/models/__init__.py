"""Models of comensha_content, one module per capability; public names re-exported here."""

from .kompas import CompetentBody, InstrumentPage, KompasChapterPage, KompasPage, KompasSection
from .longread import LongreadIndexPage, LongreadPage, NarratorKind, StoryConsent
from .recommendations import (
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
from .safety import BrowseSafelyPage, ReaderSafetySettings, SearchEngineVisibilityMixin
from .taxonomy import (
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
]
