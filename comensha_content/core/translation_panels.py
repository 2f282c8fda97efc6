"""The translation status on an edit view: per language, how far, since when out of date, by whom.

A panel without form fields (like the consent status panel): nothing of it is saved, compared in
revisions or exported. Its figures come from ``translation_status`` in three queries.
"""

from wagtail.admin.panels import Panel

from comensha_content.core.translation_status import translation_states


class TranslationStatusPanel(Panel):
    """Status only: percentage translated, out of date since, last updated by."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "comensha_content/core/translation_status_panel.html"

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.states = translation_states(self.instance) if self.instance else []

        def is_shown(self):
            return bool(self.states) and super().is_shown()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["states"] = self.states
            return context
