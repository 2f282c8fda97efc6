"""Suggestions on a story's edit view: things an editor should consider, never a refusal.

A victim's story without helplines, or a pull quote too long to be read at a glance, can still
be saved and published; the editor sees why it might be improved. The panel has no form fields,
so revisions and their comparison are unaffected.
"""

from collections.abc import Mapping, Sequence

from django.utils.text import Truncator
from django.utils.translation import gettext, ngettext
from wagtail.admin.panels import Panel

from comensha_content.blocks.text import PULL_QUOTE_SOFT_LIMIT


def iter_raw_blocks(raw_stream, block_type):
    """The stored values of every block of ``block_type`` in a raw StreamField value, at any
    depth (a testimony inside a content warning counts too)."""
    if isinstance(raw_stream, Mapping):
        if raw_stream.get("type") == block_type:
            yield raw_stream.get("value")
        for value in raw_stream.values():
            yield from iter_raw_blocks(value, block_type)
    elif isinstance(raw_stream, Sequence) and not isinstance(raw_stream, str):
        for item in raw_stream:
            yield from iter_raw_blocks(item, block_type)


def story_suggestions(page):
    """What the editor might improve in ``page`` (a LongreadPage), as sentences."""
    body = page.body.raw_data
    suggestions = []
    if page.needs_consent() and not any(True for _value in iter_raw_blocks(body, "helpline")):
        suggestions.append(
            gettext(
                "This story tells a victim's experience but has no Helplines block. Consider "
                "adding one, usually at the end, so that readers who recognise themselves know "
                "where to find help."
            )
        )
    for value in iter_raw_blocks(body, "pull_quote"):
        quote = str(value.get("quote") or "") if isinstance(value, Mapping) else ""
        length = len(quote)
        if length > PULL_QUOTE_SOFT_LIMIT:
            suggestions.append(
                ngettext(
                    "The pull quote “%(start)s” is %(length)s character long; up to %(limit)s "
                    "reads best.",
                    "The pull quote “%(start)s” is %(length)s characters long; up to %(limit)s "
                    "reads best.",
                    length,
                )
                % {
                    "start": Truncator(quote).words(6, truncate="…"),
                    "length": length,
                    "limit": PULL_QUOTE_SOFT_LIMIT,
                }
            )
    return suggestions


class EditorSuggestionsPanel(Panel):
    """Non-blocking suggestions for the story being edited; shown only when there are some."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "comensha_content/longread/editor_suggestions_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.suggestions = story_suggestions(self.instance)

        def is_shown(self):
            return bool(self.suggestions) and super().is_shown()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["suggestions"] = self.suggestions
            return context
