"""Plain-dict serialisers of reports and recommendations: API v2 (``RepresentationField``), v3,
the CSV and templates share them."""

from contextlib import contextmanager

from django.utils import translation

from comensha_content.core.representation import page_link_representation, term_representation

try:
    from wagtail.api.utils import get_full_url
except ImportError:  # Wagtail 7.4 keeps it in the v2 package
    from wagtail.api.v2.utils import get_full_url

from rest_framework import serializers
from wagtail.api import APIField

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
        term_representation(term)
        for term in lookup.localize_all(getattr(recommendation, relation).all())
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


#: The recommendation's API shape, declared once: each key with the serialiser that gives its
#: value (None: the model field as it is). API v2's ``api_fields``, ``serialize_recommendation``
#: (API v3, the report page) and both JSON Schemas (``schemas.py``, ``api/schemas.py``) follow it.
RECOMMENDATION_FIELDS = {
    "code": None,
    "title": None,
    "text": None,
    "report": "serialize_report_link",
    "page_number": None,
    "themes": "serialize_themes",
    "addressees": "serialize_addressees",
    "urgency": "serialize_urgency",
    "government_response": "serialize_government_response",
    "current_status": "serialize_current_status",
    "history": "serialize_history",
}
#: The ``meta`` fields of the API v2 endpoint, the same way.
RECOMMENDATION_META_FIELDS = {
    "locale": "serialize_locale",
    "html_url": "serialize_recommendation_url",
}


def recommendation_api_fields():
    """``RECOMMENDATION_FIELDS`` as Wagtail ``APIField``s (for ``Recommendation.api_fields``)."""
    return _api_fields(RECOMMENDATION_FIELDS)


def recommendation_api_meta_fields():
    return _api_fields(RECOMMENDATION_META_FIELDS)


def _api_fields(fields):
    return [
        APIField(name)
        if serializer is None
        else APIField(name, serializer=RepresentationField(serializer))
        for name, serializer in fields.items()
    ]


def serialize_recommendation(recommendation, request=None):
    """Everything about a recommendation, its derived status and its history, as one dict."""
    representation = {
        "id": recommendation.pk,
        "locale": serialize_locale(recommendation),
        "url": serialize_recommendation_url(recommendation, request),
    }
    for name, serializer in RECOMMENDATION_FIELDS.items():
        if serializer is None:
            representation[name] = getattr(recommendation, name)
        else:
            representation[name] = globals()[serializer](recommendation, request)
    return representation


def serialize_report_recommendations(report, request=None):
    """A report's recommendations, fully serialised (for the report page in the API)."""
    from comensha_content.core.bulk_scope import MISSING, recall

    recommendations = recall(("report recommendations", report.pk))
    if recommendations is MISSING:
        recommendations = public_recommendations(report.locale).filter(report=report)
    return [serialize_recommendation(item, request) for item in recommendations]


def prepare_reports_listing(reports):
    """Every listed report's recommendations in one go (``core.bulk_scope``): per language,
    one query and its prefetches, instead of that per report."""
    from comensha_content.core.bulk_scope import remember

    grouped = {report.pk: [] for report in reports}
    for locale_id in {report.locale_id for report in reports}:
        ids = [report.pk for report in reports if report.locale_id == locale_id]
        for item in public_recommendations().filter(locale_id=locale_id, report_id__in=ids):
            grouped[item.report_id].append(item)
    for pk, items in grouped.items():
        remember(("report recommendations", pk), items)
