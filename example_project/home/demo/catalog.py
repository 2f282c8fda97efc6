"""Dutch demo text paired with its English translation, for wagtail-localize's workflow."""

from django.utils.html import strip_tags


class Catalog(dict):
    """Collects Dutch source text -> English translation while the Dutch content is written.

    ``t("Dutch", "English")`` records the pair and returns the Dutch text, so content is written
    once, in Dutch, with its translation beside it.
    """

    def __call__(self, dutch, english):
        self[dutch] = english
        return dutch

    def rich(self, dutch, english):
        """A rich-text paragraph: the pair is recorded for the text inside <p>."""
        self(strip_tags(dutch), strip_tags(english))  # segment when markup wraps it all
        return f"<p>{self(dutch, english)}</p>"

    def same(self, text):
        """Text that stays the same in English (names, places)."""
        return self(text, text)
