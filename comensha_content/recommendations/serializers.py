"""Plain-dict serialisers of reports and recommendations: API v2 (``RepresentationField``), v3,
the CSV and templates share them."""

from contextlib import contextmanager

from django.utils import translation

from comensha_content.core.representation import page_link_representation

try:
    from wagtail.api.utils import get_full_url
except ImportError:  # Wagtail 7.4 keeps it in the v2 package
    from wagtail.api.v2.utils import get_full_url

from rest_framework import serializers

from comensha_content.recommendations.choices import (
    DocumentType,
    GovernmentResponse,
    ProgressStatus,
    Urgency,
)
from comensha_content.recommendations.filters import public_recommendations
from comensha_content.recommendations.lookups import recommendation_url, term_lookup


class RepresentationField(serializers.Field):
    """Read-only API v2 field whose value is a plain-dict serialiser of this module.

    The serialisers live in one module so API v2, v3, the CSV and the templates share them.
    """

    def __init__(self, function_name, **kwargs):
        super().__init__(read_only=True, source="*", **kwargs)
        self.function_name = function_name

    def to_representation(self, instance):
        serialise = globals()[self.function_name]
        return serialise(instance, request=self.context.get("request"))


# --- Serialisers (plain dicts; API v2 via RepresentationField, v3, anything else) ----------------


@contextmanager
def _language_of(instance):
    """Labels in the object's own language (the API is served outside i18n URL prefixes)."""
    with translation.override(instance.locale.language_code):
        yield


def _choice(choices_class, value):
    if not value:
        return None
    return {"code": value, "label": str(choices_class(value).label)}


def serialize_urgency(recommendation, request=None):
    with _language_of(recommendation):
        return _choice(Urgency, recommendation.urgency)


def serialize_government_response(recommendation, request=None):
    with _language_of(recommendation):
        return _choice(GovernmentResponse, recommendation.government_response)


def serialize_current_status(recommendation, request=None):
    """``{code, label, date}`` of the latest progress update ("not-started" without any)."""
    with _language_of(recommendation):
        status_date = recommendation.current_status_date
        return {
            **_choice(ProgressStatus, recommendation.current_status),
            "date": status_date.isoformat() if status_date else None,
        }


def serialize_progress_update(update, request=None):
    with _language_of(update):
        return {
            "id": update.pk,
            "date": update.date.isoformat(),
            "status": _choice(ProgressStatus, update.status),
            "explanation": update.explanation,
            "source": {"title": update.source_title, "url": update.source_url or None}
            if (update.source_title or update.source_url)
            else None,
        }


def serialize_history(recommendation, request=None):
    """The progress updates, oldest first."""
    return [serialize_progress_update(update, request) for update in recommendation.history]


def _terms(recommendation, relation, request):
    lookup = term_lookup(recommendation.locale, request)
    return [
        {**item.term.get_api_representation(), "is_fallback": item.is_fallback}
        for item in lookup.localize_all(getattr(recommendation, relation).all())
    ]


def serialize_themes(recommendation, request=None):
    """Themes as ``{id, code, name, locale, is_fallback}`` in the recommendation's language."""
    return _terms(recommendation, "themes", request)


def serialize_addressees(recommendation, request=None):
    """Addressees (organisations) as objects with codes, in the recommendation's language."""
    return _terms(recommendation, "addressees", request)


def serialize_document_type(report, request=None):
    with _language_of(report):
        return _choice(DocumentType, report.document_type)


def serialize_report_document(report, request=None):
    document = report.document
    if document is None:
        return None
    return {"id": document.pk, "title": document.title, "url": get_full_url(request, document.url)}


def serialize_report_link(recommendation, request=None):
    """The source report: the shared page-link shape plus date, document type and reference."""
    report = recommendation.report
    with _language_of(recommendation):
        return {
            **page_link_representation(report, request),
            "publication_date": report.publication_date.isoformat(),
            "document_type": serialize_document_type(report),
            "reference": report.reference,
        }


def serialize_recommendation_url(recommendation, request=None):
    """Full URL of the recommendation's page under its language's tracker (None without one)."""
    return recommendation_url(recommendation, request, full=True)


def serialize_locale(instance, request=None):
    return instance.locale.language_code


def serialize_recommendation(recommendation, request=None):
    """Everything about a recommendation, its derived status and its history, as one dict."""
    return {
        "id": recommendation.pk,
        "locale": serialize_locale(recommendation),
        "url": serialize_recommendation_url(recommendation, request),
        "code": recommendation.code,
        "title": recommendation.title,
        "text": recommendation.text,
        "report": serialize_report_link(recommendation, request),
        "page_number": recommendation.page_number,
        "themes": serialize_themes(recommendation, request),
        "addressees": serialize_addressees(recommendation, request),
        "urgency": serialize_urgency(recommendation),
        "government_response": serialize_government_response(recommendation),
        "current_status": serialize_current_status(recommendation),
        "history": serialize_history(recommendation),
    }


def serialize_report_recommendations(report, request=None):
    """A report's recommendations, fully serialised (for the report page in the API)."""
    recommendations = public_recommendations(report.locale).filter(report=report)
    return [serialize_recommendation(item, request) for item in recommendations]
