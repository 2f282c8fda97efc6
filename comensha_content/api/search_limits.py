"""``?search=`` and ``?offset=`` in API v2 and v3: capped, and the search text made safe for the
search backend, before Wagtail reads them.

Wagtail's API hands ``?search=`` straight to the search backend, where an 800-word search
exceeds the recursion limit and a double quote breaks SQLite's full-text syntax (both a 500).
Here the text goes through ``core.search_text.searchable_text`` first: over the limits
(``COMENSHA_CONTENT_SEARCH_MAX_LENGTH`` / ``_MAX_WORDS``) the answer is a 400 with a message
(API v2 ``{"message": ...}``, API v3 problem+json), otherwise Wagtail searches the safe words
(the request's query string is replaced by a copy with them, since Wagtail reads it itself).

An ``offset`` above ``MAX_OFFSET`` is a 400 too: Wagtail checks only that it is not negative,
and SQLite cannot hold a larger one (``?offset=999999999999999999999`` was a 500).

- API v2: ``ValidSearchOperatorMixin`` (every package viewset, and the example's images and
  documents) calls ``check_v2_search`` from ``check_query_parameters``.
- API v3: ``comensha_v3_urls`` wraps every view with ``limit_v3_search``.
"""

from functools import wraps

from comensha_content.core.search_text import SearchTextRejected, searchable_text

#: The query parameter Wagtail's API v2 and v3 search with.
SEARCH_PARAMETER = "search"

#: The largest ``offset`` of a listing (a 32-bit integer: far beyond any listing, and well inside
#: what every database takes as OFFSET, with ``limit`` added).
MAX_OFFSET = 2**31 - 1
OFFSET_PARAMETER = "offset"


class OffsetTooLarge(ValueError):
    """An ``offset`` above ``MAX_OFFSET``."""

    message = f"offset must be at most {MAX_OFFSET}"


def check_offset(query):
    """Raise ``OffsetTooLarge`` for a numeric ``offset`` above ``MAX_OFFSET`` (Wagtail answers
    the malformed and negative ones itself)."""
    value = query.get(OFFSET_PARAMETER, "").strip()
    if value.isascii() and value.isdigit() and (len(value) > 10 or int(value) > MAX_OFFSET):
        raise OffsetTooLarge(OffsetTooLarge.message)


def searchable_query(query):
    """A copy of the QueryDict ``query`` with each ``search`` value replaced by its safe words.

    Raises ``SearchTextRejected`` for a value over the search limits; ``query`` itself when it
    has no ``search``.
    """
    if SEARCH_PARAMETER not in query:
        return query
    values = [searchable_text(value) for value in query.getlist(SEARCH_PARAMETER)]
    safe = query.copy()
    safe.setlist(SEARCH_PARAMETER, values)
    safe._mutable = False
    return safe


def check_v2_search(request):
    """API v2 (a DRF request): 400 over the limits, else Wagtail searches the safe words."""
    from wagtail.api.v2.utils import BadRequestError

    try:
        check_offset(request._request.GET)
        request._request.GET = searchable_query(request._request.GET)
    except (OffsetTooLarge, SearchTextRejected) as error:
        raise BadRequestError(error.message) from error


def limit_v3_search(view):
    """Wrap an API v3 view: 400 (problem+json) over the limits, else the safe words."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method in ("GET", "HEAD"):
            try:
                check_offset(request.GET)
                request.GET = searchable_query(request.GET)
            except (OffsetTooLarge, SearchTextRejected) as error:
                from wagtail.api.v3.errors import problem_response

                too_large = isinstance(error, OffsetTooLarge)
                return problem_response(
                    status=400,
                    detail=error.message,
                    errors=[
                        {
                            "type": "offset_too_large" if too_large else "search_too_long",
                            "loc": ["query", OFFSET_PARAMETER if too_large else SEARCH_PARAMETER],
                            "msg": error.message,
                        }
                    ],
                )
        return view(request, *args, **kwargs)

    return wrapper
