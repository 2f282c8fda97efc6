"""Search text a reader or client types, made safe for every Wagtail search backend.

Wagtail's database backends put each word of a plain-text search into the backend's own query
syntax: SQLite's FTS5 quotes it in double quotes without escaping one inside it (``'"<`` is a
syntax error, a 500), and every backend nests one expression per word, so some hundreds of words
exceed Python's recursion limit (another 500). PostgreSQL refuses a NUL character.

``searchable_text`` is the one way in: it refuses text over the limits (``SearchTextRejected``,
with a message the HTML views show as a notice and the API as a 400) and returns the words
without control, format or private-use characters and without double quotes, ready for
``queryset.search()`` / ``backend.search()`` (a plain string: Wagtail's ``PlainText``; no
phrase or boolean syntax reaches a backend). The limits are settings
(``COMENSHA_CONTENT_SEARCH_MAX_LENGTH``, ``COMENSHA_CONTENT_SEARCH_MAX_WORDS``).
"""

import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from comensha_content.core.conf import get_setting

#: Unicode categories never searched for: controls (NUL), format characters (bidi overrides,
#: zero-width joiners), surrogates, private use and unassigned code points.
UNSEARCHABLE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})

#: Characters with a meaning in a backend's query syntax that quoting does not neutralise.
QUERY_SYNTAX_CHARACTERS = frozenset('"')


class SearchTextRejected(ValueError):
    """Search text over the limits, with a message a reader or client can act on."""

    def __init__(self, text, message):
        self.text = text
        self.message = message
        super().__init__(message)


def search_limits():
    """``(characters, words)``: the longest search text and the most words it may have."""
    return get_setting("SEARCH_MAX_LENGTH"), get_setting("SEARCH_MAX_WORDS")


def too_long_message():
    max_length, max_words = search_limits()
    return gettext(
        "The search text is too long. Use at most %(max_length)s characters and %(max_words)s "
        "words."
    ) % {"max_length": max_length, "max_words": max_words}


def _searchable_character(char):
    if char in QUERY_SYNTAX_CHARACTERS or unicodedata.category(char) in UNSEARCHABLE_CATEGORIES:
        return " "
    return char


def searchable_text(value):
    """The words of ``value`` to search for ("" for none); ``SearchTextRejected`` over the limits.

    The length counts the text as given (without surrounding spaces), the words what is left
    after removing unsearchable characters.
    """
    text = str(value or "").strip()
    max_length, max_words = search_limits()
    words = "".join(_searchable_character(char) for char in text).split()
    if len(text) > max_length or len(words) > max_words:
        raise SearchTextRejected(text, too_long_message())
    return " ".join(words)


class SearchTextField(forms.Field):
    """A search form field (``q``): the searchable words; over the limits a ValidationError,
    which a ``ListingFilterSet`` turns into its notice or 400 (``value``: the text, shortened)."""

    def to_python(self, value):
        try:
            return searchable_text(value)
        except SearchTextRejected as error:
            raise ValidationError(
                error.message, code="invalid", params={"value": error.text[:40]}
            ) from error
