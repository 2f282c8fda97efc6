"""Models of comensha_content, one module per capability; public names re-exported here."""

from .longread import LongreadIndexPage, LongreadPage, NarratorKind, StoryConsent
from .taxonomy import (
    FormOfExploitation,
    Helpline,
    KaderTheme,
    Organisation,
    Plateau,
    Role,
)

__all__ = [
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
