"""Admin forms of the Kompas pages: terms of the page's own locale; no instrument without a legal basis."""

from django.db import models
from wagtail.admin.forms import WagtailAdminPageForm


class KompasPageForm(WagtailAdminPageForm):
    """Offers taxonomy terms of the page's own locale (plus any already chosen)."""

    taxonomy_fields = ("kader_themes", "forms_of_exploitation", "responsible_roles", "partners")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = getattr(self.instance, "locale_id", None)
        if locale_id is None:
            return
        for name in self.taxonomy_fields:
            field = self.fields.get(name)
            if field is None:
                continue
            chosen = []
            if self.instance.pk:
                chosen = [term.pk for term in getattr(self.instance, name).all()]
            field.queryset = field.queryset.filter(
                models.Q(locale_id=locale_id) | models.Q(pk__in=chosen)
            )


class InstrumentPageForm(KompasPageForm):
    """Refuses to publish (or submit) an instrument without a legal basis; drafts may save."""

    def clean(self):
        cleaned_data = super().clean()
        publishing = not getattr(self, "is_deferred_validation", False)
        if publishing and "legal_basis" in self.fields and not cleaned_data.get("legal_basis"):
            self.add_error("legal_basis", self.instance.legal_basis_required_message)
        return cleaned_data
