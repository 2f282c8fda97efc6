"""One filter protocol for HTML listings and the API.

A model that can be filtered declares ``api_filter_parameters`` (the query parameter names) and
a classmethod ``apply_filters(queryset, params)`` that returns the filtered queryset or raises
``BadFilterValue``. HTML views show the message as a notice over the unfiltered list; the API
answers 400 with the message. Nothing is filtered twice or differently in the two places.
"""

from django.utils.translation import gettext as _


class BadFilterValue(ValueError):
    """An unknown or malformed filter value, with a message a reader can act on."""

    def __init__(self, parameter, value, message=None):
        self.parameter = parameter
        self.value = value
        self.message = message or _("Unknown value %(value)r for filter %(parameter)r.") % {
            "value": value,
            "parameter": parameter,
        }
        super().__init__(self.message)


def get_codes(params, parameter, allowed_codes):
    """The list of codes given for ``parameter`` (repeated or comma-separated), all allowed.

    Raises BadFilterValue naming the first code that is not in ``allowed_codes``.
    """
    codes = []
    for raw in params.getlist(parameter) if hasattr(params, "getlist") else [params.get(parameter)]:
        if raw is None:
            continue
        codes.extend(code.strip() for code in str(raw).split(",") if code.strip())
    allowed = set(allowed_codes)
    for code in codes:
        if code not in allowed:
            raise BadFilterValue(parameter, code)
    return codes


def apply_model_filters(model, queryset, params):
    """Apply ``model.apply_filters`` when the model declares filters; else return the queryset."""
    apply_filters = getattr(model, "apply_filters", None)
    if apply_filters is None:
        return queryset
    return apply_filters(queryset, params)
