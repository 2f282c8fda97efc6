"""API v2 fields of the Kompas pages: taxonomy terms and choices in the page's own language."""

from django.utils.translation import override
from rest_framework.fields import Field

from comensha_content.core.locales import localized_term
from comensha_content.core.representation import page_link_representation, term_representation


def page_link_in(page, locale):
    """``page_link_representation`` ({id, type, locale, title, url, is_fallback}) in ``locale``."""
    with override(locale.language_code):
        return page_link_representation(page)


def choice_api(choices, code, locale):
    """A choice as ``{code, label}``, labelled in the page's language (not the request's)."""
    if not code:
        return None
    with override(locale.language_code):
        return {"code": code, "label": str(choices(code).label)}


class LocalizedTermsField(Field):
    """API field: a page's taxonomy relation as term objects in the page's locale."""

    def __init__(self, relation, **kwargs):
        self.relation = relation
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page) -> list[dict]:
        return [term_representation(term) for term in page.localized_relation(self.relation)]


class LocalizedTermField(Field):
    """API field: a page's foreign key to a term, as a term object in the page's locale."""

    def __init__(self, relation, **kwargs):
        self.relation = relation
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page) -> dict | None:
        term = localized_term(getattr(page, self.relation), page.locale)
        return None if term is None else term_representation(term)


class CallableField(Field):
    """API field: the value of a method of the page that returns JSON-ready data."""

    def __init__(self, method, **kwargs):
        self.method = method
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        return getattr(page, self.method)()
