"""One listing/filter protocol for HTML listings, API v2 and the API description, on django-filter.

A filterable model declares ``filterset_class``: a ``ListingFilterSet`` whose filters are its
query parameters (``api_filter_parameters`` is derived from it). ``filterset.filtered()`` returns
the filtered queryset or raises ``BadFilterValue`` for the first invalid parameter, in
declaration order. HTML views show the message as a notice over the unfiltered list; the API
answers 400 with the message; ``describe_parameters()`` lists the parameters for the API
description. Nothing is filtered twice or differently in these places.

Filters taking codes are ``CodesFilter``: codes repeated (``?theme=a&theme=b``) or
comma-separated (``?theme=a,b``) are alternatives, each one of the allowed codes (given, or a
callable evaluated per request when codes are given); different filters narrow each other.
"""

from collections.abc import Callable, Iterable

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

UNKNOWN_VALUE = _("Unknown value %(value)r for filter %(parameter)r.")

#: The largest primary key a database holds (a BigAutoField). A larger "id" names nothing, and
#: SQLite cannot even compare a column with it (OverflowError, a 500).
MAX_DATABASE_ID = 2**63 - 1


def database_id(value):
    """``value`` as a primary key to look up: an int for ASCII digits up to ``MAX_DATABASE_ID``,
    else None (``"²".isdigit()`` is true, but ``int("²")`` fails)."""
    text = str(value)
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(MAX_DATABASE_ID)):
        return None
    number = int(text)
    return number if number <= MAX_DATABASE_ID else None


class BadFilterValue(ValueError):
    """An unknown or malformed filter value, with a message a reader can act on."""

    def __init__(self, parameter, value, message=None):
        self.parameter = parameter
        self.value = value
        self.message = message or str(UNKNOWN_VALUE % {"value": value, "parameter": parameter})
        super().__init__(self.message)


def model_filterset(model):
    """The model's ``filterset_class`` (a ``ListingFilterSet``), or None if it has no filters."""
    return getattr(model, "filterset_class", None)


class CodesWidget(forms.Widget):
    """Every value given for the parameter: ``getlist`` of a QueryDict, else the one value."""

    def value_from_datadict(self, data, files, name):
        return data.getlist(name) if hasattr(data, "getlist") else [data.get(name)]

    def value_omitted_from_data(self, data, files, name):
        return name not in data


class CodesField(forms.Field):
    """A list of codes from repeated or comma-separated values; each must be allowed.

    ``codes`` is an iterable of the allowed codes or a callable returning them; it is read only
    when codes are given. A code that is not allowed is a ``ValidationError`` whose params name
    it (``value``); ``ListingFilterSet`` turns it into ``BadFilterValue``.
    """

    widget = CodesWidget

    def __init__(self, *, codes=(), **kwargs):
        self.codes = codes
        super().__init__(**kwargs)

    def to_python(self, value):
        values = value if isinstance(value, list | tuple) else [value]
        return [
            code.strip()
            for raw in values
            if raw is not None
            for code in str(raw).split(",")
            if code.strip()
        ]

    def allowed_codes(self, given):
        """The allowed codes (``given``: the codes asked for, for fields that look them up)."""
        return self.codes() if callable(self.codes) else self.codes

    def validate(self, value):
        if not value:
            return
        allowed = {str(code) for code in self.allowed_codes(value)}
        for code in value:
            if code not in allowed:
                raise ValidationError(UNKNOWN_VALUE, code="unknown", params={"value": code})


class ListingFilter(django_filters.Filter):
    """A filter of a ``ListingFilterSet``: a query parameter with a description for the API.

    ``parameter`` is its query parameter name (set by the filter set); ``html_only`` filters are
    read by HTML views only and are no API query parameters.
    """

    parameter = ""

    def __init__(self, field_name=None, *, description="", html_only=False, **kwargs):
        self.description = description
        self.html_only = html_only
        super().__init__(field_name, **kwargs)

    def static_codes(self):
        """The codes the parameter accepts when they are fixed in code, else None."""
        return None


class CodesFilter(ListingFilter):
    """Codes of ``field_name`` (``field_name__in``), checked against the allowed ``codes``.

    With ``subquery`` (the default) the filter is ``id__in`` a subquery of the model's rows
    matching the codes, so a many-to-many join gives no duplicate rows and the queryset stays one
    Wagtail's search backends can search (they filter on ``id``, not on a page type's
    ``page_ptr`` pk). Without it the lookup applies to the queryset itself (a local field or a
    foreign key).
    """

    field_class = CodesField
    subquery_key = "id"

    def __init__(
        self,
        field_name=None,
        *,
        codes: Iterable[str] | Callable[[], Iterable[str]] = (),
        subquery=True,
        **kwargs,
    ):
        kwargs.setdefault("lookup_expr", "in")
        self.subquery = subquery
        super().__init__(field_name, codes=codes, **kwargs)

    def static_codes(self):
        codes = self.extra["codes"]
        return None if callable(codes) else [str(code) for code in codes]

    def filter(self, qs, value):
        if not value:
            return qs
        lookup = {f"{self.field_name}__{self.lookup_expr}": value}
        if not self.subquery:
            return qs.filter(**lookup)
        matching = qs.model._default_manager.filter(**lookup).values(self.subquery_key)
        return qs.filter(**{f"{self.subquery_key}__in": matching})


class ListingFilterSet(django_filters.FilterSet):
    """The filters of one listing, for its HTML view and the API alike.

    ``ListingFilterSet(params, queryset).filtered()`` is the filtered queryset, or raises
    ``BadFilterValue`` for the first invalid parameter in declaration order. With ``api=True``
    the HTML-only filters (a free-text ``q`` the API reads as Wagtail's ``search``) are left out.
    """

    def __init__(self, data=None, queryset=None, *, api=False, **kwargs):
        super().__init__(data, queryset, **kwargs)
        if api:
            self.filters = {
                name: filter_
                for name, filter_ in self.filters.items()
                if not getattr(filter_, "html_only", False)
            }

    @classmethod
    def get_filters(cls):
        filters = super().get_filters()
        for name, filter_ in filters.items():
            filter_.parameter = name
        return filters

    @classmethod
    def api_parameters(cls):
        """The query parameter names the API accepts, in declaration order."""
        return tuple(
            name
            for name, filter_ in cls.base_filters.items()
            if not getattr(filter_, "html_only", False)
        )

    @classmethod
    def describe_parameters(cls):
        """The API's query parameters: name, label, description and the codes where static."""
        return [
            {
                "name": name,
                "label": str(filter_.label or ""),
                "description": getattr(filter_, "description", ""),
                "codes": filter_.static_codes() if hasattr(filter_, "static_codes") else None,
            }
            for name, filter_ in cls.base_filters.items()
            if name in cls.api_parameters()
        ]

    def first_error(self):
        """``BadFilterValue`` for the first invalid parameter in declaration order, or None."""
        errors = self.form.errors.as_data()
        for name in self.filters:
            if errors.get(name):
                error = errors[name][0]
                params = {"parameter": name, **(error.params or {})}
                message = error.message % params if error.params else str(error.message)
                return BadFilterValue(name, params.get("value"), message)
        return None

    def filtered(self):
        """The filtered queryset; raises ``BadFilterValue`` naming the first invalid parameter."""
        error = self.first_error()
        if error is not None:
            raise error
        return self.qs

    @property
    def cleaned_data(self):
        """The parameters' values as the filters read them (valid data only)."""
        return self.form.cleaned_data
