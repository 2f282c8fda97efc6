"""comensha-content: CoMensha's content model for any Wagtail site."""

__version__ = "0.1.0"
