"""Query strings of API v2 and v3, checked before Wagtail reads them: search capped and made
safe for the search backend, ``offset`` bounded, no NUL characters.

Wagtail's API hands ``?search=`` straight to the search backend, where an 800-word search
exceeds the recursion limit and a double quote breaks SQLite's full-text syntax (both a 500).
Here the text goes through ``core.search_text.searchable_text`` first: over the limits
(``COMENSHA_CONTENT_SEARCH_MAX_LENGTH`` / ``_MAX_WORDS``) the answer is a 400 with a message
(API v2 ``{"message": ...}``, API v3 problem+json), otherwise Wagtail searches the safe words
(the request's query string is replaced by a copy with them, since Wagtail reads it itself).

Also a 400, where Wagtail would let a database error through as a 500:

- an ``offset`` above ``MAX_OFFSET`` (Wagtail checks only that it is not negative, and SQLite
  cannot hold ``?offset=999999999999999999999``);
- a NUL character in any other parameter (PostgreSQL refuses it in ``?site=``, ``?locale=``,
  ``?html_path=``...; in ``search`` it is dropped like any control character).

- API v2: ``ValidSearchOperatorMixin`` (every package viewset, and the example's images and
  documents) calls ``check_v2_query`` when a request starts (listing, detail and find).
- API v3: ``comensha_v3_urls`` wraps every view with ``limit_v3_query``.
"""

from functools import wraps

from django.utils import translation

from comensha_content.api.http_headers import request_language
from comensha_content.core.search_text import SearchTextRejected, searchable_text

#: The query parameter Wagtail's API v2 and v3 search with.
SEARCH_PARAMETER = "search"

#: The largest ``offset`` of a listing (a 32-bit integer: far beyond any listing, and well inside
#: what every database takes as OFFSET, with ``limit`` added).
MAX_OFFSET = 2**31 - 1
OFFSET_PARAMETER = "offset"


class QueryRejected(ValueError):
    """A query parameter the API answers with 400: its name, a problem type and a message."""

    def __init__(self, parameter, problem_type, message):
        self.parameter = parameter
        self.problem_type = problem_type
        self.message = message
        super().__init__(message)


def checked_query(query):
    """The QueryDict ``query`` as Wagtail may read it: ``search`` values as safe words (a copy;
    ``query`` itself when there is no search). Raises ``QueryRejected``."""
    for name, values in query.lists():
        if name != SEARCH_PARAMETER and any("\x00" in text for text in (name, *values)):
            raise QueryRejected(
                name, "nul_character", f"query parameter {name!r} contains a NUL character"
            )
    offset = query.get(OFFSET_PARAMETER, "").strip()
    if offset.isascii() and offset.isdigit() and (len(offset) > 10 or int(offset) > MAX_OFFSET):
        raise QueryRejected(
            OFFSET_PARAMETER, "offset_too_large", f"offset must be at most {MAX_OFFSET}"
        )
    if SEARCH_PARAMETER not in query:
        return query
    try:
        words = [searchable_text(value) for value in query.getlist(SEARCH_PARAMETER)]
    except SearchTextRejected as error:
        raise QueryRejected(SEARCH_PARAMETER, "search_too_long", error.message) from error
    safe = query.copy()
    safe.setlist(SEARCH_PARAMETER, words)
    safe._mutable = False
    return safe


def check_v2_query(request):
    """API v2 (a DRF request): ``BadRequestError`` (a 400) for a rejected query."""
    from wagtail.api.v2.utils import BadRequestError

    try:
        request._request.GET = checked_query(request._request.GET)
    except QueryRejected as error:
        raise BadRequestError(error.message) from error


def limit_v3_query(view):
    """Wrap an API v3 view: 400 (problem+json) for a rejected query, else the checked query."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method in ("GET", "HEAD"):
            try:
                # The message in the request's language (Accept-Language), as v2's.
                with translation.override(request_language(request)):
                    request.GET = checked_query(request.GET)
            except QueryRejected as error:
                from wagtail.api.v3.errors import problem_response

                return problem_response(
                    status=400,
                    detail=error.message,
                    errors=[
                        {
                            "type": error.problem_type,
                            "loc": ["query", error.parameter],
                            "msg": error.message,
                        }
                    ],
                )
        return view(request, *args, **kwargs)

    return wrapper
