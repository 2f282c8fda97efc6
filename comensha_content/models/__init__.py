"""Models of comensha_content, one module per capability; public names re-exported here."""

from .taxonomy import (
    FormOfExploitation,
    Helpline,
    KaderTheme,
    Organisation,
    Plateau,
    Role,
)

__all__ = [
    "FormOfExploitation",
    "Helpline",
    "KaderTheme",
    "Organisation",
    "Plateau",
    "Role",
]
